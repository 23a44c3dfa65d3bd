package p

var x = 0_x1
