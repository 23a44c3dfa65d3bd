package p

var ٣x = 1
