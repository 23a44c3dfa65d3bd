package main

// Function-local named types are qualified by their package in reflect's
// strings (%T, %#v), as gc names them.

import (
	"fmt"
	"reflect"
)

type top struct{ A int }

func f() any {
	type pt struct{ X, Y int }
	return pt{1, 2}
}

func main() {
	type pt struct{ X, Y int }
	type id int
	fmt.Printf("%T %#v %T %#v %T\n", pt{}, pt{3, 4}, id(5), id(6), top{})
	fmt.Printf("%T %v %T\n", f(), f(), []pt{})
	fmt.Println(reflect.TypeOf(pt{}).String(), reflect.TypeOf(pt{}).Name(), reflect.TypeOf(id(0)).String(), reflect.TypeOf(f()) == reflect.TypeOf(pt{}))
}
