package main

// append's capacity growth: gc's growslice rule rounded up to the
// allocator's size classes (or whole pages for large slices).

type rec struct{ a, b, c int64 }

func main() {
	for _, n := range []int{1, 3, 5, 9, 17, 100, 129, 255, 256, 257, 1000, 1025, 5000, 40000, 100000} {
		b := append([]byte(nil), make([]byte, n)...)
		x := append([]int(nil), make([]int, n)...)
		r := append([]rec(nil), make([]rec, n)...)
		s := append([]string(nil), make([]string, n)...)
		println(n, cap(b), cap(x), cap(r), cap(s))
	}
	var s []int
	var bs []byte
	var rs []rec
	last, lastb, lastr := -1, -1, -1
	for i := 0; i < 200000; i++ {
		s = append(s, i)
		bs = append(bs, byte(i))
		rs = append(rs, rec{})
		if cap(s) != last || cap(bs) != lastb || cap(rs) != lastr {
			last, lastb, lastr = cap(s), cap(bs), cap(rs)
			println(i, last, lastb, lastr)
		}
	}
	m := make([]int, 3, 3)
	m = append(m, 1, 2, 3, 4, 5)
	println(len(m), cap(m))
}
