package main

// A value-receiver method called through an interface holding a pointer
// (the itab entry must load the value from the pointer).

type I interface{ M() int }

type A struct{ x, y int }

func (a A) M() int { return a.x + a.y }

type B struct{ i I }

func (b B) M() int { return b.i.M() * 10 }

type F func() int

func (f F) M() int { return f() + 1 }

type S string

func (s S) M() int { return len(s) }

func main() {
	var i I = &A{1, 2}
	println(i.M())
	i = &B{A{3, 4}}
	println(i.M())
	i = B{&A{5, 6}}
	println(i.M())
	i = F(func() int { return 41 })
	println(i.M())
	f := F(func() int { return 9 })
	i = &f
	println(i.M())
	s := S("four")
	i = &s
	println(i.M())
	var e any = &A{7, 8}
	println(e.(I).M())
	if j, ok := e.(interface{ M() int }); ok {
		println(j.M())
	}
}
