package p

func Id[T any](x T) T { return x }

type Pair[K comparable, V any] struct {
	k K
	v V
}

var a = Id[int](1)
var b = Id(2)
var c = Pair[string, int]{"a", 1}
var s = []int{1}
var d = s[0]
var e = Id[Pair[int, bool]]
