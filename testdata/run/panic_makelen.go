// make with a negative length: gc's makeslice message, exit status 2.
package main

func size() int { return -1 }

func main() {
	println("before")
	s := make([]byte, size())
	println(len(s))
}
