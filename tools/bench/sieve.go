// sieve: the sieve of Eratosthenes to 10,000,000 over a []bool, ten times
// (issue 4): bounds-checked loads and stores in tight loops.
package main

import "os"

func sieve(n int) int {
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return count
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
	n, reps := 10000000, 10
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n, reps = 100000, 1
	}
	c := 0
	for r := 0; r < reps; r++ {
		c = sieve(n)
	}
	os.Stdout.WriteString("primes up to " + itoa(n) + ": " + itoa(c) + "\n")
}
