package p

const N = 4

type A [N]int
type B[T any] int
type C [N * 2]int
type D[P interface{}] int
type E[P *interface{}] int
type F[K comparable, V any] map[K]V
type G [N]struct{}
type (
	H                   [N]int
	I[T ~int | ~string] []T
)
