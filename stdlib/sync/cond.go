package sync

import (
	"sync/atomic"
	"unsafe"
)

func atomicLoad(p *uint32) uint32     { return atomic.LoadUint32(p) }
func atomicStore(p *uint32, v uint32) { atomic.StoreUint32(p, v) }

// notifyList: runtime/sema.c's ticket list (RtNotifyList's layout).
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uint32
	pad    uint32
	head   unsafe.Pointer
	tail   unsafe.Pointer
}

// Cond is a condition variable.
type Cond struct {
	L      Locker
	notify notifyList
}

// NewCond returns a Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait unlocks c.L, waits for Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	t := notifyAdd(&c.notify)
	c.L.Unlock()
	notifyWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one waiting goroutine, if any.
func (c *Cond) Signal() { notifyOne(&c.notify) }

// Broadcast wakes all waiting goroutines.
func (c *Cond) Broadcast() { notifyAll(&c.notify) }

func notifyAdd(l *notifyList) uint32
func notifyWait(l *notifyList, t uint32)
func notifyOne(l *notifyList)
func notifyAll(l *notifyList)

// Pool keeps a free list of values; New makes one when it is empty.
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

// Get takes a value from the pool, or returns New() (or nil).
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	if len(p.items) < 64 {
		p.items = append(p.items, x)
	}
	p.mu.Unlock()
}

// Map is a map safe for concurrent use (a mutex around a Go map).
type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Range calls f for each entry (on a snapshot) until f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}
