// wordcount: map-heavy word count (issue 4): generate text from a
// vocabulary with a fixed LCG, split it on spaces, count in a
// map[string]int.
package main

import "os"

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

var seed uint32 = 12345

func rnd() uint32 {
	seed = seed*1664525 + 1013904223
	return seed >> 8
}

func main() {
	nwords, vocab := 5000000, 50000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		nwords, vocab = 10000, 500
	}
	words := make([]string, vocab)
	for i := range words {
		n := 2 + int(rnd()%10)
		b := make([]byte, n)
		for j := range b {
			b[j] = byte('a' + rnd()%26)
		}
		words[i] = string(b)
	}
	text := make([]byte, 0, nwords*8)
	for i := 0; i < nwords; i++ {
		// skewed: small indexes are frequent
		r := int(rnd() % uint32(vocab))
		r = r * int(rnd()%uint32(vocab)) / vocab
		text = append(text, words[r]...)
		text = append(text, ' ')
	}
	counts := make(map[string]int)
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' {
			if i > start {
				counts[string(text[start:i])]++
			}
			start = i + 1
		}
	}
	max, maxw := 0, ""
	for w, c := range counts {
		if c > max || (c == max && w < maxw) {
			max, maxw = c, w
		}
	}
	os.Stdout.WriteString("distinct " + itoa(len(counts)) + " top " + maxw + " " + itoa(max) + " first " + itoa(counts[words[0]]) + "\n")
}
