package p

func f(x int) {
	switch y := x; y )
	}
}
