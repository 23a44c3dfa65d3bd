package main

// defer (in loops, on named results, of builtins), panic with error and
// runtime-error values, recover, unwinding through frames, and a panic in
// main that still runs main's deferred call first.

func order() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
	println("body")
}

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if e := recover(); e != nil {
			err = "recovered"
		}
	}()
	return a / b, ""
}

type myErr struct{ msg string }

func (e myErr) Error() string { return e.msg }

func deep(n int) {
	if n == 0 {
		panic(myErr{"bottom"})
	}
	defer println("unwinding", n)
	deep(n - 1)
}

func catch() (s string) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			s = "caught " + e.Error()
		}
	}()
	deep(3)
	return "not reached"
}

func index(xs []int, i int) (v int) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered:", r.(error).Error())
			v = -1
		}
	}()
	return xs[i]
}

func main() {
	order()
	println(named())
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	println(catch())
	println(index([]int{1, 2}, 5))
	println(recover() == nil)
	defer println("main deferred runs before the panic message")
	var m map[string]int
	m["x"] = 1
}
