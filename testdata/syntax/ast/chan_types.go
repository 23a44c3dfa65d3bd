package p

var a <-chan <-chan int
var b chan<- chan int
var c chan (<-chan int)
var d chan<- <-chan int

func f(ch chan int) int {
	x := <-ch
	return x + <-ch
}
