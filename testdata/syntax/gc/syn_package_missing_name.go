package

var x = 1
