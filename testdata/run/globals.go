package main

// Package-level variables: declared in any order, initialized in
// dependency order, strings kept alive by the collector as roots.

var total = sum(count)

var count = 10

var (
	greeting     = prefix + "world"
	prefix       = "hello, "
	a, b     int = next(), next()
	counter  int
)

func next() int {
	counter++
	return counter * 100
}

func sum(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}

var longest string

func main() {
	println(total, count, greeting, a, b, counter)
	for i := 0; i < 100000; i++ {
		s := repeat("ab", i%50)
		if len(s) > len(longest) {
			longest = s
		}
	}
	println(len(longest), longest != "", longest == repeat("ab", 49))
}

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r = r + s
	}
	return r
}
