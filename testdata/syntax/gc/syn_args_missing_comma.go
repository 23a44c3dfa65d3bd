package p

func f() {
	g(a b)
}
