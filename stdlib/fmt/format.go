package fmt

import (
	"strconv"
	"unicode/utf8"
)

// fmtFlags: the flags and width/precision of the verb being formatted.
type fmtFlags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool
	plusV       bool // %+v
	sharpV      bool // %#v
}

// formatter writes formatted values into buf.
type formatter struct {
	buf *[]byte
	fmtFlags
	wid  int
	prec int
}

func (f *formatter) clearflags() {
	f.fmtFlags = fmtFlags{} // wid and prec stay, as gc's (a Formatter may see them)
}

func (f *formatter) write(b []byte)       { *f.buf = append(*f.buf, b...) }
func (f *formatter) writeString(s string) { *f.buf = append(*f.buf, s...) }

// writePadding appends n bytes of padding: zeros or spaces.
func (f *formatter) writePadding(n int) {
	if n <= 0 {
		return
	}
	c := byte(' ')
	if f.zero {
		c = '0'
	}
	for i := 0; i < n; i++ {
		*f.buf = append(*f.buf, c)
	}
}

// pad appends b, padded to the width on the left or (with '-') the right.
func (f *formatter) pad(b []byte) {
	if !f.widPresent || f.wid == 0 {
		f.write(b)
		return
	}
	width := f.wid - utf8.RuneCount(b)
	if !f.minus {
		f.writePadding(width)
		f.write(b)
	} else {
		f.write(b)
		f.writePadding(width)
	}
}

func (f *formatter) padString(s string) {
	if !f.widPresent || f.wid == 0 {
		f.writeString(s)
		return
	}
	width := f.wid - utf8.RuneCountInString(s)
	if !f.minus {
		f.writePadding(width)
		f.writeString(s)
	} else {
		f.writeString(s)
		f.writePadding(width)
	}
}

func (f *formatter) fmtBoolean(v bool) {
	if v {
		f.padString("true")
	} else {
		f.padString("false")
	}
}

const ldigits = "0123456789abcdefx"
const udigits = "0123456789ABCDEFX"

// fmtUnicode formats u as "U+0078", or with '#' as "U+0078 'x'".
func (f *formatter) fmtUnicode(u uint64) {
	var b []byte
	b = append(b, "U+"...)
	h := strconv.FormatUint(u, 16)
	for i := len(h); i < 4 || (f.precPresent && i < f.prec); i++ {
		b = append(b, '0')
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c >= 'a' && c <= 'f' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		b = append(b, " '"...)
		b = utf8.AppendRune(b, rune(u))
		b = append(b, '\'')
	}
	oldZero := f.zero
	f.zero = false
	f.pad(b)
	f.zero = oldZero
}

// fmtInteger formats u (negative if signed and the top bit is set) in base
// with the verb's letter case.
func (f *formatter) fmtInteger(u uint64, base int, isSigned bool, verb rune, digits string) {
	negative := isSigned && int64(u) < 0
	if negative {
		u = -u
	}
	var a [68]byte
	prec := 0
	if f.precPresent {
		prec = f.prec
		if prec == 0 && u == 0 {
			oldZero := f.zero
			f.zero = false
			f.writePadding(f.wid)
			f.zero = oldZero
			return
		}
	} else if f.zero && f.widPresent && !f.minus {
		prec = f.wid
		if negative || f.plus || f.space {
			prec-- // leave room for the sign
		}
	}
	i := len(a)
	for u >= uint64(base) {
		i--
		a[i] = digits[u%uint64(base)]
		u /= uint64(base)
	}
	i--
	a[i] = digits[u]
	for i > 0 && prec > len(a)-i {
		i--
		a[i] = '0'
	}
	if f.sharp {
		switch base {
		case 2:
			i--
			a[i] = 'b'
			i--
			a[i] = '0'
		case 8:
			if a[i] != '0' {
				i--
				a[i] = '0'
			}
		case 16:
			i--
			a[i] = digits[16]
			i--
			a[i] = '0'
		}
	}
	if verb == 'O' {
		i--
		a[i] = 'o'
		i--
		a[i] = '0'
	}
	if negative {
		i--
		a[i] = '-'
	} else if f.plus {
		i--
		a[i] = '+'
	} else if f.space {
		i--
		a[i] = ' '
	}
	oldZero := f.zero
	f.zero = false
	f.pad(a[i:])
	f.zero = oldZero
}

