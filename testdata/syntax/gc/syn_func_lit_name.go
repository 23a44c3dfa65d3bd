package p

var f = func g() {}
