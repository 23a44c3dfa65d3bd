package main

// Constant folding with exact arithmetic, typed constants, iota, and
// conversions between numeric types.

const (
	a = 1 << 62
	b = a * 4 / 8
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
	big = 1 << 100
	small = big >> 98
)

const (
	x0 = iota * 10
	x1
	x2
	_
	x4
)



func half(v float64) float64 { return v / 2 }

func main() {
	println(a, b, c, d, e, f, g, h, i, j, k, l, m, n, small)
	println(x0, x1, x2, x4)
	var fl float64 = 3
	println(fl, half(fl), fl*fl-1, -fl, fl < 4)
	var i8 int8 = 127
	i8++
	println(i8, uint8(i8), int64(i8)*2, float64(i8)/3)
	var u uint32 = 1 << 31
	println(u, u<<1, int32(u), uint64(u)<<1)
	println(int(2.0*k), int8(300-200), float32(c))
}
