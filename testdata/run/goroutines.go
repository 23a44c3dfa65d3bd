package main

// Goroutines (functions, methods, closures), buffered and unbuffered
// channels, close and range, receive with ok, select with and without
// default and with nil channels, and the deadlock fatal error at the end.

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 10
	}
	_ = id
}

type acc struct{ n int }

func (a *acc) add(c chan int, v int) { c <- v + a.n }

func main() {
	jobs := make(chan int, 100)
	results := make(chan int, 100)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for a := 1; a <= 9; a++ {
		sum += <-results
	}
	println(sum)

	done := make(chan bool)
	data := make(chan string)
	go func() {
		for _, s := range []string{"a", "b", "c"} {
			data <- s
		}
		close(data)
	}()
	go func() {
		out := ""
		for {
			s, ok := <-data
			if !ok {
				break
			}
			out += s
		}
		println(out)
		done <- true
	}()
	<-done

	a := &acc{5}
	c := make(chan int, 1)
	go a.add(c, 1)
	println(<-c)

	tick := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 3; i++ {
			tick <- i
		}
		close(quit)
	}()
	count := 0
	for running := true; running; {
		select {
		case v := <-tick:
			count += v + 1
		case <-quit:
			running = false
		}
	}
	println(count)
	sel := make(chan int, 1)
	select {
	case x := <-sel:
		println("got", x)
	default:
		println("empty")
	}
	sel <- 7
	select {
	case x, ok := <-sel:
		println("got", x, ok)
	default:
		println("empty")
	}
	println(len(results), cap(results))
	var nilc chan int
	select {
	case <-nilc:
	default:
		println("nil channel never ready")
	}
	block := make(chan int)
	<-block
}
