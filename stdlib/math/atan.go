package math

// Arc tangent by Cephes' atan.c (a rational approximation on [0, 0.66]
// after reducing by tan(π/4) and tan(3π/8)); arc sine and cosine through
// it, as Go's pure-Go math computes them on amd64.

// xatan evaluates atan(x) for 0 <= x <= 0.66.
func xatan(x float64) float64 {
	const (
		P0 = -8.750608600031904122785e-01
		P1 = -1.615753718733365076637e+01
		P2 = -7.500855792314704667340e+01
		P3 = -1.228866684490136173410e+02
		P4 = -6.485021904942025371773e+01
		Q0 = +2.485846490142306297962e+01
		Q1 = +1.650270098316988542046e+02
		Q2 = +4.328810604912902668951e+02
		Q3 = +4.853903996359136964868e+02
		Q4 = +1.945506571482613964425e+02
	)
	z := x * x
	z = z * ((((P0*z+P1)*z+P2)*z+P3)*z + P4) / (((((z+Q0)*z+Q1)*z+Q2)*z+Q3)*z + Q4)
	return x*z + x
}

// satan reduces x >= 0 to [0, 0.66] and evaluates atan(x).
func satan(x float64) float64 {
	const (
		morebits = 6.123233995736765886130e-17 // π/2 = Pi/2 + morebits
		tan3pio8 = 2.41421356237309504880      // tan(3π/8)
	)
	switch {
	case x <= 0.66:
		return xatan(x)
	case x > tan3pio8:
		return Pi/2 - xatan(1/x) + morebits
	}
	return Pi/4 + xatan((x-1)/(x+1)) + 0.5*morebits
}

// Atan returns the arctangent, in radians, of x.
// Atan(±0) = ±0, Atan(±Inf) = ±Pi/2.
func Atan(x float64) float64 {
	switch {
	case x == 0:
		return x
	case x > 0:
		return satan(x)
	}
	return -satan(-x)
}

// Asin returns the arcsine, in radians, of x.
// Asin(±0) = ±0, Asin(x) = NaN if x < -1 or x > 1.
func Asin(x float64) float64 {
	if x == 0 {
		return x
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if x > 1 {
		return NaN()
	}
	r := Sqrt(1 - x*x)
	if x > 0.7 {
		r = Pi/2 - satan(r/x)
	} else {
		r = satan(x / r)
	}
	if neg {
		r = -r
	}
	return r
}

// Acos returns the arccosine, in radians, of x.
// Acos(x) = NaN if x < -1 or x > 1.
func Acos(x float64) float64 { return Pi/2 - Asin(x) }

// Atan2 returns the arc tangent of y/x, using the signs of the two to
// determine the quadrant of the return value.
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 1):
		if IsInf(y, 0) {
			return Copysign(Pi/4, y)
		}
		return Copysign(0, y)
	case IsInf(x, -1):
		if IsInf(y, 0) {
			return Copysign(3*Pi/4, y)
		}
		return Copysign(Pi, y)
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	q := Atan(y / x)
	if x < 0 {
		if q <= 0 {
			return q + Pi
		}
		return q - Pi
	}
	return q
}