// truncate cuts s to the precision, in runes.
func (f *formatter) truncateString(s string) string {
	if f.precPresent {
		n := f.prec
		for i := range s {
			n--
			if n < 0 {
				return s[:i]
			}
		}
	}
	return s
}

func (f *formatter) fmtS(s string) { f.padString(f.truncateString(s)) }

func (f *formatter) fmtBs(b []byte) {
	if f.precPresent {
		n := f.prec
		for i := 0; i < len(b); {
			n--
			if n < 0 {
				b = b[:i]
				break
			}
			_, w := utf8.DecodeRune(b[i:])
			i += w
		}
	}
	f.pad(b)
}

// fmtSbx formats a string or byte slice as hexadecimal.
func (f *formatter) fmtSbx(s string, b []byte, digits string) {
	length := len(b)
	if b == nil {
		length = len(s)
	}
	if f.precPresent && f.prec < length {
		length = f.prec
	}
	var out []byte
	if length == 0 {
		f.pad(out)
		return
	}
	for i := 0; i < length; i++ {
		if f.space && i > 0 {
			out = append(out, ' ')
		}
		if f.sharp && (f.space || i == 0) {
			out = append(out, '0', digits[16])
		}
		var c byte
		if b != nil {
			c = b[i]
		} else {
			c = s[i]
		}
		out = append(out, digits[c>>4], digits[c&0xF])
	}
	f.pad(out)
}

func (f *formatter) fmtQ(s string) {
	s = f.truncateString(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padString("`" + s + "`")
		return
	}
	if f.plus {
		f.pad(strconv.AppendQuoteToASCII(nil, s))
	} else {
		f.pad(strconv.AppendQuote(nil, s))
	}
}

func (f *formatter) fmtC(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	f.pad(utf8.AppendRune(nil, r))
}

func (f *formatter) fmtQc(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	if f.plus {
		f.pad(strconv.AppendQuoteRuneToASCII(nil, r))
	} else {
		f.pad(strconv.AppendQuoteRune(nil, r))
	}
}

// fmtFloat formats v with strconv's verb and precision, then applies the
// sign, space, width and zero flags as Go's fmt does.
func (f *formatter) fmtFloat(v float64, size int, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	num := strconv.AppendFloat([]byte{'+'}, v, byte(verb), prec, size)
	if num[1] == '-' || num[1] == '+' {
		num = num[1:]
	} else {
		num[0] = '+'
	}
	if f.space && num[0] == '+' && !f.plus {
		num[0] = ' '
	}
	// Inf and NaN: no zero padding
	if num[1] == 'I' || num[1] == 'N' {
		oldZero := f.zero
		f.zero = false
		if num[1] == 'N' && !f.space && !f.plus {
			num = num[1:]
		}
		f.pad(num)
		f.zero = oldZero
		return
	}
	if f.sharp && verb != 'b' {
		digits := 0
		switch verb {
		case 'v', 'g', 'G', 'x':
			digits = prec
			if digits == -1 {
				digits = 6
			}
		}
		var tail []byte
		sawDot := false
		for i := 1; i < len(num); i++ {
			switch num[i] {
			case '.':
				sawDot = true
			case 'p', 'P', 'e', 'E':
				tail = append(tail, num[i:]...)
				num = num[:i]
			default:
				digits--
				continue
			}
			break
		}
		if !sawDot {
			if len(num) == 2 && num[1] == '0' {
				digits--
			}
			num = append(num, '.')
		}
		for digits > 0 {
			num = append(num, '0')
			digits--
		}
		num = append(num, tail...)
	}
	if f.plus || num[0] != '+' {
		if f.zero && f.widPresent && f.wid > len(num) {
			f.write(num[:1])
			f.writePadding(f.wid - len(num))
			f.write(num[1:])
			return
		}
		f.pad(num)
		return
	}
	f.pad(num[1:])
}
