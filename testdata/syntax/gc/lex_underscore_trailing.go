package p

var x = 12_
