// A panic with an error value prints its Error(); deferred calls run first.
package main

type myErr struct{ code int }

func (e *myErr) Error() string { return "my error with code " + string(rune('0'+e.code)) }

func main() {
	defer println("deferred runs")
	var err error = &myErr{7}
	panic(err)
}
