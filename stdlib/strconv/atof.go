package strconv

import (
	"math"
	"math/bits"
)

const fnParseFloat = "ParseFloat"

// prefixFold returns how many leading bytes of s match word (lower case)
// ignoring ASCII case.
func prefixFold(s, word string) int {
	n := 0
	for n < len(s) && n < len(word) {
		c := s[n]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[n] {
			break
		}
		n++
	}
	return n
}

// special parses a leading signed "inf", "infinity" or unsigned "nan",
// ignoring case; n is the length consumed.
func special(s string) (f float64, n int, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	sign := 1
	signLen := 0
	c := s[0]
	if c == '+' || c == '-' {
		if c == '-' {
			sign = -1
		}
		signLen = 1
		s = s[1:]
		if s == "" {
			return 0, 0, false
		}
		c = s[0]
	}
	if c == 'i' || c == 'I' {
		k := prefixFold(s, "infinity")
		if k > 3 && k < 8 {
			k = 3
		}
		if k == 3 || k == 8 {
			return math.Inf(sign), signLen + k, true
		}
	} else if (c == 'n' || c == 'N') && signLen == 0 {
		if prefixFold(s, "nan") == 3 {
			return math.NaN(), 3, true
		}
	}
	return 0, 0, false
}

// readFloat scans the longest prefix of s that is a decimal or
// hexadecimal floating-point literal. It returns the first (up to) 19
// decimal or 16 hexadecimal significant digits as mantissa, with trunc
// set when nonzero digits were dropped; the value is mantissa * 10^exp
// (decimal) or mantissa * 2^exp (hex). n is the prefix's length.
func readFloat(s string) (mantissa uint64, exp int, neg, trunc, hex bool, n int, ok bool) {
	i := 0
	sawUnderscore := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	maxDigits := 19 // 10^19 < 2^64
	expChar := byte('e')
	if i+2 < len(s) && s[i] == '0' && lower(s[i+1]) == 'x' {
		base = 16
		maxDigits = 16
		i += 2
		expChar = 'p'
		hex = true
	}
	sawDot, sawDigits := false, false
	nd, ndMant, dp := 0, 0, 0
scan:
	for ; i < len(s); i++ {
		c := s[i]
		var v uint64
		switch {
		case c == '_':
			sawUnderscore = true
			continue
		case c == '.':
			if sawDot {
				break scan
			}
			sawDot = true
			dp = nd
			continue
		case '0' <= c && c <= '9':
			v = uint64(c - '0')
		case base == 16 && 'a' <= lower(c) && lower(c) <= 'f':
			v = uint64(lower(c)-'a') + 10
		default:
			break scan
		}
		sawDigits = true
		if v == 0 && nd == 0 {
			dp-- // a leading zero
			continue
		}
		nd++
		if ndMant < maxDigits {
			mantissa = mantissa*base + v
			ndMant++
		} else if v != 0 {
			trunc = true
		}
	}
	if !sawDigits {
		return 0, 0, false, false, false, i, false
	}
	if !sawDot {
		dp = nd
	}
	if base == 16 {
		dp *= 4
		ndMant *= 4
	}
	if i < len(s) && lower(s[i]) == expChar {
		i++
		if i >= len(s) {
			return 0, 0, false, false, false, i, false
		}
		esign := 1
		if s[i] == '+' || s[i] == '-' {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return 0, 0, false, false, false, i, false
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				sawUnderscore = true
				continue
			}
			if e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		dp += e * esign
	} else if base == 16 {
		// a hexadecimal mantissa needs a 'p' exponent
		return 0, 0, false, false, false, i, false
	}
	if mantissa != 0 {
		exp = dp - ndMant
	}
	if sawUnderscore && !underscoreOK(s[:i]) {
		return 0, 0, false, false, false, i, false
	}
	return mantissa, exp, neg, trunc, hex, i, true
}

// setDecimal parses a whole decimal literal (as readFloat accepted it)
// into an exact decimal.
func (a *decimal) setDecimal(s string) bool {
	i := 0
	a.neg, a.trunc, a.nd, a.dp = false, false, 0, 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		a.neg = s[i] == '-'
		i++
	}
	sawDot, sawDigits := false, false
