// DWARF test program: testdata/debug/check.sh finds each function's
// declaration line here and expects addr2line, llvm-dwarfdump and gdb to
// report it for the function's symbol.
package main

import "fmt"

type T struct{ x int }

func (t *T) inc() { t.x++ }

func add(a, b int) int {
	return a + b
}

func main() {
	t := &T{}
	t.inc()
	f := func(y int) int {
		return add(y, t.x)
	}
	fmt.Println(f(2))
}
