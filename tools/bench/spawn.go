// spawn: start and complete 1,000,000 goroutines (issue 6); prints the
// ns per goroutine on stderr as "BENCH ns_per_op N".
package main

import (
	"os"
	"sync"
	"time"
)

var counts [64]int64

func main() {
	n := 1000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 1000
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	start := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			if i%1000 == 0 {
				mu.Lock()
				total++
				mu.Unlock()
			}
			wg.Done()
		}(i)
	}
	wg.Wait()
	el := time.Since(start)
	println("BENCH ns_per_op", int(el.Nanoseconds())/n)
	if total == n/1000 {
		os.Stdout.WriteString("spawned and completed all goroutines\n")
	}
}
