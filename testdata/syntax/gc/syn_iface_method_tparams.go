package p

type I interface {
	m[P any]()
}
