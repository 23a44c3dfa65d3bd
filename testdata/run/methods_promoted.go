package main

type Namer interface{ Name() string }

type Base struct{ n string }

func (b Base) Name() string    { return "base:" + b.n }
func (b *Base) Rename(s string) { b.n = s }

type Renamer interface {
	Namer
	Rename(string)
}

type Outer struct {
	Base
	x int
}

type PtrOuter struct {
	*Base
}

type IfaceOuter struct {
	Namer
	tag string
}

type Zero struct{}

func (Zero) Name() string { return "zero" }

type Sum struct{ k int }

func (s Sum) Add(xs ...int) int {
	t := s.k
	for _, x := range xs {
		t += x
	}
	return t
}

type Adder interface{ Add(...int) int }

func pair() (int, int) { return 3, 4 }

type A8 interface{ Name() int8 }

type W struct{}

func (*W) Name() int8 { return 8 }

func main() {
	o := Outer{Base{"o"}, 1}
	var n Namer = o
	println(n.Name())
	var r Renamer = &o
	r.Rename("renamed")
	println(r.Name(), o.Name())

	p := PtrOuter{&Base{"p"}}
	n = p
	println(n.Name())
	r = p
	r.Rename("p2")
	println(p.Name())

	io := IfaceOuter{Zero{}, "t"}
	n = io
	println(n.Name(), io.Name())

	var e interface{} = Outer{Base{"dyn"}, 2}
	if nn, ok := e.(Namer); ok {
		println("dynamic", nn.Name())
	}
	_, ok := e.(Renamer)
	println("Outer is Renamer:", ok)
	e = &Outer{Base{"dynp"}, 3}
	_, ok = e.(Renamer)
	println("*Outer is Renamer:", ok)

	// value method through a pointer in an interface
	b := &Base{"ptr"}
	n = b
	println(n.Name())

	// method expressions, promoted and variadic
	f := Outer.Name
	println(f(o))
	g := (*Outer).Rename
	g(&o, "via expr")
	println(o.n)
	println(Sum.Add(Sum{1}, 2, 3), Sum.Add(Sum{1}))
	var ad Adder = Sum{10}
	println(ad.Add(1, 2, 3), ad.Add(), ad.Add([]int{5, 5}...), ad.Add(pair()))
	h := struct{ Zero }.Name
	println(h(struct{ Zero }{}))

	// zero-size values in interfaces
	var z1, z2 interface{} = Zero{}, [0]int{}
	println(z1.(Namer).Name(), z2 != nil)

	// a method set is matched by signature, not only by name
	var x interface{} = &W{}
	_, ok = x.(A8)
	println("W is A8:", ok)
	_, ok = x.(Namer)
	println("W is Namer:", ok)

	// slice to array pointer
	s := []int{1, 2, 3, 4}
	ap := (*[3]int)(s)
	ap[0] = 100
	println(s[0], len(ap))
	var ns []int
	println((*[0]int)(ns) == nil)

	// range assigns like a parallel assignment
	xs := []int{10, 20}
	i := 1
	for i, xs[i] = range []int{99} {
		break
	}
	println(i, xs[0], xs[1])

	defer func() {
		println("recovered:", recover().(error).Error())
		var pz *PtrOuter
		defer func() { println("recovered:", recover().(error).Error()) }()
		_ = pz.Base
		var po PtrOuter
		fn := po.Name
		_ = fn
	}()
	_ = (*[5]int)(s)
}
