package math

// Expm1 and Log1p: fdlibm's s_expm1.c and s_log1p.c, as Go's pure-Go
// math computes them on amd64.

// Expm1 returns e**x - 1, accurate also when x is near zero.
// Expm1(+Inf) = +Inf, Expm1(-Inf) = -1, Expm1(NaN) = NaN.
func Expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF
		ln2X56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1
		ln2HalfX3  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73
		ln2Half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		tiny       = 1.0 / (1 << 54)
		// scaled coefficients of the rational approximation on [0, 0.347]
		Q1 = -3.33333333333331316428e-02 // 0xBFA11111111110F4
		Q2 = 1.58730158725481460165e-03  // 0x3F5A01A019FE5585
		Q3 = -7.93650757867487942473e-05 // 0xBF14CE199EAADBB7
		Q4 = 4.00821782732936239552e-06  // 0x3ED0CFCA86E65239
		Q5 = -2.01099218183624371326e-07 // 0xBE8AFDB76E09C32D
	)
	switch {
	case IsInf(x, 1) || IsNaN(x):
		return x
	case IsInf(x, -1):
		return -1
	}
	absx := x
	neg := x < 0
	if neg {
		absx = -absx
	}
	if absx >= ln2X56 {
		if neg {
			return -1
		}
		if absx >= othreshold {
			return Inf(1)
		}
	}
	// reduce x to hi-lo = x - k·ln2, |hi-lo| <= ln2/2
	var c float64
	var k int
	if absx > ln2Half {
		var hi, lo float64
		if absx < ln2HalfX3 {
			if !neg {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			if !neg {
				k = int(invLn2*x + 0.5)
			} else {
				k = int(invLn2*x - 0.5)
			}
			t := float64(k)
			hi = x - t*ln2Hi
			lo = t * ln2Lo
		}
		x = hi - lo
		c = (hi - x) - lo
	} else if absx < tiny {
		return x
	}
	hfx := 0.5 * x
	hxs := x * hfx
	r1 := 1 + hxs*(Q1+hxs*(Q2+hxs*(Q3+hxs*(Q4+hxs*Q5))))
	t := 3 - r1*hfx
	e := hxs * ((r1 - t) / (6.0 - x*t))
	if k == 0 {
		return x - (x*e - hxs)
	}
	e = (x*(e-c) - c)
	e -= hxs
	switch {
	case k == -1:
		return 0.5*(x-e) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + 2*(x-e)
	case k <= -2 || k > 56: // exp(x)-1 ≈ exp(x)
		y := 1 - (e - x)
		y = Float64frombits(Float64bits(y) + uint64(k)<<52)
		return y - 1
	case k < 20:
		t := Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> uint(k))) // 1-2**-k
		y := t - (e - x)
		return Float64frombits(Float64bits(y) + uint64(k)<<52)
	}
	t = Float64frombits(uint64(0x3ff-k) << 52) // 2**-k
	y := x - (e + t)
	y++
	return Float64frombits(Float64bits(y) + uint64(k)<<52)
}

// Log1p returns the natural logarithm of 1 plus x, accurate also when x
// is near zero.
// Log1p(+Inf) = +Inf, Log1p(±0) = ±0, Log1p(-1) = -Inf, Log1p(x < -1) = NaN.
func Log1p(x float64) float64 {
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // Sqrt(2)-1 = 0x3fda827999fcef34
		sqrt2HalfM1 = -2.928932188134524755992e-01 // Sqrt(2)/2-1 = 0xbfd2bec333018866
		small       = 1.0 / (1 << 29)
		tiny        = 1.0 / (1 << 54)
		two53       = 1 << 53
		Lp1         = 6.666666666666735130e-01 // 3FE5555555555593
		Lp2         = 3.999999999940941908e-01 // 3FD999999997FA04
		Lp3         = 2.857142874366239149e-01 // 3FD2492494229359
		Lp4         = 2.222219843214978396e-01 // 3FCC71C51D8E78AF
		Lp5         = 1.818357216161805012e-01 // 3FC7466496CB03DE
		Lp6         = 1.531383769920937332e-01 // 3FC39A09D078C69F
		Lp7         = 1.479819860511658591e-01 // 3FC2F112DF3E5244
	)
	switch {
	case x < -1 || IsNaN(x):
		return NaN()
	case x == -1:
		return Inf(-1)
	case IsInf(x, 1):
		return Inf(1)
	}
	absx := Abs(x)
	var f float64
	var iu uint64
	k := 1
	if absx < sqrt2M1 {
		if absx < small {
			if absx < tiny {
				return x
			}
			return x - x*x*0.5
		}
		if x > sqrt2HalfM1 { // 1+x in (√2/2, √2): no reduction
			k = 0
			f = x
			iu = 1
		}
	}
	var c float64 // the rounding error of 1+x, divided by it
	if k != 0 {
		var u float64
		if absx < two53 {
			u = 1.0 + x
			iu = Float64bits(u)
			k = int((iu >> 52) - 1023)
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			iu = Float64bits(u)
			k = int((iu >> 52) - 1023)
			c = 0
		}
		iu &= 0x000fffffffffffff
		if iu < 0x0006a09e667f3bcd { // mantissa of √2
			u = Float64frombits(iu | 0x3ff0000000000000)
		} else {
			k++
			u = Float64frombits(iu | 0x3fe0000000000000)
			iu = (0x0010000000000000 - iu) >> 2
		}
		f = u - 1.0
	}
	hfsq := 0.5 * f * f
	fk := float64(k)
	if iu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += fk * ln2Lo
			return fk*ln2Hi + c
		}
		R := hfsq * (1.0 - 0.66666666666666666*f)
		if k == 0 {
			return f - R
		}
		return fk*ln2Hi - ((R - (fk*ln2Lo + c)) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	R := z * (Lp1 + z*(Lp2+z*(Lp3+z*(Lp4+z*(Lp5+z*(Lp6+z*Lp7))))))
	if k == 0 {
		return f - (hfsq - s*(hfsq+R))
	}
	return fk*ln2Hi - ((hfsq - (s*(hfsq+R) + (fk*ln2Lo + c))) - f)
}
