package p

type T int

func (T) M()  {}
func (*T) P() {}

var f = T.M
var g = (*T).P
var h = (T).M
var i = (*int)(nil)
var j = []byte("a")
var k = (func())(nil)
