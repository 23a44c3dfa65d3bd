package main

// sort.Sort, Slice (pdqsort), Stable, SliceStable, Reverse and Find: the
// order of equal elements must be gc's.

import (
	"sort"
	"strconv"
)

type rec struct {
	k int
	s string
}

type byK []rec

func (b byK) Len() int           { return len(b) }
func (b byK) Less(i, j int) bool { return b[i].k < b[j].k }
func (b byK) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

var seed uint32 = 1

func rnd() int { seed = seed*1103515245 + 12345; return int(seed >> 16) }

func show(rs []rec) string {
	s := ""
	for _, r := range rs {
		s += r.s + " "
	}
	return s
}

func main() {
	for _, n := range []int{0, 1, 2, 5, 12, 13, 30, 49, 50, 51, 100, 200, 1000} {
		for _, mod := range []int{1, 3, 10, 1000} {
			for pat := 0; pat < 5; pat++ {
				rs := make([]rec, n)
				for i := range rs {
					var k int
					switch pat {
					case 0:
						k = rnd() % mod
					case 1:
						k = i % mod
					case 2:
						k = (n - i) % mod
					case 3:
						k = i / (mod + 1)
						if i%17 == 0 {
							k = rnd() % mod
						}
					case 4:
						k = (i * 7919) % (mod + 3)
					}
					rs[i] = rec{k, strconv.Itoa(i)}
				}
				a := append([]rec(nil), rs...)
				sort.Sort(byK(a))
				b := append([]rec(nil), rs...)
				sort.Slice(b, func(i, j int) bool { return b[i].k < b[j].k })
				c := append([]rec(nil), rs...)
				sort.Stable(byK(c))
				d := append([]rec(nil), rs...)
				sort.SliceStable(d, func(i, j int) bool { return d[i].k < d[j].k })
				e := append([]rec(nil), rs...)
				sort.Sort(sort.Reverse(byK(e)))
				if n <= 60 {
					println(n, mod, pat, show(a))
					println(show(b))
					println(show(c), show(d) == show(c))
					println(show(e))
				} else {
					h := 0
					for _, x := range [][]rec{a, b, c, d, e} {
						for _, r := range x {
							v, _ := strconv.Atoi(r.s)
							h = h*31 + v
						}
						h = h*7 + 1
					}
					println(n, mod, pat, h, sort.IsSorted(byK(a)), sort.SliceIsSorted(b, func(i, j int) bool { return b[i].k < b[j].k }))
				}
			}
		}
	}
	fs := []float64{3, 1, 2, -1, 0}
	sort.Float64s(fs)
	println(fs[0], fs[4])
	ss := []string{"b", "c", "a"}
	sort.Strings(ss)
	println(ss[0], ss[1], ss[2], sort.SearchStrings(ss, "b"))
	i, found := sort.Find(len(ss), func(i int) int {
		if "c" < ss[i] {
			return -1
		} else if "c" > ss[i] {
			return 1
		}
		return 0
	})
	println(i, found)
}
