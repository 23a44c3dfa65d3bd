package p

type Number interface {
	~int | ~int64 | ~float64
}

type List[T any] struct {
	next *List[T]
	val  T
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func Sum[N Number](xs ...N) (s N) {
	for _, x := range xs {
		s += x
	}
	return
}

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

var _ = Sum[int](1, 2)
var _ = Sum(1.5, 2.5)
var _ = Map[[]int, int, string]
var _ Pair[string, List[int]]
