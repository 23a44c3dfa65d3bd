// spinner: a goroutine running "for { x++ }" (no calls) under
// GOMAXPROCS=1 must not stop main from finishing (issue 6): preemption.
package main

import (
	"os"
	"runtime"
	"time"
)

var x int

func main() {
	runtime.GOMAXPROCS(1)
	go func() {
		for {
			x++
		}
	}()
	time.Sleep(50 * time.Millisecond)
	runtime.Gosched()
	os.Stdout.WriteString("main finished while a goroutine spins\n")
}
