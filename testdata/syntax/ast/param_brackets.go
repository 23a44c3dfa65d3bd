package p

type List[T any] []T
type Map[K comparable, V any] map[K]V

const N = 2

func f(a [4]int)                     {}
func g(List[int])                    {}
func h(a, b List[int])               {}
func k(x [N]int, y Map[int, string]) {}
func l([N]int, Map[int, bool])       {}
