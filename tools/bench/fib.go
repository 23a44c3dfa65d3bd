// fib: recursive fib(35) (issue 4): calls and integer arithmetic.
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
	n := 35
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 20
	}
	os.Stdout.WriteString("fib(" + itoa(n) + ") = " + itoa(fib(n)) + "\n")
}