scan:
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
		case c == '.':
			if sawDot {
				return false
			}
			sawDot = true
			a.dp = a.nd
		case '0' <= c && c <= '9':
			sawDigits = true
			if c == '0' && a.nd == 0 {
				a.dp--
			} else if a.nd < len(a.d) {
				a.d[a.nd] = c
				a.nd++
			} else if c != '0' {
				a.trunc = true
			}
		default:
			break scan
		}
	}
	if !sawDigits {
		return false
	}
	if !sawDot {
		a.dp = a.nd
	}
	if i < len(s) && lower(s[i]) == 'e' {
		i++
		if i >= len(s) {
			return false
		}
		esign := 1
		if s[i] == '+' || s[i] == '-' {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] != '_' && e < 10000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		a.dp += e * esign
	}
	return i == len(s)
}

// powtab[n] is the largest k with 2^k < 10^n... more precisely a binary
// shift that moves the decimal point of a number with n integer digits
// towards 0 without overshooting.
var powtab = []int{1, 3, 6, 9, 13, 16, 19, 23, 26}

// floatBits converts the exact decimal to the nearest float of format flt
// (ties to even); overflow reports a result out of range (±Inf).
func (a *decimal) floatBits(flt *floatInfo) (b uint64, overflow bool) {
	var exp int
	var mant uint64
	if a.nd == 0 {
		exp = flt.bias
	} else if a.dp > 310 {
		overflow = true
	} else if a.dp < -330 {
		exp = flt.bias // underflows to zero
	} else {
		// scale by powers of two into [1/2, 1)
		for a.dp > 0 {
			n := 27
			if a.dp < len(powtab) {
				n = powtab[a.dp]
			}
			a.shift(-n)
			exp += n
		}
		for a.dp < 0 || a.dp == 0 && a.d[0] < '5' {
			n := 27
			if -a.dp < len(powtab) {
				n = powtab[-a.dp]
			}
			a.shift(n)
			exp -= n
		}
		// the value is in [1/2, 1): as a float it is 1.x * 2^(exp-1)
		exp--
		if exp < flt.bias+1 {
			// denormal: shift down to the minimum exponent
			n := flt.bias + 1 - exp
			a.shift(-n)
			exp += n
		}
		if exp-flt.bias >= 1<<flt.expbits-1 {
			overflow = true
		} else {
			a.shift(int(1 + flt.mantbits))
			mant = a.roundedInteger()
			if mant == 2<<flt.mantbits {
				// rounding carried into a new bit
				mant >>= 1
				exp++
				if exp-flt.bias >= 1<<flt.expbits-1 {
					overflow = true
				}
			}
			if !overflow && mant&(1<<flt.mantbits) == 0 {
				exp = flt.bias // denormal
			}
		}
	}
	if overflow {
		mant = 0
		exp = 1<<flt.expbits - 1 + flt.bias
	}
	b = mant & (uint64(1)<<flt.mantbits - 1)
	b |= uint64((exp-flt.bias)&(1<<flt.expbits-1)) << flt.mantbits
	if a.neg {
		b |= 1 << flt.mantbits << flt.expbits
	}
	return b, overflow
}

var exactPow10f64 = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

