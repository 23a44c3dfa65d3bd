package strconv

import "math/bits"

// Shortest formatting by Ulf Adams' Ryu method ("Ryu: fast float-to-string
// conversion", PLDI 2018), as Go 1.19 does it: the float's neighbourhood
// [lower, upper] (halfway to the adjacent floats) is scaled by a power of
// ten from the 128-bit table so that the bounds become integers with a
// few spare digits, and digits are trimmed while the interval still holds
// a shorter number. The digits are the same the exact decimal method
// gives (roundShortest); this is the fast path for it.

// digitBuf holds formatted digits: d[0:nd], decimal point at dp.
type digitBuf struct {
	d      []byte
	nd, dp int
}

// log10Pow2 returns floor(x * log10(2)) for |x| < 1700 or so.
func log10Pow2(x int) int { return (x * 78913) >> 18 }

// log2Pow10 returns floor(x * log2(10)).
func log2Pow10(x int) int { return (x * 108853) >> 15 }

// shortestRyu formats mant * 2^exp (exp already unbiased, mantissa
// integer) with the fewest digits; flt tells the format (for the bounds).
func shortestRyu(out *digitBuf, mant uint64, exp int, flt *floatInfo) {
	if mant == 0 {
		out.nd, out.dp = 0, 0
		return
	}
	// an integer that fits in the mantissa: its digits, exactly
	if exp <= 0 && bits.TrailingZeros64(mant) >= -exp {
		mant >>= uint(-exp)
		ryuTrim(out, mant, mant, mant, true, false)
		return
	}
	// the halfway points around the value, in units of 2^e2
	var lo, mid, hi uint64
	var e2 int
	if mant != 1<<flt.mantbits || exp == flt.bias+1-int(flt.mantbits) {
		lo, mid, hi = 2*mant-1, 2*mant, 2*mant+1
		e2 = exp - 1
	} else {
		// at a power of two the float below is half as far
		lo, mid, hi = 4*mant-1, 4*mant, 4*mant+2
		e2 = exp - 2
	}
	if e2 == 0 {
		ryuTrim(out, lo, mid, hi, true, false)
		return
	}
	// scale by 10^q so that about 2^(-e2) becomes 10^(-q): the integer
	// parts then carry the digits
	q := log10Pow2(-e2) + 1
	var dl, dc, du uint64
	var el, ec, eu bool // whether each product was exact
	if flt == &float32info {
		var a, b, c uint32
		a, _, el = mulPow10x64(uint32(lo), e2, q)
		b, _, ec = mulPow10x64(uint32(mid), e2, q)
		c, e2, eu = mulPow10x64(uint32(hi), e2, q)
		dl, dc, du = uint64(a), uint64(b), uint64(c)
	} else {
		dl, _, el = mulPow10x128(lo, e2, q)
		dc, _, ec = mulPow10x128(mid, e2, q)
		du, e2, eu = mulPow10x128(hi, e2, q)
	}
	if e2 >= 0 {
		panic("strconv: not enough bits after the power-of-ten product")
	}
	// only small positive powers of ten are exact in the table; small
	// negative ones are when the factor divides by a power of five
	if q > 55 {
		el, ec, eu = false, false, false
	}
	if q < 0 && q >= -24 {
		if divisibleByPow5(lo, -q) {
			el = true
		}
		if divisibleByPow5(mid, -q) {
			ec = true
		}
		if divisibleByPow5(hi, -q) {
			eu = true
		}
	}
	// split off the fractional bits
	extra := uint(-e2)
	mask := uint64(1)<<extra - 1
	fl, fc, fu := dl&mask, dc&mask, du&mask
	dl, dc, du = dl>>extra, dc>>extra, du>>extra
	// the upper bound itself is allowed only when exact and the mantissa
	// even (ties parse back to even)
	upOK := !eu || fu > 0
	if eu && fu == 0 {
		upOK = mant&1 == 0
	}
	if !upOK {
		du--
	}
	// round the central value: above half, or exactly half and odd
	var cUp bool
	if ec {
		cUp = fc > 1<<(extra-1) || fc == 1<<(extra-1) && dc&1 == 1
	} else {
		cUp = fc>>(extra-1) == 1
	}
	// the lower bound is allowed only when exact and the mantissa even
	lowOK := el && fl == 0 && mant&1 == 0
	if !lowOK {
		dl++
	}
	ryuTrim(out, dl, dc, du, ec && fc == 0, cUp)
	out.dp -= q
}

