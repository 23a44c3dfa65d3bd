// Panic values of named basic types print as gc prints them: main.T(v).
package main

type Code int

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(Code))
		panic(Code(-42))
	}()
	panic(Code(3))
}
