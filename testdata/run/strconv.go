package main

// Conversions between strings, byte slices and rune slices, string(rune),
// and conversions of named string types.

type MyString string

func main() {
	s := "héllo"
	b := []byte(s)
	b[0] = 'H'
	println(string(b), len(b), s)
	r := []rune(s)
	println(len(r), r[1], string(r[1]), string(r))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)) == "\uFFFD")
	var x interface{} = MyString("m")
	println(x.(MyString) == "m")
	empty := []byte("")
	println(len(empty), string([]byte{}) == "")
	ms := MyString("abc")
	println(string(ms), len([]byte(ms)))
}
