package main

// fmt with strconv underneath: Stringer methods are not called on
// unexported fields (reflect's CanInterface), sort.Reverse through the
// embedded Interface, float formatting.

import (
	"fmt"
	"sort"
	"strconv"
)

type St int

func (s St) String() string { return "St" + strconv.Itoa(int(s)) }

type T struct {
	A St
	b St
	c []St
}

func main() {
	fmt.Println(T{1, 2, []St{3}})
	fmt.Printf("%v %+v\n", T{4, 5, nil}, T{6, 7, nil})
	x := []int{3, 1, 2}
	sort.Sort(sort.Reverse(sort.IntSlice(x)))
	fmt.Println(x, strconv.Quote("hi\n"), 0.1+0.2, float32(0.1), 1e21, 1e20, 123456789.0)
	fmt.Printf("%.3f %e %g %G %x %08.3f|%-8.2e|%+g\n", 3.14159, 1234.5678, 1e-7, 1e30, 1.5, -3.14159, 2.5, 7.0)
}
