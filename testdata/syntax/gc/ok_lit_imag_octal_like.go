package p

var x = 09.5i + 0b11i
