// A deadlock: the goroutine list shows where main is blocked
// (deadlock.trace, recorded from gc).
package main

//go:noinline
func wait(c chan int) int {
	return <-c
}

func main() {
	c := make(chan int)
	println(wait(c))
}
