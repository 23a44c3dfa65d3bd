package math

// Trunc returns the integer value of x, rounding toward zero.
// Trunc(±0) = ±0, Trunc(±Inf) = ±Inf, Trunc(NaN) = NaN.
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int((b>>shift)&mask) - bias
	if e < 0 { // |x| < 1
		return Float64frombits(b & signMask)
	}
	if e >= shift { // integral already, or Inf/NaN
		return x
	}
	return Float64frombits(b &^ (fracMask >> uint(e)))
}

// Floor returns the greatest integer value less than or equal to x.
func Floor(x float64) float64 {
	t := Trunc(x)
	if x < 0 && t != x {
		return t - 1
	}
	return t
}

// Ceil returns the least integer value greater than or equal to x.
func Ceil(x float64) float64 { return -Floor(-x) }

// Modf returns integer and fractional floating-point numbers that sum to f.
// Both values have the same sign as f.
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		switch {
		case f < 0:
			int, frac = Modf(-f)
			return -int, -frac
		case f == 0:
			return f, f
		}
		return 0, f
	}
	int = Trunc(f)
	frac = f - int
	return
}

// Round returns the nearest integer, rounding half away from zero.
func Round(x float64) float64 {
	t := Trunc(x)
	if t != x && Abs(x-t) >= 0.5 {
		t += Copysign(1, x)
	}
	return t
}

// RoundToEven returns the nearest integer, rounding ties to even.
func RoundToEven(x float64) float64 {
	t := Trunc(x)
	if t == x {
		return x
	}
	d := Abs(x - t)
	if d > 0.5 || d == 0.5 && int64(t)&1 != 0 {
		t += Copysign(1, x)
	}
	return t
}

// Mod returns the floating-point remainder of x/y. The magnitude of the
// result is less than y and its sign agrees with that of x.
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	yfr, yexp := Frexp(y)
	r := Abs(x)
	for r >= y {
		rfr, rexp := Frexp(r)
		if rfr < yfr {
			rexp--
		}
		r -= Ldexp(y, rexp-yexp) // exact
	}
	if x < 0 || Signbit(x) {
		r = -r
	}
	return r
}
