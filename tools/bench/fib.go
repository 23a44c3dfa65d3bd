// fib: recursive fib(35), computed 10 times so that the run is long
// enough to time on a loaded machine (issue 4): calls and integer arithmetic.
package main

import "os"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func main() {
	n, reps := 35, 10
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n, reps = 20, 1
	}
	r := 0
	for i := 0; i < reps; i++ {
		// The argument depends on the previous result (never 1 here), so an
		// optimizer cannot compute the pure call once for all rounds.
		m := n
		if r == 1 {
			m--
		}
		r = fib(m)
	}
	os.Stdout.WriteString("fib(" + itoa(n) + ") = " + itoa(r) + "\n")
}
