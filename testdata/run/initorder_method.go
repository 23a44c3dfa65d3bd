package main

// Package variables initialize after what their initializers reach
// through method calls, method values and method expressions (spec:
// Package initialization), not only through function names.

type T struct{ n int }

func (t *T) get() int  { return table[t.n] }
func (t T) twice() int { return 2 * base }

var a = (&T{1}).get()
var b = T{}.twice()
var f = T.twice
var c = f(T{})
var g = (&T{2}).get
var d = g()

var table = []int{10, 20, 30}
var base = 21

func main() {
	println(a, b, c, d)
}
