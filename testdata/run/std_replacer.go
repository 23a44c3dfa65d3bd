package main

// strings.Replacer: gc's matching (earliest pair wins at a position, empty
// old strings byte by byte, not twice in a row), Replace and WriteString.

import (
	"os"
	"strings"
)

func main() {
	cases := [][]string{
		{"a", "1", "aa", "2"},
		{"aa", "2", "a", "1"},
		{"", "X"},
		{"a", "", "b", "B"},
		{"abc", "x", "ab", "y", "b", "z"},
		{"&", "&amp;", "<", "&lt;", ">", "&gt;"},
		{"a", "b", "a", "c"},
		{"", "-", "a", "A"},
	}
	for _, c := range cases {
		r := strings.NewReplacer(c...)
		for _, s := range []string{"", "a", "aaa", "abcab", "<a&b>", "banana"} {
			println(strings.Join(c, ","), s, r.Replace(s))
		}
		r.WriteString(os.Stdout, "aab&c\n")
	}
	println(strings.NewReplacer("", "X").Replace("日本"), strings.NewReplacer("", "X", "本", "B").Replace("日本a"), strings.NewReplacer("a", "1", "", "-").Replace("abc"))
}
