package p

var x = `abc

