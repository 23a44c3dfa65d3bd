package p

type T struct {
	a, b
}
