package main

// A small program over the standard library: word counts with
// strings.FieldsFunc, sort.Slice, bufio.Writer over bytes.Buffer and fmt;
// a parser with bufio.Scanner, strconv.ParseFloat and wrapped errors
// (errors.As/Is); fmt verbs.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

type entry struct {
	word  string
	count int
}


var ErrEmpty = errors.New("empty")

type parseErr struct {
	line int
	err  error
}

func (e *parseErr) Error() string { return "line " + strconv.Itoa(e.line) + ": " + e.err.Error() }
func (e *parseErr) Unwrap() error { return e.err }

func parse(r io.Reader) (sum float64, err error) {
	sc := bufio.NewScanner(r)
	ln := 0
	for sc.Scan() {
		ln++
		f := strings.TrimSpace(sc.Text())
		if f == "" {
			continue
		}
		v, e := strconv.ParseFloat(f, 64)
		if e != nil {
			return sum, &parseErr{ln, e}
		}
		sum += v
	}
	return sum, sc.Err()
}

func main() {
	text := `The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
	A fox, a dog, and THE end.`
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		counts[w]++
	}
	var es []entry
	for w, c := range counts {
		es = append(es, entry{w, c})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].count != es[j].count {
			return es[i].count > es[j].count
		}
		return es[i].word < es[j].word
	})
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for i, e := range es {
		fmt.Fprintf(w, "%2d %-6s %3d %5.2f%%\n", i+1, e.word, e.count, 100*float64(e.count)/float64(len(es)))
	}
	w.Flush()
	os.Stdout.Write(buf.Bytes())
	s, err := parse(strings.NewReader("1.5\n2.25\n\n 1e3 \n"))
	fmt.Println(s, err)
	_, err = parse(strings.NewReader("1\nx2\n"))
	var pe *parseErr
	var ne *strconv.NumError
	fmt.Println(err, errors.As(err, &pe), pe.line, errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
	fmt.Printf("%v %q %x %08b %o %#x %+d %e %G\n", []string{"a", "b"}, "hi\t", "hi", 5, 64, 255, 3, 123456.789, 1e-10)
	fmt.Printf("%6.2f|%-8v|%8s|%t|%c|%U|%p\n", 3.14159, []int{1, 2}, "right", true, 'G', 0x1F600, nil)
	type pt struct{ X, Y int }
	fmt.Printf("%v %+v %#v %T\n", pt{1, 2}, pt{3, 4}, pt{5, 6}, pt{})
	fmt.Println(strconv.Quote("héllo\x00"), strconv.FormatInt(-255, 2), fmt.Sprint(1.0, 2.5, float32(0.1)), fmt.Sprintf("%v", 1e100))
	m := map[string][]int{"b": {2}, "a": {1, 1}, "c": nil}
	fmt.Println(m, len(m))
}
