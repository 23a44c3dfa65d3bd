// A nil pointer dereferenced inside a method called on it: gc's message
// and the [signal SIGSEGV ...] line, exit status 2.
package main

type node struct {
	val  int
	next *node
}

func (n *node) second() int { return n.next.val }

func main() {
	n := &node{val: 1}
	println("before")
	println(n.second())
}
