package main

// math/rand: the default source (seeded with 1 in Go 1.19), Seed, New,
// NewSource, Int*, Float*, Perm, Shuffle and Read, value for value.

import "math/rand"

func main() {
	println(rand.Int(), rand.Intn(100), rand.Int63(), rand.Int31n(1000), rand.Float64(), rand.Uint32(), rand.Uint64(), rand.Int31(), rand.Int63n(1e15), rand.Float32())
	println(rand.Intn(1<<40), rand.Intn(7), rand.Int63n(1<<20))
	p := rand.Perm(10)
	for _, x := range p {
		print(x, " ")
	}
	println()
	rand.Seed(42)
	for i := 0; i < 5; i++ {
		print(rand.Intn(1000), " ")
	}
	println()
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 5; i++ {
		print(r.Int63(), " ")
	}
	println()
	s := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	for _, x := range s {
		print(x, " ")
	}
	println()
	b := make([]byte, 13)
	r.Read(b)
	for _, x := range b {
		print(x, " ")
	}
	println()
	rand.Read(b[:5])
	println(b[0], b[4])
	for _, seed := range []int64{0, -1, 1 << 40, -5e17, 2147483647, 2147483648} {
		r := rand.New(rand.NewSource(seed))
		println(seed, r.Int63(), r.Intn(10), r.Float64(), r.Uint64())
	}
	sum := 0
	r = rand.New(rand.NewSource(99))
	for i := 0; i < 100000; i++ {
		sum = (sum*31 + r.Intn(1000003)) % 1000000007
	}
	println(sum)
	func() {
		defer func() { println(recover().(string)) }()
		rand.Intn(0)
	}()
}
