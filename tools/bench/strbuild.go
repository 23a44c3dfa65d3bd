// strbuild: string building (issue 4): += concatenation of short pieces,
// []byte append one byte at a time, strings.Builder.
package main

import (
	"os"
	"strings"
)

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func concat(pieces int) string {
	s := ""
	for i := 0; i < pieces; i++ {
		s += itoa(i%1000) + ","
	}
	return s
}

func appendBytes(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, byte('a'+i%26))
	}
	return b
}

func builder(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString(itoa(i))
		sb.WriteByte(' ')
	}
	return sb.String()
}

func sum(s string) int {
	h := 0
	for i := 0; i < len(s); i++ {
		h = h*31 + int(s[i])
		h &= 0xffffffff
	}
	return h
}

func main() {
	reps, pieces, nbytes, nbuild := 100, 4000, 20000000, 2000000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		reps, pieces, nbytes, nbuild = 1, 100, 1000, 1000
	}
	total := 0
	for r := 0; r < reps; r++ {
		total += len(concat(pieces))
	}
	b := 0
	for r := 0; r < 5; r++ {
		bs := appendBytes(nbytes)
		b += len(bs) + int(bs[len(bs)-1])
	}
	s := builder(nbuild)
	os.Stdout.WriteString("concat " + itoa(total) + " append " + itoa(b) + " builder " + itoa(len(s)) + " " + itoa(sum(s)) + "\n")
}
