package p

//go:noinline
func f() {}

//go:noinline
var x int

//go:notinheap
type T int

//go:nosplit
type U int

func g() {
	//go:noinline
	y := 1
	_ = y
}

//go:notinheap
type A = int
