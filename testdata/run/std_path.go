package main

// path (Clean, Split, Join, Base, Dir, Ext, Match), path/filepath (Rel,
// Abs, SplitList), os.Getwd and unicode/utf16.

import (
	"os"
	"path"
	"path/filepath"
	"unicode/utf16"
)

func errs(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func main() {
	for _, p := range []string{"", ".", "..", "/", "//", "a/b/../c", "/../a", "../../a/..", "a//b/./c/", "abc/def/../../..", "/a/b/c/../../../..", "./a", "a/.", "x/../y/./z//", ".../a", "a/..b/c"} {
		d, f := path.Split(p)
		println(p, "|", path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), path.IsAbs(p), d, f)
	}
	println(path.Join(), path.Join("", ""), path.Join("a", "b", "../c"), path.Join("/", "x"), path.Join("", "a", ""), path.Ext("file.tar.gz"), path.Ext("dir.d/file"))
	for _, pm := range [][2]string{{"*.go", "main.go"}, {"*.go", "dir/main.go"}, {"a?c", "abc"}, {"a?c", "a/c"}, {"[a-c]x", "bx"}, {"[^a-c]x", "bx"}, {"[", "a"}, {"a\\*b", "a*b"}, {"*/b", "a/b"}, {"[\\]]", "]"}, {"a*b*c", "axxbyyc"}, {"*x", "xxx"}, {"[a-", "a"}, {"ab[", "ab"}, {"日*", "日本"}} {
		m, err := path.Match(pm[0], pm[1])
		fm, ferr := filepath.Match(pm[0], pm[1])
		println(pm[0], pm[1], m, errs(err), fm, errs(ferr))
	}
	for _, r := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b/c", "/a/x"}, {"a/b", "a/b"}, {"a", "b"}, {".", "a/b"}, {"/a", "b"}, {"../a", "b"}, {"a/b/c", "a"}, {"/", "/x/y"}, {"a/..", "x"}} {
		rel, err := filepath.Rel(r[0], r[1])
		println(r[0], r[1], rel, errs(err))
	}
	println(len(filepath.SplitList("")), len(filepath.SplitList("/bin:/usr/bin")), filepath.Join("a", "/b"), filepath.Base("/x/y.go"), filepath.Ext("y.go"), filepath.Dir("/x/y.go"), filepath.IsAbs("x"), filepath.VolumeName("/a"), filepath.ToSlash("a/b"), string(filepath.Separator))
	wd, err := os.Getwd()
	abs, err2 := filepath.Abs("sub/../file")
	println(wd != "", errs(err), len(abs) > len(wd), errs(err2), abs[len(wd):])
	s := []rune{'a', 0x10437, 0xFFFD, 0xD800, 0x10FFFF, 0x110000, 'z'}
	e := utf16.Encode(s)
	for _, x := range e {
		print(x, " ")
	}
	println()
	d := utf16.Decode(append(e, 0xDC00, 0xD800))
	for _, x := range d {
		print(x, " ")
	}
	println()
	r1, r2 := utf16.EncodeRune(0x1F600)
	println(r1, r2, utf16.DecodeRune(r1, r2), utf16.DecodeRune('a', 'b'), utf16.IsSurrogate(0xDBFF), utf16.IsSurrogate(0xE000))
}
