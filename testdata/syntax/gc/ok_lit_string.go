package p

var strs = []string{
	"", "abc", "\a\b\f\n\r\t\v\\\"", "\000\377\x00\xff\u00e4\U0001F600",
	"日本語", "\u65e5本\U00008a9e", "\xff\u00FF", "'", `abc`, `\n
\n`, "\"", `"`, ``,
}
