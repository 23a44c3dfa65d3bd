// An unrecovered slice-bounds panic: gc's message, exit status 2.
package main

func main() {
	s := make([]int, 3, 5)
	n := len(s) + 3
	println("before")
	_ = s[1:n]
}
