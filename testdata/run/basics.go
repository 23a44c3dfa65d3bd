package main

// Integer arithmetic, comparisons, booleans, strings and control flow:
// what the first code generator covers.

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func sum(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n < 10 {
		return "small"
	}
	return "large"
}

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r = r + s
	}
	return r
}

const big = 1 << 40

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	q, r = divmod(-17, 5)
	println(q, r)
	println(sum(100), collatz(27))
	println(classify(-3), classify(0), classify(7), classify(1000))
	println(repeat("ab", 3), len(repeat("xyz", 4)))
	println(big, -big, big>>20)
	var x int = 7
	x *= 6
	x -= 2
	x <<= 1
	println(x, x&^15, x|1, x^255)
	t := true
	f := !t
	println(t, f, t && f, t || f, 3 < 4, "a" < "b", "abc" == "abc", "x" != "x")
	var s string
	println(s == "", len(s))
	a, b := 1, 2
	a, b = b, a
	println(a, b)
	print("no newline", 1, 2, "\n")
	println(-9223372036854775808, 9223372036854775807)
}
