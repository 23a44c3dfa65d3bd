package p

import (
	"fmt"
	str "strconv"
	_ "strings"
	. "unsafe"
)

const (
	A = iota
	B
	C, D = iota, iota * 2
)

const typed int64 = 1 << 10

var (
	x, y int = 1, 2
	z        = []string{"a"}
	m        = map[string][]int{"k": {1, 2}}
	arr      = [...]int{1, 2, 3}
	pts      = []*struct{ X, Y int }{{1, 2}, {X: 3}}
	_        = Sizeof(x)
)

type (
	Point struct {
		X, Y int `json:"x"`
		*Point
		fmt.Stringer
	}
	Shape interface {
		fmt.Stringer
		Area() float64
	}
	Func  func(int, ...string) (bool, error)
	Alias = Point
	Ch    <-chan chan<- int
)

func (p Point) String() string { return str.Itoa(p.X) }
func (p *Point) Move(dx int)   { p.X += dx }

func variadic(xs ...int) int { return len(xs) }

func control(c chan int, s []int, i interface{}) (n int, err error) {
	defer func() { recover() }()
	go func(v int) { c <- v }(1)
outer:
	for i := range s {
		switch {
		case i > 2:
			break outer
		case i == 1:
			continue outer
		default:
			fallthrough
		case i < 0:
		}
	}
	for k, v := range m {
		_, _ = k, v
	}
	for n < 3 {
		n++
	}
	select {
	case v, ok := <-c:
		_, _ = v, ok
	case c <- 2:
	default:
	}
	switch t := i.(type) {
	case nil, int:
		_ = t
	case func() error, map[string]int, *Point, []byte, chan int, struct{}:
	}
	if v, ok := i.(Shape); ok {
		_ = v.Area()
	} else if err != nil {
		return
	}
	f := Point.String
	g := (*Point).Move
	h := Point{}.String
	_, _, _ = f, g, h
	_ = variadic(s...)
	_ = s[1:2:3]
	_ = s[:]
	_ = arr[len(arr)-1]
	_ = -x + ^y&^x | x<<2 ^ x%3
	_ = !(x == y) && x != y || x <= y
	_ = struct{ a int }{a: 1}
	_ = [][]int{{1}, {2, 3}}
	_ = func() {}
	_ = 1 + 2i
	_ = 'x' + '\n'
	_ = `raw` + "str"
	p := &Point{}
	p.Move(1)
	x, y = y, x
	x |= 1
	x &^= 2
	x <<= 1
	goto done
done:
	return n, nil
}
