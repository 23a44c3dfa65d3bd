// Counted loops whose bounds checks goc drops at -O2 when the facts tested
// before the loop hold (compiler/gen/bce.c), and the same loops when they
// do not: results and panics must be gc's either way.
package main

import "fmt"

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

// sum over x[a], x[a+s], ... up to n (inclusive when incl), x and y both indexed
func strided(x, y []int, a, n, s int, incl bool) (sum int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r, "sum so far", sum)
		}
	}()
	if incl {
		for j := a; j <= n; j += s {
			sum += x[j] * y[j]
		}
	} else {
		for j := a; j < n; j += s {
			sum += x[j] + y[j]
			if sum > 1000000 {
				break
			}
		}
	}
	return sum
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i + 1
	}
	return s
}

func copyLoop(dst, src []byte) int {
	n := len(src)
	k := 0
	for i := 0; i < n; i++ {
		dst[i] = src[i] ^ 0x20
		k++
	}
	return k
}

func main() {
	fmt.Println(sieve(100000))
	x, y := fill(50), fill(40)
	fmt.Println(strided(x, x, 0, 49, 1, true))
	fmt.Println(strided(x, x, 3, 50, 7, false))
	fmt.Println(strided(x, y, 0, 39, 3, true))
	fmt.Println(strided(x, y, 0, 45, 3, true))  // y too short: panics at 42
	fmt.Println(strided(x, x, -3, 10, 2, true)) // negative start: panics at -3
	fmt.Println(strided(x, x, 5, 49, 0, false)) // step 0: runs until the break
	fmt.Println(strided(x, x, 40, 10, 2, true)) // no iteration
	const maxInt = int(^uint(0) >> 1)
	fmt.Println(strided(x, x, 45, maxInt, maxInt-3, true)) // j wraps negative: panics
	b := []byte("hello, world")
	d := make([]byte, 5)
	fmt.Println(copyLoop(b, b), string(b))
	defer func() { fmt.Println("recovered:", recover()) }()
	copyLoop(d, b)
}
