// A panic several calls deep: the trace must list gc's frames, with gc's
// file:line for each (testdata/debug/panic.trace, recorded from gc).
package main

type T struct{ a []int }

//go:noinline
func (t *T) get(i int) int {
	return t.a[i]
}

//go:noinline
func deeper(n int) int {
	if n == 0 {
		t := &T{a: []int{1, 2, 3}}
		return t.get(5)
	}
	return deeper(n-1) + 1
}

func main() {
	defer func() { println("deferred") }()
	f := func() int { return deeper(2) }
	println(f())
}
