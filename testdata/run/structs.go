package main

// Structs, methods (value and pointer receivers, promoted through
// embedding), slices (make, append, copy, slicing, 3-index), arrays,
// pointers, variadic calls, and an index-out-of-range panic at the end.

type Point struct {
	X, Y int
}

func (p Point) Sum() int { return p.X + p.Y }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Named struct {
	Point
	Name string
}

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func sum(xs ...int) int {
	t := 0
	for i := 0; i < len(xs); i++ {
		t += xs[i]
	}
	return t
}

func main() {
	p := Point{1, 2}
	println(p.X, p.Y, p.Sum())
	p.Scale(10)
	println(p.X, p.Y, p.Sum())
	q := &Point{X: 3}
	q.Scale(2)
	println(q.X, q.Y, q.Sum())
	n := Named{Point{5, 6}, "n"}
	n.Scale(2)
	println(n.Name, n.X, n.Sum())
	var s Stack
	for i := 0; i < 100; i++ {
		s.Push(i * i)
	}
	println(len(s.items), cap(s.items) >= 100, s.Pop(), s.Pop(), len(s.items))
	a := [5]int{1, 2, 3}
	a[4] = 9
	b := a[1:4]
	b[0] = 20
	println(a[1], len(b), cap(b), b[2], sum(a[0], a[1], a[2]), sum(b...), sum())
	m := make([]string, 3, 10)
	m[1] = "mid"
	m = append(m, "x", "y")
	println(len(m), cap(m), m[1], m[4])
	str := "hello, world"
	println(str[7:], str[:5], str[3], len(str[2:4]))
	c := make([]int, 2)
	nc := copy(c, []int{7, 8, 9})
	println(nc, c[0], c[1])
	ptr := new(int)
	*ptr = 42
	x := 1
	px := &x
	*px += 5
	println(*ptr, x)
	grid := [][]int{{1, 2}, {3, 4, 5}}
	println(len(grid), len(grid[1]), grid[1][2])
	println(b[5-len(b)+10])
}
