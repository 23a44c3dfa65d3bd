package main

// strings: searching, splitting, trimming, case mapping, replacing and
// Builder, over empty strings, invalid UTF-8 and multi-byte text.

import (
	"strings"
	"unicode"
)

func q(s string) string { return "[" + s + "]" }

func list(a []string) {
	print(len(a), a == nil, ":")
	for _, s := range a {
		print(" ", q(s))
	}
	println()
}

var samples = []string{"", "a", "abc", "aaa", "héllo wörld", "日本語日本", "\xff\xfeab", "a,b,,c,", " \t spaced  out\n", "ababab", "Hello, World!", "ǅungla σς ΣΑΣ", "xx\u00a0yy\u2003zz"}
var seps = []string{"", "a", "b", "ab", ",", " ", "日本", "\xff", "ö", "zz", "abababab"}

func main() {
	for _, s := range samples {
		println(q(s), len(s))
		for _, sep := range seps {
			println(" ", q(sep), strings.Contains(s, sep), strings.Index(s, sep), strings.LastIndex(s, sep), strings.Count(s, sep), strings.HasPrefix(s, sep), strings.HasSuffix(s, sep), strings.IndexAny(s, sep), strings.LastIndexAny(s, sep), strings.ContainsAny(s, sep), strings.Compare(s, sep))
			list(strings.Split(s, sep))
			list(strings.SplitN(s, sep, 2))
			list(strings.SplitN(s, sep, 0))
			list(strings.SplitAfter(s, sep))
			list(strings.SplitAfterN(s, sep, 3))
			println(" ", q(strings.Replace(s, sep, "<>", 2)), q(strings.ReplaceAll(s, sep, "")), q(strings.Trim(s, sep)), q(strings.TrimLeft(s, sep)), q(strings.TrimRight(s, sep)), q(strings.TrimPrefix(s, sep)), q(strings.TrimSuffix(s, sep)), strings.EqualFold(s, sep))
			b, a, f := strings.Cut(s, sep)
			println(" ", q(b), q(a), f)
		}
		list(strings.Fields(s))
		list(strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == 'l' }))
		println(q(strings.ToUpper(s)), q(strings.ToLower(s)), q(strings.ToTitle(s)), q(strings.Title(s)), q(strings.TrimSpace(s)), q(strings.Repeat(s, 3)), q(strings.ToValidUTF8(s, "?")))
		println(strings.IndexByte(s, 'a'), strings.LastIndexByte(s, 'a'), strings.IndexRune(s, 'ö'), strings.IndexRune(s, 0xFFFD), strings.IndexRune(s, -5), strings.ContainsRune(s, '本'), strings.IndexFunc(s, unicode.IsUpper), strings.LastIndexFunc(s, unicode.IsSpace))
		println(q(strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			if r == 'l' {
				return 'L'
			}
			return r
		}, s)), q(strings.Map(func(r rune) rune { return r }, s)), q(strings.TrimFunc(s, unicode.IsLetter)), q(strings.TrimLeftFunc(s, unicode.IsSpace)), q(strings.TrimRightFunc(s, unicode.IsLetter)))
	}
	println(strings.EqualFold("Go", "GO"), strings.EqualFold("σς", "ΣΣ"), strings.EqualFold("K", "\u212a"), strings.EqualFold("straße", "STRASSE"), strings.EqualFold("a", "ab"), strings.EqualFold("\xff", "\xfe"))
	println(strings.Join(nil, ","), strings.Join([]string{"a"}, ","), strings.Join([]string{"a", "b", "c"}, ", "), strings.Join([]string{"", ""}, ""))
	println(q(strings.Replace("aaaa", "a", "b", -1)), q(strings.Replace("abc", "", "-", -1)), q(strings.Replace("héllo", "", "|", 3)), q(strings.Replace("x", "x", "x", 1)))
	println(q(strings.Title("hello wide-world o'neil_x 9lives ǆemal")))
	var sb strings.Builder
	println(sb.Len(), q(sb.String()))
	sb.WriteString("abc")
	sb.WriteByte('-')
	n, _ := sb.WriteRune('é')
	m, _ := sb.WriteRune(-1)
	sb.Write([]byte("xyz"))
	sb.Grow(100)
	println(n, m, sb.Len(), q(sb.String()), sb.Cap() >= 100)
	s1 := sb.String()
	sb.WriteString("more")
	println(q(s1), q(sb.String()))
	sb.Reset()
	println(sb.Len(), q(sb.String()))
	for i := 0; i < 1000; i++ {
		sb.WriteByte(byte('a' + i%26))
	}
	println(sb.Len(), sb.String()[990:])
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	println(r.Replace("<a href=\"x&y\">"), r.Replace("plain"))
	r2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	println(r2.Replace("aaaa"))
	r3 := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	println(r3.Replace("aaaa"))
	r4 := strings.NewReplacer("", "X")
	println(r4.Replace("ab"), r4.Replace(""))
	defer func() { println("recovered:", recover().(string)) }()
	strings.Repeat("x", -1)
}
