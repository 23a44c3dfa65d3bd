package math

// The methods of Sun's fdlibm (argument reduction by multiples of ln 2 and
// minimax polynomials; their published coefficients).

const (
	ln2Hi = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
)

// Exp returns e**x, the base-e exponential of x.
// Exp(+Inf) = +Inf, Exp(NaN) = NaN; very large values overflow to 0 or +Inf.
//
// gc computes Exp on amd64 in assembly (exp_amd64.s), by Shibata's method
// (SLEEF): k = x/ln2 rounded to nearest, r = (x - k·ln2)/16, a degree-8
// Taylor polynomial for e**r - 1, squared four times, times 2**k. Its
// reduction and polynomial use fused multiply-adds when the CPU has AVX
// and FMA; goc follows it operation for operation, fused where gc fuses,
// so that Exp and all that calls it (Sinh, Cosh, Tanh, Erf, Pow...) give
// gc's results bit for bit on the same machine.
func Exp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2U     = 0.69314718055966295651160180568695068359375 // ln2's upper half
		ln2L     = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
		c2       = 1.6666666666666666667e-1
		c3       = 4.1666666666666666667e-2
		c4       = 8.3333333333333333333e-3
		c5       = 1.3888888888888888889e-3
		c6       = 1.9841269841269841270e-4
		c7       = 2.4801587301587301587e-5
	)
	b := Float64bits(x)
	if int64(b&^signMask) >= int64(uvinf) {
		if b == uvneginf {
			return 0
		}
		return x // NaN, +Inf
	}
	if x > overflow {
		return Inf(1)
	}
	// CVTSD2SL: round to nearest even; out of range gives -2**31
	kf := log2e * x
	k := int32(-1 << 31)
	if kf > -(1<<31) && kf < 1<<31 {
		k = int32(RoundToEven(kf))
	}
	fk := float64(k)
	var r float64
	if hasFMA {
		r = fma(-fk, ln2U, x)
		r = fma(-fk, ln2L, r)
		r *= 0.0625
		p := fma(c7, r, c6)
		p = fma(p, r, c5)
		p = fma(p, r, c4)
		p = fma(p, r, c3)
		p = fma(p, r, c2)
		p = fma(p, r, 0.5)
		p = fma(p, r, 1.0)
		r *= p
		r *= r + 2.0
		r *= r + 2.0
		r *= r + 2.0
		r = fma(r, r+2.0, 1.0)
	} else {
		r = x - ln2U*fk
		r -= ln2L * fk
		r *= 0.0625
		p := c7*r + c6
		p = p*r + c5
		p = p*r + c4
		p = p*r + c3
		p = p*r + c2
		p = p*r + 0.5
		p = p*r + 1.0
		r *= p
		r *= r + 2.0
		r *= r + 2.0
		r *= r + 2.0
		r *= r + 2.0
		r += 1.0
	}
	// r × 2**k, through a subnormal step when k is below -1022
	e := k + 0x3FF
	if e <= 0 {
		if e < -52 {
			return 0
		}
		r *= Float64frombits(uint64(e+0x3FE) << 52)
		e = 1
	} else if e >= 0x7FF {
		return Inf(1)
	}
	return r * Float64frombits(uint64(e)<<52)
}

// hasFMA: whether the CPU has AVX and FMA, as gc's math decides (useFMA).
var hasFMA = cpuHasFMA()

// implemented in runtime/stdlib.c
func cpuHasFMA() bool
func fma(x, y, z float64) float64 // the fused instruction; only when hasFMA

// Exp2 returns 2**x, the base-2 exponential of x.
func Exp2(x float64) float64 {
	const (
		overflow  = 1.0239999999999999e+03
		underflow = -1.0740e+03
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case IsInf(x, -1):
		return 0
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	}
	var k int
	if x > 0 {
		k = int(x + 0.5)
	} else {
		k = int(x - 0.5)
	}
	t := x - float64(k)
	return expReduced(t*ln2Hi, -t*ln2Lo, k)
}

