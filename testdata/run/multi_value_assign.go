// Multi-value expressions (calls, comma-ok forms) assigned, declared,
// returned and passed where a result becomes an interface value, and
// local `var a, b = f()` declarations.
package main

import "fmt"

type S string

func (s S) String() string { return "S:" + string(s) }

type Stringer interface{ String() string }

func two() (int, S)      { return 7, "x" }
func three() (int, S, S) { return 1, "a", "b" }

func pr(a interface{}, b Stringer) { fmt.Println(a, b.String()) }

func boxed() (interface{}, Stringer) { return two() }

func vari(n int, rest ...Stringer) {
	for _, r := range rest {
		fmt.Print(n, r.String(), " ")
	}
	fmt.Println()
}


func main() {
	var x interface{}
	var st Stringer
	var ok bool
	m := map[string]int{"a": 1}
	x, ok = m["a"]
	fmt.Println(x, ok)
	x, ok = m["zz"]
	fmt.Println(x, ok)
	c := make(chan S, 1)
	c <- "hi"
	st, ok = <-c
	fmt.Println(st.String(), ok)
	var y interface{}
	x, y = two()
	fmt.Println(x, y)
	pr(two())
	fmt.Println(two())
	vari(three())
	a, b := boxed()
	fmt.Println(a, b)
	var i interface{} = 5
	var z interface{}
	z, ok = i.(int)
	fmt.Println(z, ok)
	var p, q = two()
	fmt.Println(p, q)
	var v, found = m["a"]
	fmt.Println(v, found)
	var e, f interface{} = two()
	fmt.Println(e, f)
	switch i := interface{}(true); {
	case i:
		fmt.Println("true case")
	case false:
		fmt.Println("false case")
	}
	select {
	case w := (<-c):
		fmt.Println("got", w)
	default:
		fmt.Println("empty")
	}
}
