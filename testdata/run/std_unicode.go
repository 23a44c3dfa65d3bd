package main

// unicode/utf8 and unicode: every code point's classes and case mappings
// (hashed), every 1-3 byte sequence decoded, and a few cases spelled out.

import (
	"unicode"
	"unicode/utf8"
)

func show(s string) {
	println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.FullRuneInString(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		println(" ", i, r, n, utf8.RuneLen(r))
		i += n
	}
	r, n := utf8.DecodeLastRuneInString(s)
	println(" last", r, n)
}

func examples() {
	for _, s := range []string{"", "a", "héllo", "日本語", "\xff", "a\xe2\x82", "\xe2\x82\xac", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\U0010FFFF", "\xc0\xaf", "\xf0\x9f\x98\x80!"} {
		show(s)
	}
	b := utf8.AppendRune(nil, 'é')
	b = utf8.AppendRune(b, -1)
	b = utf8.AppendRune(b, 0x10FFFF)
	b = utf8.AppendRune(b, 0xD800)
	println(string(b), len(b), utf8.RuneCount(b), utf8.Valid(b), utf8.RuneStart(b[1]), utf8.FullRune(b[:1]))
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	for _, r := range []rune{'a', 'Z', '5', ' ', '\t', '\u00a0', '\u0085', 'é', 'É', 'ß', 'ÿ', 'Ÿ', 'ǅ', 'Σ', 'σ', 'ς', 'ж', '٣', '中', '!', '€', '\u2028', '\u3000', 'İ', 'ı', 'K', '\u212a', 0x1F600, -1, 0x110000} {
		println(r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsPrint(r), unicode.IsGraphic(r), unicode.IsControl(r), unicode.IsMark(r),
			unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r))
	}
	println(unicode.Is(unicode.Lo, '中'), unicode.In('x', unicode.Digit, unicode.Letter), unicode.IsOneOf([]*unicode.RangeTable{unicode.Nd}, 'x'))
	println(unicode.To(unicode.UpperCase, 'q'), unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.Version)
}

func main() {
	examples()
	n := 0
	for r := rune(-2); r <= 0x110001; r++ {
		h := 0
		if unicode.IsLetter(r) {
			h = h*3 + 1
		}
		if unicode.IsDigit(r) {
			h = h*5 + 1
		}
		if unicode.IsSpace(r) {
			h = h*7 + 1
		}
		if unicode.IsUpper(r) {
			h = h*11 + 1
		}
		if unicode.IsLower(r) {
			h = h*13 + 1
		}
		if unicode.IsPunct(r) {
			h = h*17 + 1
		}
		if unicode.IsPrint(r) {
			h = h*19 + 1
		}
		if unicode.IsGraphic(r) {
			h = h*23 + 1
		}
		if unicode.IsControl(r) {
			h = h*29 + 1
		}
		if unicode.IsSymbol(r) {
			h = h*31 + 1
		}
		if unicode.IsNumber(r) {
			h = h*37 + 1
		}
		if unicode.IsMark(r) {
			h = h*41 + 1
		}
		if unicode.IsTitle(r) {
			h = h*43 + 1
		}
		h = h*7 + int(unicode.ToUpper(r)) + 3*int(unicode.ToLower(r)) + 5*int(unicode.ToTitle(r)) + 7*int(unicode.SimpleFold(r))
		n = n*31 + h
		n ^= n >> 17
	}
	println(n)
	var buf [4]byte
	m := 0
	for r := rune(-2); r <= 0x110001; r++ {
		k := utf8.EncodeRune(buf[:], r)
		r2, s2 := utf8.DecodeRune(buf[:k])
		r3, s3 := utf8.DecodeLastRune(buf[:k])
		m = m*31 + k + int(r2) + s2 + int(r3) + s3 + utf8.RuneLen(r)
		if utf8.ValidRune(r) {
			m++
		}
		m ^= m >> 13
	}
	println(m)
	// all 1-3 byte sequences
	var b [3]byte
	q := 0
	for i := 0; i < 256; i++ {
		for j := 0; j < 256; j++ {
			for k := 0; k < 256; k += 7 {
				b[0], b[1], b[2] = byte(i), byte(j), byte(k)
				for l := 0; l <= 3; l++ {
					r, s := utf8.DecodeRune(b[:l])
					r2, s2 := utf8.DecodeLastRune(b[:l])
					r3, s3 := utf8.DecodeRuneInString(string(b[:l]))
					q = q*31 + int(r) + s + int(r2)*3 + s2*5 + utf8.RuneCount(b[:l]) + int(r3) + s3
					if utf8.FullRune(b[:l]) {
						q += 7
					}
					if utf8.FullRuneInString(string(b[:l])) {
						q += 11
					}
					if utf8.Valid(b[:l]) {
						q += 13
					}
					q ^= q >> 11
				}
			}
		}
	}
	println(q)
}
