// runtime.Caller, Callers, CallersFrames, FuncForPC, Stack and log's
// Lshortfile: goc's frame pointers, ELF symbols and DWARF lines.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

type T struct{}

//go:noinline
func (T) where() string {
	_, file, line, ok := runtime.Caller(0)
	return fmt.Sprint(filepath.Base(file), ":", line, " ", ok)
}

//go:noinline
func outer() string {
	pc, _, line, _ := runtime.Caller(1)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), " ", line)
}

//go:noinline
func inner() string {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	return string(buf[:n])
}

func main() {
	fmt.Println(T{}.where())
	fmt.Println(outer())
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	f, _ := frames.Next()
	fmt.Println(f.Function, filepath.Base(f.File), f.Line)
	log.SetFlags(log.Lshortfile)
	log.SetOutput(os.Stdout)
	log.Println("with file and line")
	// the trace, without argument words, offsets and directories
	for _, l := range strings.Split(inner(), "\n") {
		if i := strings.Index(l, "("); i > 0 && !strings.HasPrefix(l, "\t") {
			l = l[:i]
		}
		if strings.HasPrefix(l, "\t") {
			l = l[strings.LastIndex(l, "/")+1:]
			if i := strings.Index(l, " "); i > 0 {
				l = l[:i]
			}
		}
		fmt.Println(l)
	}
	fmt.Println(len(debug.Stack()) > 0)
}
