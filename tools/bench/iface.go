// iface: interface dispatch (issue 4): 20 million calls through one
// interface over a slice of three concrete types, done 10 times (200
// million calls) to be long enough to time on a loaded machine.
package main

import "os"

type Shape interface{ Area() int }

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }

func (r Rect) Area() int    { return r.w * r.h }
func (s *Square) Area() int { return s.s * s.s }
func (t Tri) Area() int     { return t.b * t.h / 2 }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func main() {
	calls := 200000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		calls = 3000
	}
	shapes := make([]Shape, 0, 300)
	for i := 0; i < 100; i++ {
		shapes = append(shapes, Rect{i, 3}, &Square{i}, Tri{i, 4})
	}
	total := 0
	for n := 0; n < calls; {
		for _, s := range shapes {
			total += s.Area()
		}
		n += len(shapes)
	}
	os.Stdout.WriteString("total area " + itoa(total) + "\n")
}
