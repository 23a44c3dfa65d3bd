package p

var x = "aÃb"
