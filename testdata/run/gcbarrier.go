// gcbarrier: pointers are moved between heap objects while the collector
// marks concurrently (a goroutine runs runtime.GC in a loop). Every move is
// a swap of two heap slots, the pattern a missing write barrier loses: the
// value taken from an object the marker has not scanned yet is stored into
// one it has already scanned, and its old slot is overwritten. Without the
// barrier the node is freed while reachable (GODEBUG=gcverify=1 reports the
// black-to-white edge at mark termination; otherwise the freed node is
// poisoned or reused and the checks below fail).
package main

import "runtime"

type Node struct {
	id   int
	val  int
	next *Node
}

type Holder struct {
	s   *Node
	pad [3]*Node
}

const N = 20000

func check(hs []*Holder) int {
	sum := 0
	for _, h := range hs {
		for n := h.s; n != nil; n = n.next {
			if n.val != n.id*7+1 {
				println("corrupt node", n.id, n.val)
				panic("corrupt")
			}
			sum += n.id
		}
	}
	return sum
}

func closed(c chan bool) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

func main() {
	hs := make([]*Holder, N)
	for i := range hs {
		h := &Holder{}
		h.s = &Node{id: i, val: i*7 + 1, next: &Node{id: N + i, val: (N+i)*7 + 1}}
		hs[i] = h
	}
	want := check(hs)
	stop := make(chan bool)
	done := make(chan int)
	enough := make(chan bool) // closed after 40 collections
	go func() {
		cycles := 0
		for {
			select {
			case <-stop:
				done <- cycles
				return
			default:
			}
			runtime.GC()
			cycles++
			if cycles == 40 {
				close(enough)
			}
		}
	}()
	x := uint32(1)
	for r := 0; r < 100 || !closed(enough); r++ {
		for k := 0; k < N; k++ {
			x = x*1664525 + 1013904223
			i := int(x>>8) % N
			x = x*1664525 + 1013904223
			j := int(x>>8) % N
			hs[i].s, hs[j].s = hs[j].s, hs[i].s
			if k%64 == 0 {
				// a fresh holder takes over a chain: the old holder
				// becomes garbage, the chain moves into a new object
				h := &Holder{s: hs[j].s}
				hs[j].s = nil
				hs[j] = h
			}
		}
		if got := check(hs); got != want {
			println("round", r, "sum", got, "want", want)
			panic("lost nodes")
		}
	}
	stop <- true
	if c := <-done; c < 40 {
		println("only", c, "collections")
	}
	println("ok", want)
}
