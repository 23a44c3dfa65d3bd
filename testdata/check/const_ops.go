package main

// Constant expressions gc folds exactly, and the errors for the ones that
// do not fit.

const (
	a = 1 << 62
	b = a * 4 / 8 // exact: 1<<61
	c = 1.0 / 3.0
	d = 'a' + 1
	e int8 = -128
	f uint8 = 255
	g = "con" + "cat"
	h = len(g)
	i = 5 % 3
	j = -7 / 2
	k = 7.0 / 2
	l = ^0
	m uint16 = ^uint16(0)
	n = 1e300 * 1e300 / 1e300
)

const (
	x0 = iota * 10
	x1
	x2
	_
	x4
)

func main() {
	var v1 int8 = e - 1
	var v2 uint8 = f + 1
	var v3 int = a * 4
	var v4 float32 = 1e39
	var v5 int = c
	var v6 = x4 + h + i + j + l + d
	var v7 uint = -j
	println(v1, v2, v3, v4, v5, v6, v7, b, k, m, n, g, x0, x1, x2)
}
