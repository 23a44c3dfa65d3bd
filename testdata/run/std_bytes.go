package main

// bytes: the strings-like functions on byte slices (with gc's nil versus
// empty results) and Buffer.

import (
	"bytes"
	"unicode"
)

func q(b []byte) string {
	if b == nil {
		return "nil"
	}
	return "[" + string(b) + "]"
}

func list(a [][]byte) {
	print(len(a), a == nil, ":")
	for i, s := range a {
		print(" ", q(s))
		if i < len(a)-1 { // the last one's capacity is the allocator's
			print(cap(s) - len(s))
		}
	}
	println()
}

var samples = []string{"", "a", "abc", "aaa", "héllo wörld", "日本語日本", "\xff\xfeab", "a,b,,c,", " \t spaced  out\n", "ababab", "Hello, World!", "ǅungla σς ΣΑΣ", "   "}
var seps = []string{"", "a", "b", "ab", ",", " ", "日本", "\xff", "ö", "abababab"}

func main() {
	for _, ss := range samples {
		s := []byte(ss)
		if ss == "" {
			s = nil
		}
		println(q(s), len(s))
		for _, sp := range seps {
			sep := []byte(sp)
			println(" ", q(sep), bytes.Contains(s, sep), bytes.Index(s, sep), bytes.LastIndex(s, sep), bytes.Count(s, sep), bytes.HasPrefix(s, sep), bytes.HasSuffix(s, sep), bytes.IndexAny(s, sp), bytes.LastIndexAny(s, sp), bytes.ContainsAny(s, sp), bytes.Compare(s, sep), bytes.Equal(s, sep))
			list(bytes.Split(s, sep))
			list(bytes.SplitN(s, sep, 2))
			list(bytes.SplitN(s, sep, 0))
			list(bytes.SplitAfter(s, sep))
			list(bytes.SplitAfterN(s, sep, 3))
			println(" ", q(bytes.Replace(s, sep, []byte("<>"), 2)), q(bytes.ReplaceAll(s, sep, nil)), q(bytes.Trim(s, sp)), q(bytes.TrimLeft(s, sp)), q(bytes.TrimRight(s, sp)), q(bytes.TrimPrefix(s, sep)), q(bytes.TrimSuffix(s, sep)), bytes.EqualFold(s, sep))
			b, a, f := bytes.Cut(s, sep)
			println(" ", q(b), q(a), f)
		}
		list(bytes.Fields(s))
		list(bytes.FieldsFunc(s, func(r rune) bool { return r == ',' || r == 'l' }))
		println(q(bytes.ToUpper(s)), q(bytes.ToLower(s)), q(bytes.ToTitle(s)), q(bytes.Title(s)), q(bytes.TrimSpace(s)), q(bytes.Repeat(s, 3)), q(bytes.ToValidUTF8(s, []byte("?"))), len(bytes.Runes(s)))
		println(bytes.IndexByte(s, 'a'), bytes.LastIndexByte(s, 'a'), bytes.IndexRune(s, 'ö'), bytes.IndexRune(s, 0xFFFD), bytes.IndexRune(s, -5), bytes.ContainsRune(s, '本'), bytes.IndexFunc(s, unicode.IsUpper), bytes.LastIndexFunc(s, unicode.IsSpace))
		println(q(bytes.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return unicode.ToUpper(r)
		}, s)), q(bytes.TrimFunc(s, unicode.IsLetter)), q(bytes.TrimLeftFunc(s, unicode.IsSpace)), q(bytes.TrimRightFunc(s, unicode.IsLetter)))
	}
	println(q(bytes.Join(nil, []byte(","))), q(bytes.Join([][]byte{[]byte("a")}, nil)), q(bytes.Join([][]byte{[]byte("a"), []byte("b")}, []byte(", "))), q(bytes.Join([][]byte{{}}, nil)))
	println(bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.EqualFold([]byte("σς"), []byte("ΣΣ")), bytes.Equal(nil, []byte{}))

	var b bytes.Buffer
	println(b.Len(), q(b.Bytes()), "["+b.String()+"]")
	b.WriteString("hello")
	b.WriteByte(' ')
	n, _ := b.WriteRune('世')
	m, _ := b.Write([]byte("界!"))
	println(n, m, b.Len(), b.String())
	println(q(b.Next(3)), b.String(), b.Len())
	b.Truncate(2)
	println(b.String(), b.Len())
	b.Grow(1000)
	println(b.Cap() >= 1000, b.String())
	b.Reset()
	for i := 0; i < 5000; i++ {
		b.WriteByte(byte('0' + i%10))
		if i%1000 == 999 {
			b.Next(500)
		}
	}
	println(b.Len(), b.String()[:20])
	var np *bytes.Buffer
	println(np.String(), bytes.NewBufferString("init").String(), bytes.NewBuffer([]byte("xy")).Len())
	defer func() { println("recovered:", recover().(string)) }()
	b.Truncate(-1)
}