// expReduced returns e**r × 2**k where r = hi - lo and |r| ≤ ln2/2.
func expReduced(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01  // 0x3FC55555; 0x55555555
		p2 = -2.77777777770155933842e-03 // 0xBF66C16C; 0x16BEBD93
		p3 = 6.61375632143793436117e-05  // 0x3F11566A; 0xAF25DE2C
		p4 = -1.65339022054652515390e-06 // 0xBEBBBD41; 0xC5D26BF1
		p5 = 4.13813679705723846039e-08  // 0x3E663769; 0x72BEA4D0
	)
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Log returns the natural logarithm of x.
// Log(+Inf) = +Inf, Log(0) = -Inf, Log(x < 0) = NaN, Log(NaN) = NaN.
func Log(x float64) float64 {
	const (
		l1 = 6.666666666666735130e-01 // 3FE55555 55555593
		l2 = 3.999999999940941908e-01 // 3FD99999 9997FA04
		l3 = 2.857142874366239149e-01 // 3FD24924 94229359
		l4 = 2.222219843214978396e-01 // 3FCC71C5 1D8E78AF
		l5 = 1.818357216161805012e-01 // 3FC74664 96CB03DE
		l6 = 1.531383769920937332e-01 // 3FC39A09 D078C69F
		l7 = 1.479819860511658591e-01 // 3FC2F112 DF3E5244
	)
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	case x == 0:
		return Inf(-1)
	}
	// as gc's log_amd64.s: the exponent field as it is (subnormals are not
	// normalized first), the mantissa in [0.5, 1)
	b := Float64bits(x)
	f1 := Float64frombits(b&fracMask | 0x3FE0000000000000)
	k := float64(int(b>>shift&mask) - 0x3FE)
	if f1 < Sqrt2/2 {
		f1 *= 2
		k--
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (l1 + s4*(l3+s4*(l5+s4*l7)))
	t2 := s4 * (l2 + s4*(l4+s4*l6))
	r := t1 + t2
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f)
}

// Log10 returns the decimal logarithm of x.
func Log10(x float64) float64 { return Log(x) * (1 / Ln10) }

// Log2 returns the binary logarithm of x; exact for powers of two.
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false // every float64 this large is even
	}
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// Pow returns x**y, the base-x exponential of y, with the special cases of
// IEEE 754 and C99 (Pow(x, ±0) = 1, Pow(1, y) = 1, Pow(NaN, y) = NaN, ...).
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		switch {
		case y < 0:
			if Signbit(x) && isOddInt(y) {
				return Inf(-1)
			}
			return Inf(1)
		case y > 0:
			if Signbit(x) && isOddInt(y) {
				return x
			}
			return 0
		}
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		default:
			return Inf(1)
		}
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y) // Pow(-0, -y)
		}
		switch {
		case y < 0:
			return 0
		case y > 0:
			return Inf(1)
		}
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}

	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 {
		// y is a huge even integer: the result is 0, 1 or +Inf.
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == (y > 0):
			return 0
		default:
			return Inf(1)
		}
	}

	// x**y = x**yf × x**yi, with |yf| ≤ ½; the integer power by repeated
	// squaring on the significand, the exponent kept apart (ae).
	a1 := 1.0
	ae := 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		a1 = Exp(yf * Log(x))
	}
	x1, xe := Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			// The exponent is so far out of range that the result
			// over- or underflows whatever follows.
			ae += xe
			break
		}
		if i&1 == 1 {
			a1 *= x1
			ae += xe
		}
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return Ldexp(a1, ae)
}

var pow10small = [...]float64{
	1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
	1e30, 1e31,
}

var pow10big = [...]float64{
	1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
}

var pow10bigneg = [...]float64{
	1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
}

// Pow10 returns 10**n, the base-10 exponential of n.
// Pow10(n) = 0 for n < -323, +Inf for n > 308.
func Pow10(n int) float64 {
	if 0 <= n && n <= 308 {
		return pow10big[n/32] * pow10small[n%32]
	}
	if -323 <= n && n <= 0 {
		return pow10bigneg[-n/32] / pow10small[-n%32]
	}
	if n > 0 {
		return Inf(1)
	}
	return 0
}
