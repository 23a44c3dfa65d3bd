package runtime

import "unsafe"

// The Go frames of the calling goroutine and their symbols, from goc's
// frame pointers, the executable's ELF symbols and its DWARF line table
// (runtime/traceback.c). Frames inlined by the optimizer (-O2) are not seen.

func callers(skip int, pc *uintptr, n int) int
func symbolize(pc uintptr, info *[8]uintptr) bool

type stringHeader struct {
	p unsafe.Pointer
	n int
}

// cstring: a string over n bytes at p, memory that is never freed or written.
func cstring(p uintptr, n uintptr) string {
	if n == 0 {
		return ""
	}
	h := stringHeader{unsafe.Pointer(p), int(n)}
	return *(*string)(unsafe.Pointer(&h))
}

// Func describes a function of the program.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns the function containing pc, or nil.
func FuncForPC(pc uintptr) *Func {
	var info [8]uintptr
	if !symbolize(pc, &info) {
		return nil
	}
	return &Func{name: cstring(info[0], info[1]), entry: info[7]}
}

// Name returns the function's name, as gc names it ("main.(*T).M").
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the function's entry address.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file name and line of pc within f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	file, line, _ = fileLine(pc)
	return
}

func fileLine(pc uintptr) (file string, line int, ok bool) {
	var info [8]uintptr
	if !symbolize(pc, &info) || info[5] == 0 {
		return "?", 0, false
	}
	file = cstring(info[4], info[5])
	if info[3] != 0 {
		file = cstring(info[2], info[3]) + "/" + file
	}
	return file, int(info[6]), true
}

// Callers fills pc with the return program counters of the calling
// goroutine's frames: skip 0 is Callers' own frame, 1 its caller's.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	var buf [64]uintptr
	n := callers(0, &buf[0], len(buf))
	// drop what precedes this function's frame (nothing, or an inlined copy)
	i := 0
	for i < n && FuncForPC(buf[i]-1).Name() != "runtime.Callers" {
		i++
	}
	if i == n {
		i = 0 // inlined: frame 0 is our caller's
		skip--
	}
	if skip < 0 {
		skip = 0
	}
	k := 0
	for j := i + skip; j < n && k < len(pc); j++ {
		pc[k] = buf[j]
		k++
	}
	return k
}

// Caller reports the file and line of a call on the calling goroutine's
// stack: skip 0 is the call of Caller itself.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [1]uintptr
	if Callers(skip+2, pcs[:]) == 0 {
		return 0, "", 0, false
	}
	pc = pcs[0] - 1
	file, line, ok = fileLine(pc)
	return pc, file, line, ok
}

// Frame is one frame of a call stack (CallersFrames).
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames iterates over the frames of a Callers result.
type Frames struct {
	pcs []uintptr
}

// CallersFrames returns the frames of the program counters Callers gave.
func CallersFrames(callers []uintptr) *Frames { return &Frames{pcs: callers} }

// Next returns the next frame, and whether more follow.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.pcs) > 0 {
		pc := ci.pcs[0] - 1
		ci.pcs = ci.pcs[1:]
		f := FuncForPC(pc)
		if f == nil {
			continue
		}
		file, line, _ := fileLine(pc)
		return Frame{PC: pc, Func: f, Function: f.name, File: file, Line: line, Entry: f.entry}, len(ci.pcs) > 0
	}
	return Frame{}, false
}

func goid() int

// Stack formats the calling goroutine's stack trace into buf, as gc's
// traceback prints it (arguments shown as "..."), and returns the number
// of bytes written. With all, goc still writes only the calling goroutine.
func Stack(buf []byte, all bool) int {
	var pcs [100]uintptr
	n := Callers(2, pcs[:])
	s := "goroutine " + itoa(goid()) + " [running]:\n"
	for _, pc := range pcs[:n] {
		f := FuncForPC(pc - 1)
		if f == nil {
			continue
		}
		file, line, _ := fileLine(pc - 1)
		s += f.name + "(...)\n\t" + file + ":" + itoa(line) + " +0x" + hex(pc-f.entry) + "\n"
	}
	return copy(buf, s)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func hex(v uintptr) string {
	if v == 0 {
		return "0"
	}
	var b [16]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = "0123456789abcdef"[v&15]
		v >>= 4
	}
	return string(b[i:])
}
