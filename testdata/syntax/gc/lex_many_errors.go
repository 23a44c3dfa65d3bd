package p

var a = "\q"
var b = 08
var c = 0x
var d = ''
var e = 1__0
var f = "\x"
var g = 0b2
var h = 'ab'
var i = "\400"
var j = 1e
var k = 0o8
var l = "\z"
