package p

var a []int
var x = a[]
