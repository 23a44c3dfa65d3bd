package math

// Hyperbolic functions and their inverses, by the methods of Go's pure-Go
// math (Cephes' sinh.c and tanh.c; fdlibm's asinh, acosh, atanh).

// Sinh returns the hyperbolic sine of x.
// Sinh(±0) = ±0, Sinh(±Inf) = ±Inf, Sinh(NaN) = NaN.
func Sinh(x float64) float64 {
	const (
		P0 = -0.6307673640497716991184787251e+6
		P1 = -0.8991272022039509355398013511e+5
		P2 = -0.2894211355989563807284660366e+4
		P3 = -0.2630563213397497062819489e+2
		Q0 = -0.6307673640497716991212077277e+6
		Q1 = 0.1521517378790019070696485176e+5
		Q2 = -0.173678953558233699533450911e+3
	)
	neg := x < 0
	if neg {
		x = -x
	}
	var r float64
	if x > 21 {
		r = Exp(x) * 0.5
	} else if x > 0.5 {
		ex := Exp(x)
		r = (ex - 1/ex) * 0.5
	} else {
		sq := x * x
		r = (((P3*sq+P2)*sq+P1)*sq + P0) * x
		r = r / (((sq+Q2)*sq+Q1)*sq + Q0)
	}
	if neg {
		r = -r
	}
	return r
}

// Cosh returns the hyperbolic cosine of x.
// Cosh(±0) = 1, Cosh(±Inf) = +Inf, Cosh(NaN) = NaN.
func Cosh(x float64) float64 {
	x = Abs(x)
	if x > 21 {
		return Exp(x) * 0.5
	}
	ex := Exp(x)
	return (ex + 1/ex) * 0.5
}

// Tanh returns the hyperbolic tangent of x.
// Tanh(±0) = ±0, Tanh(±Inf) = ±1, Tanh(NaN) = NaN.
func Tanh(x float64) float64 {
	const (
		maxlog = 8.8029691931113054295988e+01 // log(2**127)
		P0     = -9.64399179425052238628e-1
		P1     = -9.92877231001918586564e1
		P2     = -1.61468768441708447952e3
		Q0     = 1.12811678491632931402e2
		Q1     = 2.23548839060100448583e3
		Q2     = 4.84406305325125486048e3
	)
	z := Abs(x)
	switch {
	case z > 0.5*maxlog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		s := Exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			z = -z
		}
		return z
	case x == 0:
		return x
	}
	s := x * x
	return x + x*s*((P0*s+P1)*s+P2)/(((s+Q0)*s+Q1)*s+Q2)
}

// Asinh returns the inverse hyperbolic sine of x.
// Asinh(±0) = ±0, Asinh(±Inf) = ±Inf, Asinh(NaN) = NaN.
func Asinh(x float64) float64 {
	const (
		ln2      = 6.93147180559945286227e-01 // 0x3FE62E42FEFA39EF
		nearZero = 1.0 / (1 << 28)
		large    = 1 << 28
	)
	if IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	var r float64
	switch {
	case x > large:
		r = Log(x) + ln2
	case x > 2:
		r = Log(2*x + 1/(Sqrt(x*x+1)+x))
	case x < nearZero:
		r = x
	default:
		r = Log1p(x + x*x/(1+Sqrt(1+x*x)))
	}
	if neg {
		r = -r
	}
	return r
}

// Acosh returns the inverse hyperbolic cosine of x.
// Acosh(+Inf) = +Inf, Acosh(x) = NaN if x < 1, Acosh(NaN) = NaN.
func Acosh(x float64) float64 {
	const large = 1 << 28
	switch {
	case x < 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return 0
	case x >= large:
		return Log(x) + Ln2
	case x > 2:
		return Log(2*x - 1/(x+Sqrt(x*x-1)))
	}
	t := x - 1
	return Log1p(t + Sqrt(2*t+t*t))
}

// Atanh returns the inverse hyperbolic tangent of x.
// Atanh(1) = +Inf, Atanh(±0) = ±0, Atanh(-1) = -Inf, Atanh(x) = NaN if
// x < -1 or x > 1, Atanh(NaN) = NaN.
func Atanh(x float64) float64 {
	const nearZero = 1.0 / (1 << 28)
	switch {
	case x < -1 || x > 1 || IsNaN(x):
		return NaN()
	case x == 1:
		return Inf(1)
	case x == -1:
		return Inf(-1)
	}
	neg := x < 0
	if neg {
		x = -x
	}
	var r float64
	switch {
	case x < nearZero:
		r = x
	case x < 0.5:
		r = x + x
		r = 0.5 * Log1p(r+r*x/(1-x))
	default:
		r = 0.5 * Log1p((x+x)/(1-x))
	}
	if neg {
		r = -r
	}
	return r
}

// Cbrt returns the cube root of x: fdlibm's cbrt (a 5-bit estimate from
// the exponent, a rational step to 23 bits, then one Newton step rounded
// to 53).
// Cbrt(±0) = ±0, Cbrt(±Inf) = ±Inf, Cbrt(NaN) = NaN.
func Cbrt(x float64) float64 {
	const (
		B1             = 715094163                   // (682-0.03306235651)*2**20
		B2             = 696219795                   // (664-0.03306235651)*2**20
		C              = 5.42857142857142815906e-01  // 19/35     = 0x3FE15F15F15F15F1
		D              = -7.05306122448979611050e-01 // -864/1225 = 0xBFE691DE2532C834
		E              = 1.41428571428571436819e+00  // 99/70     = 0x3FF6A0EA0EA0EA0F
		F              = 1.60714285714285720630e+00  // 45/28     = 0x3FF9B6DB6DB6DB6E
		G              = 3.57142857142857150787e-01  // 5/14      = 0x3FD6DB6DB6DB6DB7
		smallestNormal = 2.22507385850720138309e-308 // 2**-1022
	)
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	// the exponent divided by 3, as a first estimate
	t := Float64frombits(Float64bits(x)/3 + B1<<32)
	if x < smallestNormal {
		t = float64(1 << 54)
		t *= x
		t = Float64frombits(Float64bits(t)/3 + B2<<32)
	}
	r := t * t / x
	s := C + r*t
	t *= G + F/(s+E+D/s)
	// chop to 22 bits, rounded up, so that t*t is exact
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)
	s = t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t = t + t*r
	if neg {
		t = -t
	}
	return t
}
