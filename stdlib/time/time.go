// Package time: clocks, durations, sleeping and timers. Clocks and Sleep
// are goc's C runtime (runtime/stdlib.c); timers are goroutines that
// sleep. The calendar is in calendar.go, time zones in zoneinfo.go,
// formatting and parsing in format.go.
package time

import "sync"

// A Duration is a span of time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func (d Duration) Nanoseconds() int64   { return int64(d) }
func (d Duration) Microseconds() int64  { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64  { return int64(d) / 1e6 }
func (d Duration) Seconds() float64     { return float64(d/Second) + float64(d%Second)/1e9 }
func (d Duration) Minutes() float64     { return float64(d/Minute) + float64(d%Minute)/(60e9) }
func (d Duration) Hours() float64       { return float64(d/Hour) + float64(d%Hour)/(60*60e9) }
func (d Duration) Abs() Duration {
	if d < 0 {
		return -d
	}
	return d
}

// Truncate rounds d toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

func utoa(u uint64) string {
	if u == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	return string(b[i:])
}

// frac formats v / 10^prec with the fraction's trailing zeros dropped.
func frac(v uint64, prec int) string {
	p := uint64(1)
	for i := 0; i < prec; i++ {
		p *= 10
	}
	s := utoa(v / p)
	f := v % p
	if f == 0 {
		return s
	}
	var b [20]byte
	n := 0
	for i := 0; i < prec; i++ {
		p /= 10
		b[n] = byte('0' + f/p%10)
		n++
	}
	for n > 0 && b[n-1] == '0' {
		n--
	}
	return s + "." + string(b[:n])
}

// String formats d as Go does: "1h2m3.5s", "1.5ms", "0s".
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	sign := ""
	if d < 0 {
		sign = "-"
		u = -u
	}
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			return sign + utoa(u) + "ns"
		case u < uint64(Millisecond):
			return sign + frac(u, 3) + "µs"
		default:
			return sign + frac(u, 6) + "ms"
		}
	}
	secs := u / 1e9
	s := sign
	h, m := secs/3600, secs/60%60
	if h > 0 {
		s += utoa(h) + "h"
	}
	if h > 0 || m > 0 {
		s += utoa(m) + "m"
	}
	return s + frac(u%60e9, 9) + "s"
}

// Sleep pauses the goroutine for at least d.
func Sleep(d Duration)

func walltime() int64
func nanotime() int64

// ---- timers ----

// A Timer sends the time on C (or calls its function) once, after its
// duration, unless stopped first.
type Timer struct {
	C      <-chan Time
	c      chan Time
	f      func()
	mu     sync.Mutex
	gen    int
	active bool
}

func (t *Timer) start(d Duration) {
	t.mu.Lock()
	t.gen++
	gen := t.gen
	t.active = true
	t.mu.Unlock()
	go t.run(d, gen)
}

func (t *Timer) run(d Duration, gen int) {
	Sleep(d)
	t.mu.Lock()
	if t.gen != gen || !t.active {
		t.mu.Unlock()
		return
	}
	t.active = false
	t.mu.Unlock()
	if t.f != nil {
		t.f()
		return
	}
	select {
	case t.c <- Now():
	default:
	}
}

// NewTimer returns a Timer that sends the current time on its channel
// after at least d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	t.start(d)
	return t
}

// AfterFunc calls f in its own goroutine after d.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	t.start(d)
	return t
}

// Stop prevents the Timer from firing; it reports whether it was active.
func (t *Timer) Stop() bool {
	t.mu.Lock()
	was := t.active
	t.active = false
	t.gen++
	t.mu.Unlock()
	return was
}

// Reset restarts the timer with duration d; it reports whether it was active.
func (t *Timer) Reset(d Duration) bool {
	was := t.Stop()
	t.start(d)
	return was
}

// After waits for d and then sends the current time on the returned channel.
func After(d Duration) <-chan Time { return NewTimer(d).C }

// A Ticker sends the time on C every period.
type Ticker struct {
	C    <-chan Time
	c    chan Time
	mu   sync.Mutex
	stop bool
	d    Duration
}

// NewTicker returns a Ticker with period d (d must be positive).
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, d: d}
	go t.run()
	return t
}

func (t *Ticker) run() {
	next := Now().Add(t.d)
	for {
		Sleep(Until(next))
		t.mu.Lock()
		if t.stop {
			t.mu.Unlock()
			return
		}
		t.mu.Unlock()
		select {
		case t.c <- Now():
		default:
		}
		next = next.Add(t.d)
	}
}

// Stop turns off the ticker.
func (t *Ticker) Stop() {
	t.mu.Lock()
	t.stop = true
	t.mu.Unlock()
}

// Tick returns a ticker's channel (nil if d <= 0).
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
