package p

var x interface{}
var y = x.(type)
