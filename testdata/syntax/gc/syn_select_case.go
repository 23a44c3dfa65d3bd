package p

func f(c chan int) {
	select {
	case c:
	}
}
