package main

import (
	"errors"
	"fmt"
	"os"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprint("code ", e.code) }

type G struct{}

func (G) GoString() string { return "G!" }

type Inner struct {
	A []int
	M map[int]string
}

type Outer struct {
	Name  string
	In    *Inner
	Iface interface{}
	f     float32
}

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type F struct{}

func (F) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	if !pok {
		p = -1
	}
	fmt.Fprintf(s, "F[%c %d %v %d %v %v]", verb, w, wok, p, pok, s.Flag('+'))
}

func main() {
	fmt.Println(Celsius(21.55), []Celsius{1, 2})
	fmt.Printf("%v %s %d\n", Red, Green, Green)
	var err error = &E{7}
	fmt.Println(err, []error{err, nil})
	fmt.Printf("%v|%#v|%+v\n", G{}, G{}, G{})
	o := Outer{"o", &Inner{[]int{1}, map[int]string{2: "two", 1: "one"}}, 3, 1.5}
	o.In = nil
	fmt.Printf("%v\n%+v\n", o, o)
	o.In = &Inner{[]int{1}, map[int]string{2: "two", 1: "one"}}
	fmt.Printf("%#v\n", Inner{[]int{1, 2}, nil})
	fmt.Printf("%v %+v\n", o.In.A, o.In)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, 4))
	fmt.Println(fmt.Sprintln("x", 1))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%6.2f|%-8.3e|%+d|% d|%+.3g\n", 3.14159, 1234.5, 5, 7, 2.0/3)
	fmt.Printf("%x %X % x %#x %q %+q %#q\n", "hi\n", []byte("ok"), "abc", "z", "é\t", "é", "back`q")
	fmt.Printf("%c|%q|%U|%#U\n", 'é', 'é', 'é', 'é')
	fmt.Printf("%5t|%-7v|%07.2f|%x|%o|%#o|%b\n", true, nil, -3.5, -255, 64, 64, -5)
	fmt.Printf("%v %v %v %v\n", 1e21, 1e20, 123456789.0, 0.000001)
	fmt.Printf("%v %v %.3v %g\n", float32(0.1), 1/3.0, 1/3.0, 100000000.0)
	nan, inf := 0.0, 1.0
	nan = nan / nan
	inf = inf / 0
	fmt.Printf("%v %v %5.1f %+v %e\n", nan, -inf, inf, inf, nan)
	fmt.Printf("%v %.2f %g\n", 1+2i, 3-4i, complex64(1.5i))
	fmt.Printf("%s %v %d\n", []string{"a", "b"}, [][]int{{1}, {2, 3}}, []byte{1, 2})
	fmt.Printf("%v %d\n", map[string][]int{"z": {1}, "a": nil}, map[Color]bool{Green: true, Red: false})
	fmt.Printf("%T %T %T %T %T\n", o, &o, err, []interface{}{1}, map[string]*int{})
	fmt.Printf("%v %s\n", F{}, F{})
	fmt.Printf("%+8.3x\n", F{})
	fmt.Printf("%08d|%-08d|%+08d|%x|%X\n", -42, 42, 42, uint64(1<<63), int8(-1))
	fmt.Printf("%10.4s|%-10s|%.0s|\n", "abcdefg", "hé", "gone")
	fmt.Printf("%v %v\n", struct{}{}, struct {
		a int
		b string
	}{1, "x"})
	var np *Inner
	var ni interface{}
	fmt.Printf("%v %+v %v %d\n", np, ni, []*int{nil}, []interface{}{1, "a", nil})
	w := fmt.Errorf("ctx: %w", err)
	fmt.Println(w, errors.Unwrap(w) == err, errors.Is(w, err))
	var target *E
	fmt.Println(errors.As(w, &target), target.code)
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	n, _ := fmt.Fprintf(os.Stdout, "%s=%d\n", "n", 10)
	fmt.Println(n)
	fmt.Print("no newline", 1, 2, "\n")
	fmt.Println(int64(-1<<63), uint8(200), uintptr(0x10), 'a', byte('b'))
	type pair struct{ a, b interface{} }
	fmt.Printf("%v %+v\n", pair{1, "s"}, pair{nil, 2.5})
	fmt.Printf("%v\n", [3]Celsius{})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%5v|%-5v|%05d\n", []int{1, 2}, "ab", []int{3})
	fmt.Println(fmt.Sprintf("%[2]d %[1]d %d", 1, 2))
	fmt.Println(fmt.Sprintf("%v", errors.New("plain")))
	fmt.Printf("%t %v\n", "x", true)
	fmt.Printf("%p\n", 5)
	fmt.Printf("%.2f%%\n", 99.5)
	fmt.Printf("%6.3v|%v\n", "abcdef", 'x')
	fmt.Printf("%x %X\n", 3.5, -1.0)
	fmt.Printf("%v\n", []float64{0, -0.0, 1e-7, 12345678})
	fmt.Printf("%#v %#v %#v %#v\n", 1.0, "s", []string(nil), map[string]int(nil))
	fmt.Printf("%#v %#v %#v\n", int8(3), uint(7), []interface{}{1, "a"})
}
