// Nil dereferences whose value is dead still panic, as gc's explicit nil
// checks do: a value receiver called through a nil pointer (also promoted
// through an embedded nil pointer), and blank assignments of *p and p.f.
package main

type D int

func (D) h() {}

type S struct{ a, b int }

func (S) m() int { return 1 }

type A struct{ *D }

func try(name string, f func()) {
	defer func() { println(name, recover() != nil) }()
	f()
}

func main() {
	var p *D
	var s *S
	var a A
	try("p.h", func() { p.h() })
	try("s.m", func() { _ = s.m() })
	try("a.h", func() { a.h() })
	try("deref", func() { _ = *p })
	try("field", func() { _ = s.a })
}
