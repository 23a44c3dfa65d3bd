package p

var x = 1p3
