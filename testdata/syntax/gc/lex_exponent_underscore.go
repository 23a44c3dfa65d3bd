package p

var x = 1.5e+_1
