package main

type S struct{ a, b int }
type I interface{ M() }
type T int

func (T) M() {}

func main() {
	var x interface{} = 3
	switch x {
	case "a":
		println("a")
	case 3:
		println("three")
	}
	switch (S{1, 2}) {
	case S{1, 3}:
		println("no")
	case S{1, 2}:
		println("yes")
	}
	var i I = T(2)
	switch i {
	case T(1):
		println(1)
	case T(2):
		println(2)
	}
	switch c := 1 + 2i; c {
	case 1 + 2i:
		println("c")
	}
	var e error
	switch e {
	case nil:
		println("nil err")
	}
	switch 7 {
	case 1, 7:
		println("seven")
	}
}
