package p

type I interface{ M() }
type J interface{ M(); N() }
type T struct{}

func (*T) M() {}

type U struct{}

func (U) M(int) {}

type V struct{}

func (V) m() {}

var _ I = T{}
var _ I = U{}
var _ I = V{}
var _ I = 1
var j J
var i I
var _ J = i
var _ *I = T{}
var _ T = i

func f() {
	var x interface{} = 1
	_ = x.(T)
	_ = i.(U)
	_ = i.(V)
}
