package p

var x = 1 /* never closed

