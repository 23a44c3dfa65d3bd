package main

// &T{...} where T is a slice or map type (the literal's value is stored in
// the new variable, as for structs and arrays).

type ints []int
type dict map[string]int

func (h *ints) push(x int) { *h = append(*h, x) }

func main() {
	p := &[]int{1, 2, 3}
	q := &ints{4, 5}
	m := &map[string]int{"a": 1, "b": 2}
	d := &dict{"z": 26}
	q.push(6)
	(*m)["c"] = 3
	println(len(*p), (*p)[2], len(*q), (*q)[2], len(*m), (*m)["c"], (*d)["z"])
	type box struct{ s *[]string }
	b := box{&[]string{"x", "y"}}
	println(len(*b.s), (*b.s)[1])
	pp := []*[]int{&[]int{7}, {8, 9}}
	println(len(*pp[0]), len(*pp[1]), (*pp[1])[1])
}
