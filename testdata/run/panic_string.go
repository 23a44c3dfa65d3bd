// Panics of string and float values, a repanic in a deferred call, and the
// chain gc prints: panic: a [recovered] ... panic: b
package main

func main() {
	defer func() {
		panic(2.5)
	}()
	panic("first")
}
