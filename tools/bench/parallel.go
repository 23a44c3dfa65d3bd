// parallel: two CPU-bound goroutines (issue 6). The harness runs it with
// GOMAXPROCS=2 and GOMAXPROCS=1 and reports the wall-time ratio.
package main

import "os"

func work(seed uint64, n int) uint64 {
	x := seed
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func itoa(n uint64) string {
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
	n := 400000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 100000
	}
	c := make(chan uint64)
	go func() { c <- work(1, n) }()
	go func() { c <- work(2, n) }()
	a, b := <-c, <-c
	os.Stdout.WriteString("xor " + itoa(a^b) + "\n")
}
