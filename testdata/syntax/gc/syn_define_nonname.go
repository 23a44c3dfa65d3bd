package p

var a struct{ b int }

func f() {
	a.b := 1
}
