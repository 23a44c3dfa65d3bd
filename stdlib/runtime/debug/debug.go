// Package debug: the collector's settings (runtime/stdlib.c).
package debug

import (
	"os"
	"runtime"
)

// SetGCPercent sets GOGC (negative: off) and returns the previous value.
func SetGCPercent(percent int) int { return setGCPercent(percent) }

// SetMemoryLimit sets the soft memory limit (negative: only reads it) and
// returns the previous limit.
func SetMemoryLimit(limit int64) int64 { return setMemoryLimit(limit) }

// FreeOSMemory forces a collection; the heap returns unused spans to the
// OS on its own.
func FreeOSMemory() { runtime.GC() }

func setGCPercent(p int) int
func setMemoryLimit(l int64) int64

// Stack returns the calling goroutine's stack trace, as runtime.Stack
// formats it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack writes Stack's trace to standard error.
func PrintStack() { os.Stderr.Write(Stack()) }
