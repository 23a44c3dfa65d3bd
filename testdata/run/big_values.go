// Large arrays and structs passed, returned, received and copied by value
// (goc passes aggregates over 128 bytes through memory: compiler/gen/abi.c),
// through direct calls, methods, interfaces, closures, defer, go, maps and
// channels; each copy must stay independent of the others.
package main

import "fmt"

type Big struct {
	name string
	data [300]int
	tail []byte
}

type Arr [4096]byte

func fill(n int) (a Arr) {
	for i := range a {
		a[i] = byte(i * n)
	}
	return
}

func sum(a Arr) int {
	s := 0
	for _, v := range a {
		s += int(v)
	}
	a[0] = 99 // the caller's copy must not change
	return s
}

func pair(n int) (Big, Arr, error) {
	b := Big{name: fmt.Sprint("big", n), tail: []byte("tail")}
	for i := range b.data {
		b.data[i] = i * n
	}
	return b, fill(n), nil
}

func (b Big) Total() int {
	t := 0
	for _, v := range b.data {
		t += v
	}
	b.data[1] = -1
	return t
}

func (b *Big) Bump() { b.data[2]++ }

type Totaler interface{ Total() int }

func apply(f func(Big) Big, b Big) Big { return f(b) }

func main() {
	a := fill(3)
	fmt.Println(sum(a), a[0], a[1], a[4095])
	b, arr, err := pair(2)
	fmt.Println(b.name, b.data[299], string(b.tail), arr[10], err)
	fmt.Println(b.Total(), b.data[1])
	b.Bump()
	var t Totaler = b
	b.data[0] = 1000
	fmt.Println(t.Total(), b.Total())
	c := apply(func(x Big) Big { x.data[5] = 555; x.name = "changed"; return x }, b)
	fmt.Println(c.name, c.data[5], b.name, b.data[5])
	m := map[string]Arr{}
	m["x"] = fill(5)
	m["y"] = m["x"]
	v := m["y"]
	v[0] = 1
	fmt.Println(m["x"][0], m["y"][1], v[0], len(m))
	ch := make(chan Big, 2)
	ch <- b
	b.data[3] = 333
	got := <-ch
	fmt.Println(got.data[3], b.data[3])
	done := make(chan int)
	go func(x Arr) { done <- sum(x) }(fill(7))
	fmt.Println(<-done)
	func() {
		defer func(x Big) { fmt.Println("deferred", x.name, x.data[4]) }(b)
		b.data[4] = 444
	}()
	var big [1 << 16]int
	big[1<<16-1] = 7
	copyOf := big
	big[0] = 1
	fmt.Println(copyOf[0], copyOf[1<<16-1], big[0])
}
