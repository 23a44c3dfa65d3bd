package sync

// WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	mu      Mutex
	n       int
	waiters int
	sema    uint32
}

// Add adds delta to the counter; at zero every Wait returns.
func (wg *WaitGroup) Add(delta int) {
	wg.mu.Lock()
	wg.n += delta
	if wg.n < 0 {
		wg.mu.Unlock()
		panic("sync: negative WaitGroup counter")
	}
	if wg.n > 0 || wg.waiters == 0 {
		wg.mu.Unlock()
		return
	}
	w := wg.waiters
	wg.waiters = 0
	wg.mu.Unlock()
	for ; w > 0; w-- {
		semrelease(&wg.sema)
	}
}

// Done decrements the counter.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	wg.mu.Lock()
	if wg.n == 0 {
		wg.mu.Unlock()
		return
	}
	wg.waiters++
	wg.mu.Unlock()
	semacquire(&wg.sema)
}

// Once runs a function exactly once.
type Once struct {
	done uint32
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time on o;
// other callers wait until f has returned.
func (o *Once) Do(f func()) {
	if atomicLoad(&o.done) != 0 {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomicStore(&o.done, 1)
		f()
	}
}
