package p

var x = 0o
