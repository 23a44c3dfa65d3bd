package p

var x = "abc
var y = 1
