// pingpong: 1,000,000 round trips over two unbuffered channels (issue 6);
// prints the ns per round trip on stderr as "BENCH ns_per_op N".
package main

import (
	"os"
	"time"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 1000
	}
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	start := time.Now()
	sum := 0
	for i := 0; i < n; i++ {
		ping <- i
		sum += <-pong
	}
	el := time.Since(start)
	close(ping)
	<-pong
	println("BENCH ns_per_op", int(el.Nanoseconds())/n)
	if sum == n*(n+1)/2 {
		os.Stdout.WriteString("round trips ok\n")
	}
}
