package p

var type = 1
