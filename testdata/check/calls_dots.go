package p

func f(a, b int)            {}
func g(a int, b ...string) {}
func tuple() (int, int, int) { return 1, 2, 3 }

func h(x int, s []int) {
	f(1)
	f(1, 2, 3)
	g()
	f(1, x...)
	g(tuple()...)
	_ = append(s...)
	_ = append(s, 2, s...)
	_ = len(s...)
	_ = int(x...)
	_ = copy(s, "hi")
}