// ryuTrim writes the shortest digits of a number in [lower, upper] (the
// rounded central value when several lengths tie); cExact says central
// is exact, cUp that it should round up.
func ryuTrim(out *digitBuf, lower, central, upper uint64, cExact, cUp bool) {
	lhi, llo := uint32(lower/1e9), uint32(lower%1e9)
	chi, clo := uint32(central/1e9), uint32(central%1e9)
	uhi, ulo := uint32(upper/1e9), uint32(upper%1e9)
	if uhi == 0 {
		ryuTrim32(out, llo, clo, ulo, cExact, cUp, 8)
	} else if lhi < uhi {
		// the low 9 digits can all go: work on the high parts
		if llo != 0 {
			lhi++
		}
		cExact = cExact && clo == 0
		cUp = clo > 5e8 || clo == 5e8 && cUp
		ryuTrim32(out, lhi, chi, uhi, cExact, cUp, 8)
		out.dp += 9
	} else {
		// the high parts agree: write them, then trim the low part
		out.nd = 0
		n := uint(9)
		for v := chi; v > 0; v /= 10 {
			n--
			out.d[n] = byte(v%10) + '0'
		}
		out.d = out.d[n:]
		out.nd = int(9 - n)
		ryuTrim32(out, llo, clo, ulo, cExact, cUp, out.nd+8)
	}
	for out.nd > 0 && out.d[out.nd-1] == '0' {
		out.nd--
	}
	for out.nd > 0 && out.d[0] == '0' {
		out.nd--
		out.dp--
		out.d = out.d[1:]
	}
}

// ryuTrim32 is ryuTrim on 32-bit values; the digits go up to index
// endindex of out.d.
func ryuTrim32(out *digitBuf, lower, central, upper uint32, cExact, cUp bool, endindex int) {
	if upper == 0 {
		out.dp = endindex + 1
		return
	}
	trimmed := 0
	next := uint32(0) // the last digit trimmed from central
	for upper > 0 {
		l := (lower + 9) / 10
		c, cd := central/10, central%10
		u := upper / 10
		if l > u {
			break // no shorter number in the interval
		}
		if l == c+1 && c < u {
			// the shorter central must round up to stay inside
			c++
			cd = 0
			cUp = false
		}
		trimmed++
		cExact = cExact && next == 0
		next = cd
		lower, central, upper = l, c, u
	}
	if trimmed > 0 {
		cUp = next > 5 || next == 5 && !cExact || next == 5 && cExact && central&1 == 1
	}
	if central < upper && cUp {
		central++
	}
	endindex -= trimmed
	v := central
	n := endindex
	for n >= out.nd {
		out.d[n] = byte(v%10) + '0'
		v /= 10
		n--
	}
	out.nd = endindex + 1
	out.dp = out.nd + trimmed
}

// mulPow10x64 returns m * 10^q as a 32-bit mantissa and binary exponent,
// and whether the product is exact, using the table's top 64 bits.
func mulPow10x64(m uint32, e2, q int) (uint32, int, bool) {
	if q == 0 {
		return m << 6, e2 - 6, true
	}
	if q < pow10MinExp || q > pow10MaxExp {
		panic("strconv: power of ten out of range")
	}
	pw := pow10Mant[q-pow10MinExp][0]
	if q < 0 {
		pw++ // the table rounds down; for negative powers round up
	}
	hi, lo := bits.Mul64(uint64(m), pw)
	e2 += log2Pow10(q) - 63 + 57
	return uint32(hi<<7 | lo>>57), e2, lo<<7 == 0
}

// mulPow10x128 returns m * 10^q as a 64-bit mantissa and binary exponent,
// and whether the product is exact, using the table's 128 bits.
func mulPow10x128(m uint64, e2, q int) (uint64, int, bool) {
	if q == 0 {
		return m << 8, e2 - 8, true
	}
	if q < pow10MinExp || q > pow10MaxExp {
		panic("strconv: power of ten out of range")
	}
	phi, plo := pow10Mant[q-pow10MinExp][0], pow10Mant[q-pow10MinExp][1]
	if q < 0 {
		plo++
	}
	e2 += log2Pow10(q) - 127 + 119
	l1, l0 := bits.Mul64(m, plo)
	h1, h0 := bits.Mul64(m, phi)
	mid, carry := bits.Add64(l1, h0, 0)
	h1 += carry
	return h1<<9 | mid>>55, e2, mid<<9 == 0 && l0 == 0
}

func divisibleByPow5(m uint64, k int) bool {
	if m == 0 {
		return true
	}
	for i := 0; i < k; i++ {
		if m%5 != 0 {
			return false
		}
		m /= 5
	}
	return true
}
