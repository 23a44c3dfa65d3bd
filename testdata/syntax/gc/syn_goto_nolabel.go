package p

func f() {
	goto
}
