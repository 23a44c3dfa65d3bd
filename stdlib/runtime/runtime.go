// Package runtime: the parts of Go's runtime package that programs call.
// The functions without bodies are goc's C runtime (runtime/stdlib.c).
package runtime

const GOOS = "linux"
const GOARCH = "amd64"

// Compiler is "gc": goc reproduces gc's behaviour, and programs that test
// this constant do so to pick gc's behaviour.
const Compiler = "gc"

// GC runs a full garbage collection and returns when it is done.
func GC()

// Breakpoint executes a breakpoint trap.
func Breakpoint()

// MemProfileRate is accepted for compatibility; goc keeps no memory
// profile, so its value has no effect.
var MemProfileRate int = 512 * 1024

// Gosched yields the processor, letting other goroutines run.
func Gosched()

// Goexit ends the calling goroutine after running its deferred calls.
func Goexit()

// NumGoroutine returns the number of goroutines that exist.
func NumGoroutine() int

// GOMAXPROCS sets the number of Ps (if n > 0) and returns the previous one.
func GOMAXPROCS(n int) int

// NumCPU returns the number of CPUs the process may run on.
func NumCPU() int

// ReadMemStats fills m with the allocator's and collector's statistics.
func ReadMemStats(m *MemStats)

// KeepAlive marks x as reachable up to the call.
func KeepAlive(x any) {}

// SetFinalizer is accepted, but goc's collector does not run finalizers
// (out of scope: docs/gc.md).
func SetFinalizer(obj any, finalizer any) {}

// LockOSThread and UnlockOSThread: without cgo there is nothing a
// goroutine could observe about its thread, so they do nothing.
func LockOSThread()   {}
func UnlockOSThread() {}

// Version returns the Go version goc implements.
func Version() string { return "go1.19" }


// Error is the interface run-time panics (index out of range, nil map
// writes, ...) satisfy.
type Error interface {
	error
	RuntimeError()
}

// MemStats: gc's layout (Go 1.19), filled by ReadMemStats. Fields the
// collector does not track are zero.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}
