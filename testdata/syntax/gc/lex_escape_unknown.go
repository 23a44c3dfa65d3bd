package p

var x = "a\qb"
