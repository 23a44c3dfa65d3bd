package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func greet(name string) string {
	return "hello, " + name
}

func main() {
	println(greet("world"))
	for i := 0; i < 10; i++ {
		println(i, fib(i))
	}
}
