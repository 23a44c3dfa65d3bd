package p

var x []int

func f() {
	for a, b, c := range x {
		_, _, _ = a, b, c
	}
}
