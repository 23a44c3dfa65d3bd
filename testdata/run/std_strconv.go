package main

// strconv: integers, bools, quoting, IsPrint/IsGraphic, and floats both
// ways (shortest and fixed precision, 32 and 64 bits, hex, errors), with
// bit patterns from an LCG printed and parsed back.

import (
	"errors"
	"math"
	"strconv"
)

func errs(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

var seed uint64 = 2718281828

func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed
}

func main() {
	// integers
	for _, v := range []int64{0, 1, -1, 9, 10, 99, 100, -128, 127, 1<<31 - 1, -1 << 31, 1<<63 - 1, -1 << 63} {
		line := strconv.FormatInt(v, 10)
		for _, b := range []int{2, 3, 7, 8, 16, 32, 36} {
			line += " " + strconv.FormatInt(v, b)
		}
		println(line, strconv.Itoa(int(v)), string(strconv.AppendInt([]byte("x="), v, 10)))
	}
	println(strconv.FormatUint(1<<64-1, 10), strconv.FormatUint(1<<64-1, 2), string(strconv.AppendUint(nil, 12345, 7)))
	for _, s := range []string{"0", "-0", "+5", "42", "-42", "0x1f", "0X1F", "0b101", "0o17", "017", "1_000", "_1", "1__0", "0x_1f",
		"0x", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999x", "", "-", "+", "12a", " 1", "z", "Z"} {
		i0, e0 := strconv.ParseInt(s, 0, 64)
		i10, e10 := strconv.ParseInt(s, 10, 64)
		i8, e8 := strconv.ParseInt(s, 10, 8)
		u, eu := strconv.ParseUint(s, 0, 64)
		u36, eu36 := strconv.ParseUint(s, 36, 32)
		a, ea := strconv.Atoi(s)
		println(strconv.Quote(s), i0, errs(e0), i10, errs(e10), i8, errs(e8), u, errs(eu), u36, errs(eu36), a, errs(ea))
	}
	_, err := strconv.ParseInt("1", 1, 64)
	println(errs(err))
	_, err = strconv.ParseUint("1", 37, 64)
	println(errs(err))
	_, err = strconv.ParseInt("1", 10, 65)
	println(errs(err))
	_, err = strconv.Atoi("99999999999999999999")
	var ne *strconv.NumError
	ne, _ = err.(*strconv.NumError)
	println(errs(err), ne.Func, ne.Num, ne.Err == strconv.ErrRange, errors.Is(err, strconv.ErrRange), errors.Unwrap(err) == strconv.ErrRange)

	// bools
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "tRUE", ""} {
		b, err := strconv.ParseBool(s)
		println(s, b, errs(err))
	}
	println(strconv.FormatBool(true), strconv.FormatBool(false), string(strconv.AppendBool([]byte("b:"), true)))

	// quoting
	strs := []string{"", "hello", "tab\there", "nl\n", "quote\"s'", "back\\slash", "\a\b\f\r\v\x00\x1f\x7f",
		"\xff\xfe", "日本語", "\u00ad\u200b\ufeff", "\U0001F600", "\u2028", "\u3000 ideographic", "`raw`", "a\u0300"}
	for _, s := range strs {
		q := strconv.Quote(s)
		u, err := strconv.Unquote(q)
		println(q, strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s), u == s, errs(err))
		println(string(strconv.AppendQuote([]byte(">"), s)), string(strconv.AppendQuoteToASCII(nil, s)), string(strconv.AppendQuoteToGraphic(nil, s)))
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0xad, 0x263a, 0x1F600, 0x10FFFF, 0x110000, -1, 0xD800, 0x2028, 0x3000, 0xFEFF} {
		println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.QuoteRuneToGraphic(r), strconv.IsPrint(r), strconv.IsGraphic(r),
			string(strconv.AppendQuoteRune(nil, r)), string(strconv.AppendQuoteRuneToASCII(nil, r)), string(strconv.AppendQuoteRuneToGraphic(nil, r)))
	}
	for _, q := range []string{`"abc"`, `'a'`, `'ab'`, `'\n'`, `"\x41\101\u0041\U00000041"`, "`a\rb`", `"\'"`, `'\"'`, `"a`, `"\z"`, `"\400"`,
		`"\xff"`, `'\xff'`, `"\uD800"`, `""`, `''`, `"a"b`, "\"a\nb\"", `'日'`, `"日本"`, `x`, "``", `"\""`, `'\''`} {
		u, err := strconv.Unquote(q)
		p, perr := strconv.QuotedPrefix(q + "tail")
		println(q, strconv.Quote(u), errs(err), p, errs(perr))
	}
	for _, s := range []string{`\n rest`, `\x41`, `\u263a!`, `\U0001F600`, `\'`, `\"`, `\777`, `\08`, "é", `a`, `\`, `\q`} {
		v, mb, tail, err := strconv.UnquoteChar(s, '"')
		v2, mb2, tail2, err2 := strconv.UnquoteChar(s, '\'')
		println(s, v, mb, tail, errs(err), v2, mb2, tail2, errs(err2))
	}
	np, ng := 0, 0
	h := uint32(0)
	for r := rune(0); r <= 0x10FFFF+2; r++ {
		if strconv.IsPrint(r) {
			np++
			h = h*31 + uint32(r)
		}
		if strconv.IsGraphic(r) {
			ng++
			h = h*17 + uint32(r)
		}
	}
	println("print", np, "graphic", ng, h)

	// floats, chosen
	fl := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.1 + 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e23, 1e22, 1e21, 1e20, 123456789,
		5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, math.MaxFloat32,
		math.SmallestNonzeroFloat32, 123456789e-30, 0.5, 1.5, 2.5, 1.25, 1.125, 0.000123, 1e-5, 1e-4, 100000, 1234567,
		math.Pi, math.E, math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, 4503599627370497.5, 1 << 62, 0.015625}
	fmts := []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'}
	for _, f := range fl {
		for _, bs := range []int{64, 32} {
			line := ""
			for _, fm := range fmts {
				line += strconv.FormatFloat(f, fm, -1, bs) + " "
			}
			println(line)
			line = ""
			for _, p := range []int{0, 1, 2, 5, 17, 20} {
				for _, fm := range fmts {
					line += strconv.FormatFloat(f, fm, p, bs) + " "
				}
			}
			println(line)
		}
	}
	println(string(strconv.AppendFloat([]byte("f="), 3.25, 'g', -1, 64)), strconv.FormatFloat(2.5, 'z', 1, 64))

	// floats, random bit patterns printed and parsed back
	for i := 0; i < 400; i++ {
		r := next()
		var f float64
		switch i % 4 {
		case 0:
			f = math.Float64frombits(r)
		case 1:
			f = math.Float64frombits(r>>12 | uint64(1023+int(r>>59)-16)<<52)
		case 2:
			f = float64(math.Float32frombits(uint32(r >> 32)))
		case 3:
			f = float64(int64(r>>30)) / 1e6
		}
		s64 := strconv.FormatFloat(f, 'g', -1, 64)
		s32 := strconv.FormatFloat(f, 'g', -1, 32)
		g64, e1 := strconv.ParseFloat(s64, 64)
		g32, e2 := strconv.ParseFloat(s32, 32)
		p := int(r % 19)
		println(s64, s32, strconv.FormatFloat(f, 'e', p, 64), strconv.FormatFloat(f, 'f', p%8, 32), strconv.FormatFloat(f, 'x', p%15-1, 64),
			math.Float64bits(g64) == math.Float64bits(f) || f != f, float32(g32) == float32(f) || f != f, errs(e1), errs(e2))
	}

	// parsing
	for _, s := range []string{"0", "-0", "1", "+1", "1.", ".5", ".", "-.", "1e", "1e+", "1e5", "1E-5", "1_000.000_1", "1__0", "_1", "1_", "0x1p-2",
		"0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0X1P+1", "0x1", "0x.8p1", "0x_1p0", "0x1p-1074", "0x1p-1075", "0x1.8p-1075",
		"1e308", "1.8e308", "-1e400", "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"inf", "+Inf", "-INF", "infinity", "-infinity", "infin", "nan", "NaN", "-nan", "+nan", "infx", "1x", "0.1e-1_0",
		"3.4028235e38", "3.4028236e38", "3.5e38", "1e-46", "1.4e-45", "7e-46",
		"123456789012345678901234567890", "0.000000000000000000000000000000000000000000001",
		"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
		"2.22507385850720113605740979670913197593481954635164564802342610972482222202107694551652952390813508791414915891303962110687008643869459464552765720740782062174337998814106326732925355228688137214901298112245145188984905722230728525513315575501591439747639798341180199932396254828901710708185069063066665599493827577257201576306269066333264756530000924588831643303777979186961204949739037782970490505108060994073026293712895895000358379996720725430436028407889577179615094551674824347103070260914462157228988025818254518032570701886087211312807951223342628836862232150377566662250398253433597456888442390026549819838548794829220689472168983109969836584681402285424333066033985088644580400103493397042756718644338377048603786162277173854562306587467901408672332763671875e-308",
		"1" + string(make([]byte, 0)) + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001e-80"} {
		f64, e64 := strconv.ParseFloat(s, 64)
		f32, e32 := strconv.ParseFloat(s, 32)
		println(s, strconv.FormatFloat(f64, 'g', -1, 64), errs(e64), strconv.FormatFloat(f32, 'g', -1, 32), errs(e32))
	}
	for i := 0; i < 300; i++ {
		nd := int(next()%22) + 1
		s := ""
		if next()%3 == 0 {
			s = "-"
		}
		for j := 0; j < nd; j++ {
			s += string(rune('0' + next()%10))
			if j == 0 && next()%2 == 0 {
				s += "."
			}
		}
		s += "e" + strconv.Itoa(int(next()%660)-330)
		f64, e64 := strconv.ParseFloat(s, 64)
		f32, e32 := strconv.ParseFloat(s, 32)
		println(s, strconv.FormatFloat(f64, 'g', -1, 64), errs(e64), strconv.FormatFloat(f32, 'g', -1, 32), errs(e32))
	}
}
