package p

var x0 = )
var x1 = )
var x2 = )
var x3 = )
var x4 = )
var x5 = )
var x6 = )
var x7 = )
var x8 = )
var x9 = )
var x10 = )
var x11 = )
