package main

// Interfaces: static itabs, value and pointer receivers, interface method
// calls, conversion between interfaces (itab built at run time), type
// assertions with and without ok, type switches with nil and interface
// cases, interface comparison, and the failed-assertion panic.

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square struct{ S int }

func (r Rect) Area() int     { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }
func (s *Square) Area() int  { return s.S * s.S }
func (s *Square) Name() string { return "square" }

type Namer interface{ Name() string }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int"
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
		println(s.Name(), s.Area())
	}
	println(total)
	var e interface{} = 42
	n, ok := e.(int)
	println(n, ok)
	str, ok2 := e.(string)
	println(str == "", ok2)
	println(describe(nil), describe(1), describe("x"), describe(Rect{1, 1}), describe(3.5))
	var nm Namer = shapes[1]
	println(nm.Name())
	var a, b interface{} = 1, 1
	println(a == b, a != 2, e == 42)
	var sh Shape
	println(sh == nil)
	sh = Rect{}
	println(sh != nil)
	_ = e.(string)
}
