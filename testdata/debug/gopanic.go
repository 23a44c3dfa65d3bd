// A nil dereference in a goroutine: the trace ends with gc's "created by"
// line at the go statement (gopanic.trace, recorded from gc).
package main

import "time"

type T struct{ x int }

//go:noinline
func work(p *T) int {
	return p.x
}

func main() {
	go func() {
		println(work(nil))
	}()
	time.Sleep(5 * time.Second)
}
