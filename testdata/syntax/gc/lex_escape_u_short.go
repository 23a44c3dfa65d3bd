package p

var x = '\u12'
