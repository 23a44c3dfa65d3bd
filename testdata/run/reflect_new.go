// reflect.New and PtrTo on named types: *T's descriptor is T's ptrto.
package main

import (
	"fmt"
	"reflect"
)

type P struct{ X, Y int }

func (p *P) Move() { p.X++ }

type N int

func main() {
	v := reflect.New(reflect.TypeOf(P{}))
	v.Elem().Field(0).SetInt(5)
	fmt.Println(v.Interface(), v.Type())
	n := reflect.New(reflect.TypeOf(N(0)))
	fmt.Println(n.Type(), n.Elem().Interface())
	fmt.Println(reflect.PtrTo(reflect.TypeOf(P{})) == reflect.TypeOf(&P{}))
	fmt.Println(reflect.TypeOf(&P{}).NumMethod())
}
