package main

import (
	"runtime"
	"sync"
	"sync/atomic"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	runtime.GOMAXPROCS(4)
	c := &counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.inc([]string{"a", "b", "c"}[(i+j)%3])
			}
		}(i)
	}
	wg.Wait()
	println(c.n["a"], c.n["b"], c.n["c"])

	// RWMutex: readers share, the writer excludes them
	var rw sync.RWMutex
	shared := 0
	var readers int32
	var maxReaders int32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				rw.RLock()
				r := atomic.AddInt32(&readers, 1)
				for {
					m := atomic.LoadInt32(&maxReaders)
					if r <= m || atomic.CompareAndSwapInt32(&maxReaders, m, r) {
						break
					}
				}
				_ = shared
				atomic.AddInt32(&readers, -1)
				rw.RUnlock()
			}
		}()
	}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				rw.Lock()
				if atomic.LoadInt32(&readers) != 0 {
					println("writer saw readers")
				}
				shared++
				rw.Unlock()
			}
		}()
	}
	wg.Wait()
	println("shared", shared)

	var once sync.Once
	calls := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	println("once", calls)

	// Cond: a queue with a waiting consumer
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	done := make(chan int)
	go func() {
		sum := 0
		for got := 0; got < 10; got++ {
			mu.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			sum += queue[0]
			queue = queue[1:]
			mu.Unlock()
		}
		done <- sum
	}()
	for i := 1; i <= 10; i++ {
		mu.Lock()
		queue = append(queue, i)
		cond.Signal()
		mu.Unlock()
	}
	println("cond sum", <-done)

	var a atomic.Int64
	var b atomic.Bool
	var v atomic.Value
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			a.Add(int64(i))
			b.Store(true)
		}(i)
	}
	wg.Wait()
	v.Store("hello")
	println(a.Load(), b.Load(), v.Load().(string), a.CompareAndSwap(190, 1), a.Load())

	var m sync.Map
	m.Store("x", 1)
	act, loaded := m.LoadOrStore("x", 2)
	val, ok := m.Load("x")
	println(act.(int), loaded, val.(int), ok)
	m.Delete("x")
	_, ok = m.Load("x")
	println(ok)

	var p sync.Pool
	p.New = func() any { return new(int) }
	x := p.Get().(*int)
	*x = 7
	p.Put(x)
	println(*p.Get().(*int) >= 0)

	var unlocked sync.Mutex
	unlocked.Unlock()
}
