// mapstring: a map-and-string heavy program (issue 5): keys built by
// concatenation, map[string][]string grown and shrunk, lookups, deletes.
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

func main() {
	rounds, keys := 20, 200000
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		rounds, keys = 2, 1000
	}
	m := make(map[string][]string)
	total := 0
	for r := 0; r < rounds; r++ {
		for i := 0; i < keys; i++ {
			k := "key-" + itoa(i*7%keys) + "-" + itoa(r%3)
			m[k] = append(m[k], strings.ToUpper(k[:5])+itoa(r))
		}
		hits := 0
		for i := 0; i < keys; i += 3 {
			if v, ok := m["key-"+itoa(i)+"-"+itoa((r+1)%3)]; ok {
				hits += len(v)
			}
		}
		for i := 0; i < keys; i += 5 {
			delete(m, "key-"+itoa(i)+"-"+itoa(r%3))
		}
		total += hits + len(m)
	}
	n := 0
	for k, v := range m {
		n += len(k) + len(v)
	}
	os.Stdout.WriteString("total " + itoa(total) + " size " + itoa(len(m)) + " chars " + itoa(n) + "\n")
}
