package strconv

// FormatComplex converts the complex number c to a string of the form
// (a+bi) where a and b are the real and imaginary parts, formatted
// according to the format fmt and precision prec (as FormatFloat). bitSize
// is 64 for complex64 and 128 for complex128.
func FormatComplex(c complex128, fmt byte, prec, bitSize int) string {
	if bitSize != 64 && bitSize != 128 {
		panic("invalid bitSize")
	}
	bitSize /= 2 // the parts' size
	im := FormatFloat(imag(c), fmt, prec, bitSize)
	if im[0] != '+' && im[0] != '-' {
		im = "+" + im
	}
	return "(" + FormatFloat(real(c), fmt, prec, bitSize) + im + "i)"
}

const fnParseComplex = "ParseComplex"

// complexErr rewrites a part's error as ParseComplex's; a range error is
// returned separately (it does not stop the parse).
func complexErr(err error, s string) (syntax, rng error) {
	if ne, ok := err.(*NumError); ok {
		ne.Func = fnParseComplex
		ne.Num = s
		if ne.Err == ErrRange {
			return nil, ne
		}
	}
	return err, nil
}

// ParseComplex converts the string s to a complex number with the
// precision specified by bitSize: 64 for complex64, or 128 for
// complex128. s has the form N, Ni, or N±Ni, optionally parenthesized,
// where each N is a floating-point number as ParseFloat accepts it. A
// part out of range gives ErrRange with the part as ±Inf.
func ParseComplex(s string, bitSize int) (complex128, error) {
	size := 64
	if bitSize == 64 {
		size = 32
	}
	orig := s
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		s = s[1 : len(s)-1]
	}
	var rangeErr error
	re, n, err := parseFloatPrefix(s, size)
	if err != nil {
		if err, rangeErr = complexErr(err, orig); err != nil {
			return 0, err
		}
	}
	s = s[n:]
	if s == "" {
		return complex(re, 0), rangeErr
	}
	switch s[0] {
	case '+':
		// "+" belongs to the imaginary part unless another sign follows
		if len(s) > 1 && s[1] != '+' {
			s = s[1:]
		}
	case '-':
	case 'i':
		if len(s) == 1 {
			return complex(0, re), rangeErr
		}
		return 0, syntaxError(fnParseComplex, orig)
	default:
		return 0, syntaxError(fnParseComplex, orig)
	}
	im, n, err := parseFloatPrefix(s, size)
	if err != nil {
		if err, rangeErr = complexErr(err, orig); err != nil {
			return 0, err
		}
	}
	if s[n:] != "i" {
		return 0, syntaxError(fnParseComplex, orig)
	}
	return complex(re, im), rangeErr
}
