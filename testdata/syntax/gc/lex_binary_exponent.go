package p

var x = 0b1e2
