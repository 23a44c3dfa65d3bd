package main

const c int8 = 100

func f(x int8) {}

func main() {
	var x int8
	_ = x + 300
	_ = c * 2
	_ = int8(300)
	f(1000)
	_ = uint(-1)
	_ = 1.5 + x
	var s string = 1
	_ = s
	x = 3.0
	_ = 1 << 1.5
	const big = 1 << 100
	println(big)
	_ = -"a"
	_ = !1
	_ = 5 % 2.0
}
