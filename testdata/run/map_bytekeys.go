// Map operations keyed by string(b) for a []byte b: goc reads b's bytes in
// place for the lookup and copies them only when a new key is stored, so
// changing b afterwards must never change the map.
package main

import (
	"fmt"
	"sort"
)

type Name string
type Bytes []byte

func keys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func main() {
	b := []byte("alpha")
	m := map[string]int{}
	m[string(b)]++
	m[string(b)]++
	b[0] = 'A'
	m[string(b)] += 10
	copy(b, "gamma")
	m[string(b)] = 7
	for i := range b {
		b[i] = 'x'
	}
	fmt.Println(keys(m), m["alpha"], m["Alpha"], m["gamma"], len(m))

	// lookups, comma-ok, delete
	b = []byte("gamma")
	v, ok := m[string(b)]
	fmt.Println(m[string(b)], v, ok)
	b = append(b[:0], "nope"...)
	v, ok = m[string(b)]
	fmt.Println(m[string(b)], v, ok)
	b = append(b[:0], "Alpha"...)
	delete(m, string(b))
	fmt.Println(keys(m))

	// a key inserted from a slice of a larger buffer, then the buffer reused
	text := []byte("one two three two one two")
	counts := map[string]int{}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			counts[string(text[start:i])]++
			start = i + 1
		}
	}
	for i := range text {
		text[i] = '?'
	}
	fmt.Println(keys(counts), counts["one"], counts["two"], counts["three"])

	// empty and nil slices as keys
	var nb []byte
	e := map[string]int{}
	e[string(nb)]++
	e[string([]byte{})]++
	fmt.Println(len(e), e[""])

	// named types: key type Name, byte slice type Bytes
	nm := map[Name]int{}
	nbs := Bytes("bee")
	nm[Name(nbs)] = 1
	nbs[0] = 'z'
	nm[Name(nbs)]++
	fmt.Println(nm["bee"], nm["zee"], len(nm))

	// parenthesized, and map literals (which always copy)
	pb := []byte("pp")
	pm := map[string]int{string(pb): 1}
	pm[(string(pb))]++
	pb[0] = 'q'
	fmt.Println(pm["pp"], pm["qp"], len(pm))

	// a map of slices grown through the borrowed key
	g := map[string][]int{}
	kb := []byte("k")
	for i := 0; i < 3; i++ {
		g[string(kb)] = append(g[string(kb)], i)
	}
	kb[0] = 'j'
	fmt.Println(g["k"], g["j"] == nil)

	// an interface-keyed map converts first (the key is kept as a string)
	im := map[interface{}]int{}
	ib := []byte("iface")
	im[string(ib)] = 3
	ib[0] = 'I'
	fmt.Println(im["iface"], im["Iface"])

	// many keys: growth and evacuation with borrowed keys
	big := map[string]int{}
	buf := make([]byte, 0, 16)
	for i := 0; i < 5000; i++ {
		buf = fmt.Appendf(buf[:0], "key%d", i%1500)
		big[string(buf)] += i
	}
	sum := 0
	for k, v := range big {
		if len(k) < 4 {
			panic(k)
		}
		sum += v
	}
	fmt.Println(len(big), sum, big["key7"])

	// assignment to a nil map still panics
	defer func() { fmt.Println("recovered:", recover()) }()
	var nilm map[string]int
	nilm[string(b)]++
}
