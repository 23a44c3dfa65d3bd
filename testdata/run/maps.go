package main

// Maps: make, literals (struct keys, elided key types), index, comma-ok,
// assignment operators on elements, delete, len, range, nil maps, and
// the nil-map write panic.

type key struct {
	a int
	b string
}

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] += 3
	m["one"]++
	println(len(m), m["one"], m["two"], m["three"], m["four"])
	v, ok := m["two"]
	w, ok2 := m["nope"]
	println(v, ok, w, ok2)
	delete(m, "two")
	_, ok = m["two"]
	println(len(m), ok)
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	lit := map[int]string{1: "a", 2: "b"}
	println(lit[1] + lit[2], len(lit))
	sk := map[key]int{{1, "x"}: 10}
	sk[key{2, "y"}] = 20
	println(sk[key{1, "x"}], sk[key{2, "y"}], sk[key{3, "z"}])
	var nilmap map[string]int
	println(nilmap["x"], len(nilmap))
	counts := map[rune]int{}
	for _, r := range "hello world" {
		counts[r]++
	}
	println(counts['l'], counts['o'], counts['z'])
	nilmap["boom"] = 1
}
