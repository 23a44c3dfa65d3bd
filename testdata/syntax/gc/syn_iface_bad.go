package p

type I interface {
	m() int; 1
}
