package p

func f(c chan int) {
	select {
	x := 1
	}
}
