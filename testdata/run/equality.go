package main

import "math"

type In struct {
	s string
	f float64
}

type S struct {
	a int8
	_ int
	b In
	c [3]uint16
	i interface{}
	p *int
}

type E struct{}

func main() {
	x := 1
	s1 := S{a: 1, b: In{"hi", 0}, c: [3]uint16{1, 2, 3}, i: "x", p: &x}
	s2 := s1
	println(s1 == s2, s1 != s2)
	s2.b.f = math.Copysign(0, -1)
	println(s1 == s2)
	s2.b.s = "h" + "i!"[:1]
	println(s1 == s2)
	s2.c[2] = 4
	println(s1 == s2)
	n1 := In{"", math.NaN()}
	println(n1 == n1, [2]In{} == [2]In{})
	println(E{} == E{}, [0]int{} == [0]int{})
	var a, b [100]string
	b[99] = "z"
	println(a == b, a == a)
	var i1, i2 interface{} = s1, s1
	println(i1 == i2)
	m := map[In]int{{"a", 1}: 1}
	m[In{"a", 1}]++
	println(m[In{"a", 1}], len(m))
	defer func() { println("recovered:", recover().(error).Error()) }()
	u1 := S{i: []int{1}}
	u2 := S{i: []int{1}}
	println(u1 == u2)
}
