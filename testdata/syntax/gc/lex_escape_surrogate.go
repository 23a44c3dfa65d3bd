package p

var x = '\uD800'
