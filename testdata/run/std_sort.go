package main

// sort (Sort, Stable, Reverse, Search and the slice helpers) and
// container/list.

import (
	"container/list"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	seed := uint32(7)
	rnd := func() int { seed = seed*1664525 + 1013904223; return int(seed >> 8) }
	for _, n := range []int{0, 1, 2, 5, 13, 50, 1000, 5000} {
		a := make([]int, n)
		for i := range a {
			a[i] = rnd() % 100
		}
		sort.Ints(a)
		println(n, sort.IntsAreSorted(a), sort.SearchInts(a, 50))
		s := make([]string, n)
		for i := range s {
			k := rnd() % 7
			str := ""
			for j := 0; j < k; j++ {
				str += string(rune('a' + j))
			}
			s[i] = str + string(rune('0'+i%10))
		}
		sort.Stable(byLen(s))
		h := 0
		for _, x := range s {
			for i := 0; i < len(x); i++ {
				h = h*31 + int(x[i])
			}
		}
		println(h)
		sort.Sort(sort.Reverse(sort.IntSlice(a)))
		println(sort.IsSorted(sort.Reverse(sort.IntSlice(a))))
	}
	f := []float64{3, 1, 0, -1}
	sort.Float64s(f)
	println(f[0], f[3], sort.Float64sAreSorted(f))
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	println(ss[0], ss[1], ss[2], sort.SearchStrings(ss, "banana"))
	println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
	l := list.New()
	l.PushBack(1)
	l.PushFront(0)
	e := l.PushBack(3)
	l.InsertBefore(2, e)
	l.MoveToFront(e)
	for x := l.Front(); x != nil; x = x.Next() {
		println(x.Value.(int))
	}
	println(l.Len(), l.Remove(e).(int), l.Len())
	var l2 list.List
	l2.PushBackList(l)
	for x := l2.Back(); x != nil; x = x.Prev() {
		println(x.Value.(int))
	}
}

func init() {
	// Stable keeps equal elements in order; Sort must still sort
	// adversarial inputs (sorted, reversed, all equal, organ pipe).
	for _, n := range []int{0, 1, 3, 12, 13, 100, 2000} {
		shapes := [][]int{make([]int, n), make([]int, n), make([]int, n), make([]int, n)}
		for i := 0; i < n; i++ {
			shapes[0][i] = i
			shapes[1][i] = n - i
			shapes[2][i] = 5
			if i < n/2 {
				shapes[3][i] = i
			} else {
				shapes[3][i] = n - i
			}
		}
		for _, s := range shapes {
			sort.Ints(s)
			println(n, sort.IntsAreSorted(s))
		}
	}
	type kv struct{ k, v int }
	var l list.List
	println(l.Len(), l.Front() == nil, l.Back() == nil)
	a := l.PushBack("a")
	b := l.PushBack("b")
	c := l.PushBack("c")
	l.MoveAfter(a, c)
	l.MoveBefore(c, b)
	l.MoveToBack(b)
	l.InsertAfter("x", a)
	l.PushFrontList(&l)
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(string), " ")
	}
	println()
	var other list.List
	other.PushBack(1)
	println(l.InsertBefore("y", other.Front()) == nil, l.Remove(other.Front()) == 1, l.Len(), other.Len())
	l.Init()
	println(l.Len(), a.Next() == nil)
}
