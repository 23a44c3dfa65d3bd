package p

var x = "\x1"
