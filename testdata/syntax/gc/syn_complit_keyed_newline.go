package p

type T struct {
	a int
}

func f() {
	_ = T{a: 1,
		b: 2
	}
}
