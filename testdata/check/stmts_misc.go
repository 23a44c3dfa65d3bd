package p

type S struct{ n int }

func f0()            {}
func f2() (int, int) { return 1, 2 }

func g(x int, m map[int]S, i interface{}) {
	x + 1
	len("abc")
	_ = f0()
	a := f2()
	a, a := 1, 2
	m[0].n = 1
	nil = i
	switch _ := i.(type) {
	}
	cap
}
