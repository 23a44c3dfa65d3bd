// parked: 1,000,000 goroutines parked on one channel (issue 6): the
// harness divides the peak RSS by the count for bytes per goroutine.
package main

import (
	"os"
	"sync"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 1000
	}
	c := make(chan int)
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	sum := 0
	var mu sync.Mutex
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			v := <-c
			if v == 1 {
				mu.Lock()
				sum++
				mu.Unlock()
			}
			done.Done()
		}()
	}
	started.Wait()
	println("BENCH goroutines", n)
	close(c)
	done.Wait()
	if sum == 0 {
		os.Stdout.WriteString("all parked goroutines released\n")
	}
}
