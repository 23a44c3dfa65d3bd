package p

var x = 0o1.2