var exactPow10f32 = [...]float32{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// exact64 converts mantissa*10^exp when one IEEE operation on exactly
// representable operands gives the correctly rounded result.
func exact64(mantissa uint64, exp int, neg bool) (float64, bool) {
	if mantissa>>float64info.mantbits != 0 {
		return 0, false
	}
	f := float64(mantissa)
	if neg {
		f = -f
	}
	if exp == 0 {
		return f, true
	}
	if exp > 0 && exp <= 15+22 {
		if exp > 22 {
			// move the excess into the mantissa, if it stays exact
			f *= exactPow10f64[exp-22]
			exp = 22
		}
		if f > 1e15 || f < -1e15 {
			return 0, false
		}
		return f * exactPow10f64[exp], true
	}
	if exp < 0 && exp >= -22 {
		return f / exactPow10f64[-exp], true
	}
	return 0, false
}

func exact32(mantissa uint64, exp int, neg bool) (float32, bool) {
	if mantissa>>float32info.mantbits != 0 {
		return 0, false
	}
	f := float32(mantissa)
	if neg {
		f = -f
	}
	if exp == 0 {
		return f, true
	}
	if exp > 0 && exp <= 7+10 {
		if exp > 10 {
			f *= exactPow10f32[exp-10]
			exp = 10
		}
		if f > 1e7 || f < -1e7 {
			return 0, false
		}
		return f * exactPow10f32[exp], true
	}
	if exp < 0 && exp >= -10 {
		return f / exactPow10f32[-exp], true
	}
	return 0, false
}

// eiselLemire computes man*10^exp10 as a float with mbits mantissa bits
// and exponent bias ebias (the biased exponent field's maximum is emax),
// by one 64x128-bit multiplication with the truncated power of ten
// (Daniel Lemire, "Number Parsing at a Gigabyte per Second", 2021). It
// fails (ok false) when the truncation leaves the rounding undecided;
// the caller then takes the exact path. It returns the float's bits.
func eiselLemire(man uint64, exp10 int, neg bool, mbits uint, ebias int, emax uint64) (b uint64, ok bool) {
	signBit := uint64(1) << (mbits + bitsOf(emax))
	if man == 0 {
		if neg {
			return signBit, true
		}
		return 0, true
	}
	if exp10 < pow10MinExp || exp10 > pow10MaxExp {
		return 0, false
	}
	// normalize the mantissa; 217706/2^16 approximates log2(10)
	lz := bits.LeadingZeros64(man)
	man <<= uint(lz)
	e2 := uint64(217706*exp10>>16+64+ebias) - uint64(lz)

	// the product's top bits; the low bits below the result's mantissa
	// (and one rounding bit) are the "slop" that must not be all ones
	slop := uint(64 - mbits - 3)
	slopMask := uint64(1)<<slop - 1
	pw := &pow10Mant[exp10-pow10MinExp]
	hi, lo := bits.Mul64(man, pw[0])
	if hi&slopMask == slopMask && lo+man < man {
		// refine with the table's low word
		yhi, ylo := bits.Mul64(man, pw[1])
		mhi, mlo := hi, lo+yhi
		if mlo < lo {
			mhi++
		}
		if mhi&slopMask == slopMask && mlo+1 == 0 && ylo+man < man {
			return 0, false
		}
		hi, lo = mhi, mlo
	}
	top := hi >> 63
	m := hi >> (uint(top) + slop)
	e2 -= 1 ^ top
	// exactly halfway between two floats: undecided
	if lo == 0 && hi&slopMask == 0 && m&3 == 1 {
		return 0, false
	}
	// round to nearest (the low bit is the rounding bit)
	m += m & 1
	m >>= 1
	if m>>(mbits+1) > 0 {
		m >>= 1
		e2++
	}
	if e2-1 >= emax-1 {
		// denormal, zero or overflow: let the exact path decide
		return 0, false
	}
	b = e2<<mbits | m&(uint64(1)<<mbits-1)
	if neg {
		b |= signBit
	}
	return b, true
}

func bitsOf(x uint64) uint { return uint(bits.Len64(x)) }

func eiselLemire64(man uint64, exp10 int, neg bool) (float64, bool) {
	b, ok := eiselLemire(man, exp10, neg, 52, 1023, 0x7FF)
	return math.Float64frombits(b), ok
}

func eiselLemire32(man uint64, exp10 int, neg bool) (float32, bool) {
	b, ok := eiselLemire(man, exp10, neg, 23, 127, 0xFF)
	return math.Float32frombits(uint32(b)), ok
}

// atofHex converts mantissa * 2^exp (mantissa from at most 16 hex digits,
// trunc if more nonzero ones followed) to format flt, rounding to nearest
// even.
func atofHex(s string, flt *floatInfo, mantissa uint64, exp int, neg, trunc bool) (float64, error) {
	maxExp := 1<<flt.expbits + flt.bias - 2
	minExp := flt.bias + 1
	exp += int(flt.mantbits) // the mantissa is now read as mantissa / 2^mantbits

	// keep 2 extra bits (round and sticky) below the mantissa: normalize
	// so the leading 1 sits at bit mantbits+2
	for mantissa != 0 && mantissa>>(flt.mantbits+2) == 0 {
		mantissa <<= 1
		exp--
	}
	if trunc {
		mantissa |= 1
	}
	for mantissa>>(1+flt.mantbits+2) != 0 {
		mantissa = mantissa>>1 | mantissa&1
		exp++
	}
	// denormals: shift down to the minimum exponent, keeping sticky bits
	for mantissa > 1 && exp < minExp-2 {
		mantissa = mantissa>>1 | mantissa&1
		exp++
	}
	round := mantissa & 3
	mantissa >>= 2
	round |= mantissa & 1 // ties go to even
	exp += 2
	if round == 3 {
		mantissa++
		if mantissa == 1<<(1+flt.mantbits) {
			mantissa >>= 1
			exp++
		}
	}
	if mantissa>>flt.mantbits == 0 {
		exp = flt.bias // denormal or zero
	}
	var err error
	if exp > maxExp {
		mantissa = 1 << flt.mantbits
		exp = maxExp + 1
		err = rangeError(fnParseFloat, s)
	}
	b := mantissa & (1<<flt.mantbits - 1)
	b |= uint64((exp-flt.bias)&(1<<flt.expbits-1)) << flt.mantbits
	if neg {
		b |= 1 << flt.mantbits << flt.expbits
	}
	if flt == &float32info {
		return float64(math.Float32frombits(uint32(b))), err
	}
	return math.Float64frombits(b), err
}

func atof64(s string) (float64, int, error) {
	if v, n, ok := special(s); ok {
		return v, n, nil
	}
	mantissa, exp, neg, trunc, hex, n, ok := readFloat(s)
	if !ok {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	if hex {
		f, err := atofHex(s[:n], &float64info, mantissa, exp, neg, trunc)
		return f, n, err
	}
	if !trunc {
		if f, ok := exact64(mantissa, exp, neg); ok {
			return f, n, nil
		}
	}
	if f, ok := eiselLemire64(mantissa, exp, neg); ok {
		if !trunc {
			return f, n, nil
		}
		// the dropped digits may matter: the float must be the same for
		// the mantissa rounded up
		if g, ok := eiselLemire64(mantissa+1, exp, neg); ok && f == g {
			return f, n, nil
		}
	}
	var d decimal
	if !d.setDecimal(s[:n]) {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	b, ovf := d.floatBits(&float64info)
	if ovf {
		return math.Float64frombits(b), n, rangeError(fnParseFloat, s)
	}
	return math.Float64frombits(b), n, nil
}

func atof32(s string) (float32, int, error) {
	if v, n, ok := special(s); ok {
		return float32(v), n, nil
	}
	mantissa, exp, neg, trunc, hex, n, ok := readFloat(s)
	if !ok {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	if hex {
		f, err := atofHex(s[:n], &float32info, mantissa, exp, neg, trunc)
		return float32(f), n, err
	}
	if !trunc {
		if f, ok := exact32(mantissa, exp, neg); ok {
			return f, n, nil
		}
	}
	if f, ok := eiselLemire32(mantissa, exp, neg); ok {
		if !trunc {
			return f, n, nil
		}
		if g, ok := eiselLemire32(mantissa+1, exp, neg); ok && f == g {
			return f, n, nil
		}
	}
	var d decimal
	if !d.setDecimal(s[:n]) {
		return 0, n, syntaxError(fnParseFloat, s)
	}
	b, ovf := d.floatBits(&float32info)
	if ovf {
		return math.Float32frombits(uint32(b)), n, rangeError(fnParseFloat, s)
	}
	return math.Float32frombits(uint32(b)), n, nil
}

// ParseFloat converts the string s to a floating-point number with the
// precision specified by bitSize: 32 for float32, or 64 for float64. When
// bitSize=32, the result still has type float64, but it will be
// convertible to float32 without changing its value.
//
// ParseFloat accepts decimal and hexadecimal floating-point numbers as
// defined by the Go syntax for floating-point literals (with underscores
// only where Go allows them, and a mandatory 'p' exponent for hex), and
// "inf", "infinity" and "nan" in any case with an optional sign (none for
// nan). It returns the nearest floating-point number rounded using IEEE754
// unbiased rounding. Errors are *NumError values: ErrSyntax, or ErrRange
// with ±Inf when the value is too large for the size.
func ParseFloat(s string, bitSize int) (float64, error) {
	var f float64
	var n int
	var err error
	if bitSize == 32 {
		var f32 float32
		f32, n, err = atof32(s)
		f = float64(f32)
	} else {
		f, n, err = atof64(s)
	}
	if n != len(s) && (err == nil || err.(*NumError).Err != ErrSyntax) {
		return 0, syntaxError(fnParseFloat, s)
	}
	return f, err
}
