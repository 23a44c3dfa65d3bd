package p

var xÿ = 1
