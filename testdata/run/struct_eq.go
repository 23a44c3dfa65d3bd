package main

// == and != on struct and array values (through the type descriptor), and
// one-pointer structs and arrays in interfaces (boxed; the descriptor's
// direct-interface flag must agree).

import "reflect"

type P struct{ x, y int }

type S struct {
	a string
	f float64
	p P
	_ int
	i any
}

type W struct{ p *int }

func main() {
	a := S{a: "x", f: 0.5, p: P{1, 2}, i: 3}
	b := S{a: "x", f: 0.5, p: P{1, 2}, i: 3}
	c := S{a: "y", f: 0.5, p: P{1, 2}}
	println(a == b, a != c, a != b, [2]S{a, b} == [2]S{b, a}, [3]string{"a", "b"} == [3]string{"a", "b", ""})
	println(S{f: 0} == S{f: -1 * 0.0}, [1]float64{0} == [1]float64{-0.0})
	nan := 0.0
	nan = nan / nan
	println(S{f: nan} == S{f: nan}, [2]P{{1, 2}, {3, 4}} == [2]P{{1, 2}, {3, 5}})
	var i1, i2 any = a, b
	println(i1 == i2, i1 != any(c))
	n, m := 5, 5
	w1, w2 := W{&n}, W{&m}
	var e1, e2, e3 any = w1, W{&n}, w2
	println(e1 == e2, e1 == e3, w1 == W{&n}, w1 != w2)
	arr := [1]*int{&n}
	var ea any = arr
	ga := ea.([1]*int)
	println(*ga[0], ea == any([1]*int{&n}))
	va := reflect.ValueOf(arr)
	println(*(va.Index(0).Interface().(*int)), *(reflect.ValueOf(w1).Interface().(W).p))
	mp := map[any]int{}
	mp[w1] = 1
	mp[W{&n}]++
	mp[arr] = 7
	println(len(mp), mp[w1], mp[[1]*int{&n}])
	func() {
		defer func() { println(recover().(error).Error()) }()
		var x, y any = S{i: []int{1}}, S{i: []int{1}}
		println(x == y)
	}()
}
