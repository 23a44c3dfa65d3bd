package main

// Closures: captured variables shared by reference, counters, function
// values of top-level functions, literals passed and returned, recursion
// through a captured variable, nil func values.

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func double(x int) int { return x * 2 }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func main() {
	c := counter()
	c()
	c()
	println(c(), c())
	d := counter()
	println(d())
	base := 10
	add := func(x int) int { return x + base }
	base = 100
	println(apply(add, 1), apply(double, 21))
	h := compose(double, add)
	println(h(5))
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * j })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	sum := 0
	visit := func(xs []int, f func(int)) {
		for _, x := range xs {
			f(x)
		}
	}
	visit([]int{1, 2, 3}, func(x int) { sum += x })
	println(sum)
	var nilf func()
	println(nilf == nil, add != nil)
	fib := func(n int) int { return n }
	var rec func(int) int
	rec = func(n int) int {
		if n < 2 {
			return fib(n)
		}
		return rec(n-1) + rec(n-2)
	}
	println(rec(20))
	func() {
		println("immediate")
	}()
}
