package p

import "fmt"

type T struct {
	a int
	b []string
}

func f(x int) (int, error) {
	for i := 0; i < 10; i++ {
		x++
		if x > 5 {
			break
		}
		switch {
		case x == 3:
			fallthrough
		case x == 4:
			continue
		}
	}
	s := []int{1, 2,
		3}
	_ = T{a: 1,
		b: nil,
	}
	_ = s[0]
	x--
	return x, fmt.Errorf("e %d",
		x)
}

func g() (r int) { r = 1; return } // comment after return's brace
func h() int { return 'x' /* a block comment
that holds a newline ends the statement */
}
var _ = f
var _ = g; var _ = h
