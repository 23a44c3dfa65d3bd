package main

import "reflect"

type T struct{}
type A = int
type R = reflect.Value

func (T) m()   {}
func (*T) m()  {}
func (A) n()   {}
func (R) n3()  {}
func (**T) n8() {}

var (
	x = a
	a = b
	b = a
)

type F func(i int) (i int)

func main(int) {}
