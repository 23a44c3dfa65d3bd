// go and defer of function literals with arguments: the arguments are
// evaluated at the statement, the captured variables are shared, and the
// call runs later (goc puts the arguments in the closure object itself).
package main

import (
	"fmt"
	"strings"
	"sync"
)

type pair struct {
	s string
	p *int
}

func deferred() (out string) {
	x := 1
	defer func(a int, s string, ps ...string) {
		out = fmt.Sprint(a, s, ps, x)
	}(x, "at-defer", "v1", "v2")
	x = 2
	return "unused"
}

func recovering() (msg string) {
	defer func(tag string) {
		if r := recover(); r != nil {
			msg = tag + ": " + fmt.Sprint(r)
		}
	}("caught")
	var m map[string]int
	m["x"] = 1
	return "not reached"
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := make([]string, 8)
	total := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		n := i * 10
		go func(i int, p pair, f func(int) int, rest ...int) {
			defer wg.Done()
			mu.Lock()
			total += f(i) + len(rest)
			mu.Unlock()
			results[i] = fmt.Sprintf("%d:%s:%d:%v", i, p.s, *p.p, rest)
		}(i, pair{strings.Repeat("x", i%3), &n}, func(v int) int { return v * v }, i, i+1)
	}
	wg.Wait()
	fmt.Println(strings.Join(results, " "), total)

	fmt.Println(deferred())
	fmt.Println(recovering())

	// a literal with no captures and no arguments, and one in parentheses
	done := make(chan string, 2)
	go func() { done <- "plain" }()
	go (func(s string) { done <- s })("paren")
	a, b := <-done, <-done
	if a > b {
		a, b = b, a
	}
	fmt.Println(a, b)

	// arguments evaluated before the goroutine runs, in order
	order := []string{}
	next := func(s string) string { order = append(order, s); return s }
	ch := make(chan string)
	go func(x, y string) { ch <- x + y }(next("first"), next("second"))
	fmt.Println(<-ch, order)
}
