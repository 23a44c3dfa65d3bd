// Range loops whose body is a small interface-method or function-value
// call (which goc unrolls by 4 at -O2): every trip count around the
// unroll factor, break and continue in the body, and a slice changed by
// the calls themselves.
package main

import "fmt"

type Shape interface{ Area() int }

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }

func (r Rect) Area() int    { return r.w * r.h }
func (s *Square) Area() int { return s.s * s.s }
func (t Tri) Area() int     { return t.b * t.h / 2 }

type Counter struct{ calls []int }

func (c *Counter) Area() int { c.calls = append(c.calls, len(c.calls)); return len(c.calls) }

func shapes(n int) []Shape {
	var s []Shape
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			s = append(s, Rect{i, 3})
		case 1:
			s = append(s, &Square{i})
		default:
			s = append(s, Tri{i, 4})
		}
	}
	return s
}

func main() {
	for n := 0; n <= 11; n++ {
		s := shapes(n)
		total := 0
		for _, x := range s {
			total += x.Area()
		}
		idx := 0
		for i := range s {
			idx += i * s[i].Area()
		}
		fmt.Println(n, total, idx)
	}

	// function values
	fs := []func(int) int{
		func(x int) int { return x + 1 },
		func(x int) int { return x * 2 },
		func(x int) int { return x - 3 },
	}
	for n := 0; n <= len(fs); n++ {
		acc := 1
		for _, f := range fs[:n] {
			acc = f(acc)
		}
		fmt.Println("funcs", n, acc)
	}

	// break and continue in a small body
	s := shapes(10)
	sum := 0
	for _, x := range s {
		if a := x.Area(); a > 20 {
			break
		}
		sum++
	}
	fmt.Println("break at", sum)
	odd := 0
	for i, x := range s {
		if i%2 == 0 {
			continue
		}
		odd += x.Area()
	}
	fmt.Println("odd", odd)

	// an array, ranged by value (a copy) and by pointer
	arr := [5]Shape{Rect{1, 2}, &Square{3}, Tri{4, 5}, Rect{6, 7}, &Square{8}}
	t := 0
	for _, x := range arr {
		t += x.Area()
	}
	for _, x := range &arr {
		t += x.Area()
	}
	fmt.Println("array", t)

	// calls with side effects on the receiver, seen in order
	c := &Counter{}
	cs := []Shape{c, c, c, c, c, c, c}
	last := 0
	for _, x := range cs {
		last = x.Area()*10 + last
	}
	fmt.Println("counter", last, c.calls)

	// a panic in the middle of the loop (nil interface) is recovered
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	bad := []Shape{Rect{1, 1}, Rect{2, 2}, nil, Rect{3, 3}}
	n := 0
	for _, x := range bad {
		n += x.Area()
	}
	fmt.Println("not reached", n)
}
