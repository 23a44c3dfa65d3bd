package p

type T struct{ a int }

func f() {
	if x := (T{}); x.a == 0 {
	}
	for _, v := range []int{1, 2} {
		_ = v
	}
	switch s := (struct{ a int }{1}); s.a {
	}
	if m := map[string]int{"a": 1}; len(m) > 0 {
	}
	if g := func() bool { return true }; g() {
	}
	for x := (T{}).a; x < 3; x++ {
	}
}
