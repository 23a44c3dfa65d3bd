package p

var x = '
'
