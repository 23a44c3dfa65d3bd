// deeprec: recursion 1,000,000 frames deep (issue 6): stack growth.
package main

import "os"

// The result is mixed non-associatively after the call so that no compiler
// can turn the recursion into a loop (LLVM's tail-recursion elimination
// handles accumulators such as "+ 1").
func rec(n int, pad [4]int) int {
	if n == 0 {
		return pad[0] + pad[1] + pad[2] + pad[3]
	}
	pad[n%4] += n
	r := rec(n-1, pad)
	return (r ^ (r >> 7)) + pad[n%4]
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
	n := 1000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 10000
	}
	r := 0
	for i := 0; i < 5; i++ {
		r = rec(n, [4]int{})
	}
	os.Stdout.WriteString("depth " + itoa(n) + " result " + itoa(r) + "\n")
}
