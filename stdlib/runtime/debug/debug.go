// Package debug: the collector's settings (runtime/stdlib.c).
package debug

import "runtime"

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
