package p

type S struct{ f []int }
type T1 *int

func f(a int, b string, i interface{}, x []int, c chan int, c1 chan<- int, p T1, q *int, e, g [2]func(), s, t S, u, v complex128) {
	_ = a == b
	_ = i == x
	_ = x == i
	_ = a < i
	_ = c == c1 && p == q
	_ = e == g
	_ = s == t
	_ = u < v
	_ = p < q
}
