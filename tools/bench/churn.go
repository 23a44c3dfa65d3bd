// churn: allocation churn with 1 GiB live of small pointer objects (issue
// 5). 1M chains of 32 nodes of 32 bytes are kept live; chains are then
// replaced at pseudo-random positions until 3 GiB more has been
// allocated. Run with GODEBUG=gctrace=1 to read the pauses.
package main

import "os"

type node struct {
	next *node
	a, b int
	c    *node
}

var seed uint32 = 7

func rnd() uint32 {
	seed = seed*1664525 + 1013904223
	return seed >> 8
}

func chain(n, v int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{next: h, a: v, b: i}
	}
	return h
}

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
	chains, clen, replace := 1<<20, 32, 3<<20
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		chains, replace = 1<<14, 3<<14
	}
	roots := make([]*node, chains)
	for i := range roots {
		roots[i] = chain(clen, i)
	}
	for r := 0; r < replace; r++ {
		i := int(rnd()) % chains
		roots[i] = chain(clen, r)
	}
	sum := 0
	for _, h := range roots {
		for p := h; p != nil; p = p.next {
			sum += p.b
		}
	}
	os.Stdout.WriteString("chains " + itoa(chains) + " sum " + itoa(sum) + "\n")
}
