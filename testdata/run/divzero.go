package main

func div(a, b int) int {
	return a / b
}

func main() {
	println(div(-9223372036854775808, -1), -9223372036854775808%div(-1, 1))
	println(div(7, 0))
}
