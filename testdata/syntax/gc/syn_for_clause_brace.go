package p

func f() {
	for x := 0; x < 3; x++ )
	}
}
