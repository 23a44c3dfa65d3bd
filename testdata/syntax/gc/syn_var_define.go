package p

func f() {
	var x := 1
}
