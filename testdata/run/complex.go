package main

import "math"

type C complex64

func div(a, b complex128) complex128 { return a / b }

func main() {
	var a complex128 = 1 + 2i
	b := complex(3.5, -1)
	println(a, b, a+b, a-b, a*b, a/b)
	println(real(a), imag(b), a == b, a != b, -a)
	var c complex64 = complex64(a)
	d := complex(float32(1.5), float32(2))
	println(c, d, c*d, c/d, complex128(d))
	var e C = 3i
	println(e, real(e), imag(e))
	inf := math.Inf(1)
	nan := math.NaN()
	println(div(1, 0), div(complex(inf, 0), 2), div(1, complex(inf, inf)), div(complex(nan, 1), 1))
	println(div(0, 0), div(1e300+1e300i, 1e-300+1e-300i))
	m := map[complex128]int{1i: 1, 2: 2}
	m[1i]++
	println(m[1i], m[2], len(m))
	var x interface{} = a
	println(x.(complex128) == a)
	z := []complex64{1, 2i, 3 + 3i}
	s := complex64(0)
	for _, v := range z {
		s += v
	}
	s *= 2
	println(s)
	const k = 1 + 1i
	var f float64 = real(k)
	println(f, k*k, imag(k*k))
	p := &a
	*p /= 2
	println(a)
}

type P struct {
	a complex64
	b complex128
}

func init() {
	p, q := P{1, 2i}, P{1, 2i}
	println(p == q, [2]complex128{1, 2} == [2]complex128{1, 3})
	var i, j interface{} = complex64(1i), complex64(1i)
	println(i == j, i != complex128(1i))
	var z complex128
	println(z, z == 0, real(z) == imag(z))
	nz := complex(0, -0.0)
	println(nz)
	var f32 float32 = 0.1
	c := complex(f32, f32*3)
	println(c * c, c / (c + 1))
	k := 7 + 0i
	var n int = int(real(k))
	println(n)
}
