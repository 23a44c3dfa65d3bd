// A nil dereference at the top of a new goroutine (its stack is one small
// segment) is a Go panic that deferred calls see and recover, as in gc.
package main

import "fmt"

type T struct{ x int }

func deref(p *T) int { return p.x }

func main() {
	done := make(chan string)
	for i := 0; i < 3; i++ {
		go func(i int) {
			defer func() {
				done <- fmt.Sprint(i, ": ", recover())
			}()
			var p *T
			if i == 1 {
				fmt.Println(deref(p))
			}
			fmt.Println(p.x)
		}(i)
	}
	got := map[string]bool{}
	for i := 0; i < 3; i++ {
		got[<-done] = true
	}
	for i := 0; i < 3; i++ {
		fmt.Println(got[fmt.Sprint(i, ": runtime error: invalid memory address or nil pointer dereference")])
	}
}
