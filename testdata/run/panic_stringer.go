// A panic with a Stringer value prints its String(), as gc's
// preprintpanics does.
package main

type S string

func (s S) String() string { return "stringer " + string(s) }

func main() {
	panic(S("x"))
}
