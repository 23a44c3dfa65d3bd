package p

func f() {
L:
	for {
		break L
	}
M:
	for i := 0; i < 2; i++ {
		continue M
	}
	goto N
N:
}
