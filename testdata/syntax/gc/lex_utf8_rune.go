package p

var x = 'ÿ'
