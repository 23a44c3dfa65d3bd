// A type switch case naming another interface binds the variable with
// that interface's itab.
package main

import "fmt"

type A interface{ F() string }
type B interface {
	G() string
	F() string
}

type T struct{}

func (T) F() string { return "F" }
func (T) G() string { return "G" }

func main() {
	var x A = T{}
	switch v := x.(type) {
	case B:
		fmt.Println(v.G(), v.F())
	}
	var e interface{} = T{}
	switch v := e.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", v)
	case B:
		fmt.Println(v.G(), v.F())
	}
	switch v := x.(type) {
	case interface{ G() string }:
		fmt.Println(v.G())
	}
}
