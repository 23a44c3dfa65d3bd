package strconv

import "errors"

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the
// target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat, ParseComplex)
	Num  string // the input
	Err  error  // the reason the conversion failed (e.g. ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError { return &NumError{fn, str, ErrSyntax} }

func rangeError(fn, str string) *NumError { return &NumError{fn, str, ErrRange} }

const maxUint64 = 1<<64 - 1

// ParseUint is like ParseInt but for unsigned numbers.
//
// A sign prefix is not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = "ParseUint"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	orig := s
	prefixed := base == 0
	if base == 0 {
		base = 10
		if s[0] == '0' {
			if len(s) >= 3 && lower(s[1]) == 'b' {
				base, s = 2, s[2:]
			} else if len(s) >= 3 && lower(s[1]) == 'o' {
				base, s = 8, s[2:]
			} else if len(s) >= 3 && lower(s[1]) == 'x' {
				base, s = 16, s[2:]
			} else {
				base, s = 8, s[1:]
			}
		}
	} else if base < 2 || base > 36 {
		return 0, &NumError{fn, orig, errors.New("invalid base " + Itoa(base))}
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, &NumError{fn, orig, errors.New("invalid bit size " + Itoa(bitSize))}
	}

	// n*base overflows 64 bits once n reaches limit
	limit := maxUint64/uint64(base) + 1
	max := uint64(1)<<uint(bitSize) - 1
	sawUnderscore := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		if c == '_' && prefixed {
			sawUnderscore = true
			continue
		} else if '0' <= c && c <= '9' {
			d = c - '0'
		} else if 'a' <= lower(c) && lower(c) <= 'z' {
			d = lower(c) - 'a' + 10
		} else {
			return 0, syntaxError(fn, orig)
		}
		if int(d) >= base {
			return 0, syntaxError(fn, orig)
		}
		if n >= limit {
			return max, rangeError(fn, orig)
		}
		n *= uint64(base)
		next := n + uint64(d)
		if next < n || next > max {
			return max, rangeError(fn, orig)
		}
		n = next
	}
	if sawUnderscore && !underscoreOK(orig) {
		return 0, syntaxError(fn, orig)
	}
	return n, nil
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit
// size (0 to 64) and returns the corresponding value i.
//
// With base 0 the base is implied by the string's prefix after the sign:
// 2 for "0b", 8 for "0" or "0o", 16 for "0x", and 10 otherwise; underscores
// are then permitted as Go's syntax allows. bitSize 0 means int. Errors
// are *NumError values with Err ErrSyntax or ErrRange; on ErrRange the
// result is the nearest representable value.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	orig := s
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	u, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		ne := err.(*NumError)
		ne.Func = fn
		ne.Num = orig
		return 0, ne
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	lim := uint64(1) << uint(bitSize-1)
	if !neg && u >= lim {
		return int64(lim - 1), rangeError(fn, orig)
	}
	if neg && u > lim {
		return -int64(lim), rangeError(fn, orig)
	}
	if neg {
		return -int64(u), nil
	}
	return int64(u), nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	const fn = "Atoi"
	if n := len(s); n > 0 && n < 19 {
		// cannot overflow: parse directly
		orig := s
		if s[0] == '-' || s[0] == '+' {
			s = s[1:]
			if s == "" {
				return 0, syntaxError(fn, orig)
			}
		}
		v := 0
		for i := 0; i < len(s); i++ {
			d := s[i] - '0'
			if d > 9 {
				return 0, syntaxError(fn, orig)
			}
			v = v*10 + int(d)
		}
		if orig[0] == '-' {
			v = -v
		}
		return v, nil
	}
	v, err := ParseInt(s, 10, 0)
	if ne, ok := err.(*NumError); ok {
		ne.Func = fn
	}
	return int(v), err
}

// underscoreOK reports whether the underscores in s are allowed: only
// between digits, or between a base prefix and a digit.
func underscoreOK(s string) bool {
	// prev: '^' at the start, '0' after a digit or base prefix, '_' after
	// an underscore, '!' after anything else
	prev := byte('^')
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' {
		if c := lower(s[1]); c == 'b' || c == 'o' || c == 'x' {
			i = 2
			prev = '0'
			hex = c == 'x'
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f' {
			prev = '0'
		} else if c == '_' {
			if prev != '0' {
				return false
			}
			prev = '_'
		} else {
			if prev == '_' {
				return false
			}
			prev = '!'
		}
	}
	return prev != '_'
}
