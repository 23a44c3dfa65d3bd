// Package sync: mutual exclusion and waiting, parking goroutines on the
// runtime's semaphores (runtime/sema.c) rather than spinning.
package sync

import "sync/atomic"

// A Locker can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// Mutex: state counts the goroutines holding or wanting the lock; all but
// the first wait on sema, and Unlock hands the lock to the longest waiter.
type Mutex struct {
	state int32
	sema  uint32
}

// Lock locks m, waiting while another goroutine holds it.
func (m *Mutex) Lock() {
	if atomic.AddInt32(&m.state, 1) > 1 {
		semacquire(&m.sema)
	}
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool { return atomic.CompareAndSwapInt32(&m.state, 0, 1) }

// Unlock unlocks m; unlocking an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	n := atomic.AddInt32(&m.state, -1)
	if n < 0 {
		atomic.AddInt32(&m.state, 1)
		throw("sync: unlock of unlocked mutex")
	}
	if n > 0 {
		semrelease(&m.sema)
	}
}

const rwmutexMaxReaders = 1 << 30

// RWMutex: readers count themselves in readerCount; a writer takes w,
// subtracts rwmutexMaxReaders (so new readers wait on readerSem) and waits
// on writerSem for the readers already inside to leave.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		semacquire(&rw.readerSem)
	}
}

func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readerCount)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readerCount, c, c+1) {
			return true
		}
	}
}

func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readerCount, -1); r < 0 {
		if r+1 == 0 || r+1 == -rwmutexMaxReaders {
			throw("sync: RUnlock of unlocked RWMutex")
		}
		if atomic.AddInt32(&rw.readerWait, -1) == 0 {
			semrelease(&rw.writerSem)
		}
	}
}

func (rw *RWMutex) Lock() {
	rw.w.Lock()
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		semacquire(&rw.writerSem)
	}
}

func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readerCount, 0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		throw("sync: Unlock of unlocked RWMutex")
	}
	for i := 0; i < int(r); i++ {
		semrelease(&rw.readerSem)
	}
	rw.w.Unlock()
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// RLocker returns a Locker that read-locks rw.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

// implemented in runtime/stdlib.c
func semacquire(addr *uint32)
func semrelease(addr *uint32)
func throw(s string)
