package main

type T struct{ n int }

func (t T) Get() int       { return t.n }
func (t *T) Inc(d int)     { t.n += d }
func (t T) Add(a, b int) int { return t.n + a + b }

type I interface{ Get() int }

type E struct{ T }

func apply(f func(int), x int) { f(x) }

func main() {
	t := T{1}
	g := t.Get
	t.n = 100
	println(g())
	inc := t.Inc
	apply(inc, 5)
	println(t.n)
	var i I = T{7}
	ig := i.Get
	println(ig())
	add := T{10}.Add
	println(add(1, 2))
	f := T.Get
	println(f(T{3}))
	h := (*T).Inc
	h(&t, 1)
	println(t.n)
	k := (*T).Get
	println(k(&t))
	e := E{T{42}}
	eg := e.Get
	println(eg())
	ie := I.Get
	println(ie(T{9}))
	var fs []func() int
	for j := 0; j < 3; j++ {
		fs = append(fs, T{j}.Get)
	}
	println(fs[0](), fs[1](), fs[2]())
	defer func() { println("recovered:", recover() != nil) }()
	var ni I
	_ = ni.Get
}
