package main

// container/heap (gc's sift order: equal priorities pop in gc's order) and
// container/ring.

import (
	"container/heap"
	"container/ring"
)

type item struct {
	pri  int
	name string
	idx  int
}

type pq []*item

func (q pq) Len() int            { return len(q) }
func (q pq) Less(i, j int) bool  { return q[i].pri < q[j].pri }
func (q pq) Swap(i, j int)       { q[i], q[j] = q[j], q[i]; q[i].idx = i; q[j].idx = j }
func (q *pq) Push(x any)         { it := x.(*item); it.idx = len(*q); *q = append(*q, it) }
func (q *pq) Pop() any           { old := *q; n := len(old); it := old[n-1]; *q = old[:n-1]; return it }

type ints []int

func (h ints) Len() int           { return len(h) }
func (h ints) Less(i, j int) bool { return h[i] < h[j] }
func (h ints) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ints) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ints) Pop() any          { old := *h; n := len(old); x := old[n-1]; *h = old[:n-1]; return x }

func main() {
	h := &ints{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	heap.Push(h, 7)
	for h.Len() > 0 {
		print(heap.Pop(h).(int), " ")
	}
	println()
	var q pq
	seed := uint32(3)
	for i := 0; i < 40; i++ {
		seed = seed*1664525 + 1013904223
		heap.Push(&q, &item{pri: int(seed>>24) % 5, name: string(rune('a' + i%26))})
	}
	q[3].pri = -1
	heap.Fix(&q, 3)
	heap.Remove(&q, 7)
	s := ""
	for q.Len() > 0 {
		it := heap.Pop(&q).(*item)
		s += it.name
	}
	println(s)
	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(v any) { print(v.(int), " ") })
	println()
	rm := r.Unlink(2)
	println(r.Len(), rm.Len(), r.Move(-1).Value.(int), r.Prev().Value.(int))
	r.Link(ring.New(2))
	println(r.Len())
	var z ring.Ring
	println(z.Len(), z.Next() == &z)
}
