package main

// bufio: Scanner (lines, words, runes, bytes, custom splits, buffer
// limits), Reader (Peek, ReadLine, ReadSlice, Discard, Unread*), Writer
// (the pieces reaching the underlying writer), ReadWriter.

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
)

func errs(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

type chunky struct {
	s string
	n int
}

func (c *chunky) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := c.n
	if k > len(p) {
		k = len(p)
	}
	if k > len(c.s) {
		k = len(c.s)
	}
	copy(p, c.s[:k])
	c.s = c.s[k:]
	return k, nil
}

type logWriter struct{ log []string }

func (w *logWriter) Write(p []byte) (int, error) {
	w.log = append(w.log, string(p))
	return len(p), nil
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 1, errors.New("fail") }

func main() {
	text := "first line\nsecond line\r\nthird  word\tmore\n\nlast without newline"
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		println("line:", sc.Text(), len(sc.Bytes()))
	}
	println(errs(sc.Err()))
	sc = bufio.NewScanner(&chunky{text, 3})
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		println("word:", sc.Text())
		n++
	}
	println(n, errs(sc.Err()))
	sc = bufio.NewScanner(strings.NewReader("héllo\xffé"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		println("rune:", []byte(sc.Text())[0], len(sc.Text()))
	}
	sc = bufio.NewScanner(strings.NewReader("abc"))
	sc.Split(bufio.ScanBytes)
	for sc.Scan() {
		println("byte:", sc.Text())
	}
	long := strings.Repeat("x", 100) + "\nshort\n"
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 10), 50)
	for sc.Scan() {
		println("tok:", sc.Text())
	}
	println(errs(sc.Err()))
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("y", 70000) + "\nz\n"))
	for sc.Scan() {
		println(len(sc.Text()))
	}
	println(errs(sc.Err()))
	sc = bufio.NewScanner(strings.NewReader("1,2,3,stop,4"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		i := bytes.IndexByte(data, ',')
		if i < 0 {
			if atEOF && len(data) > 0 {
				return len(data), data, nil
			}
			return 0, nil, nil
		}
		if string(data[:i]) == "stop" {
			return i + 1, []byte("STOP"), bufio.ErrFinalToken
		}
		return i + 1, data[:i], nil
	})
	for sc.Scan() {
		println("csv:", sc.Text())
	}
	println(errs(sc.Err()))

	// Reader
	r := bufio.NewReaderSize(&chunky{"alpha\nbeta\r\ngamma" + strings.Repeat("-", 40) + "\nδelta", 5}, 16)
	println(r.Size(), r.Buffered())
	p, err := r.Peek(3)
	println(string(p), errs(err), r.Buffered())
	s, err := r.ReadString('\n')
	println(s, errs(err))
	line, isPrefix, err := r.ReadLine()
	println(string(line), isPrefix, errs(err))
	for {
		line, isPrefix, err = r.ReadLine()
		println(string(line), isPrefix, errs(err))
		if !isPrefix {
			break
		}
	}
	ch, sz, err := r.ReadRune()
	println(ch, sz, errs(err), errs(r.UnreadRune()), errs(r.UnreadRune()))
	c, err := r.ReadByte()
	println(c, errs(err), errs(r.UnreadByte()), errs(r.UnreadByte()))
	rest, err := r.ReadBytes('\n')
	println(string(rest), errs(err))
	_, err = r.ReadByte()
	println(errs(err))
	p, err = r.Peek(20)
	println(len(p), errs(err))
	r2 := bufio.NewReader(strings.NewReader("0123456789"))
	d, err := r2.Discard(4)
	println(d, errs(err))
	buf := make([]byte, 3)
	k, err := r2.Read(buf)
	println(k, string(buf[:k]), errs(err))
	d, err = r2.Discard(10)
	println(d, errs(err))
	_, err = r2.Peek(-1)
	println(errs(err))
	r3 := bufio.NewReaderSize(strings.NewReader(strings.Repeat("ab", 20)), 16)
	sl, err := r3.ReadSlice('z')
	println(len(sl), errs(err))
	var out bytes.Buffer
	m, err := r3.WriteTo(&out)
	println(m, errs(err), out.Len())
	println(bufio.NewReaderSize(r3, 8) == r3, bufio.NewReaderSize(r3, 100) == r3)

	// Writer
	lw := &logWriter{}
	w := bufio.NewWriterSize(lw, 8)
	w.WriteString("abc")
	w.WriteByte('d')
	w.WriteRune('é')
	w.Write([]byte("0123456789abcdef"))
	w.WriteString("tail")
	println(w.Buffered(), w.Available(), w.Size(), len(lw.log))
	println(errs(w.Flush()))
	for _, l := range lw.log {
		println("wrote:", l)
	}
	fw := bufio.NewWriterSize(failWriter{}, 4)
	k, err = fw.WriteString("hello world")
	println(k, errs(err), errs(fw.Flush()))
	var bb bytes.Buffer
	w2 := bufio.NewWriter(&bb)
	m, err = w2.ReadFrom(strings.NewReader("readfrom data"))
	println(m, errs(err), w2.Buffered(), bb.Len())
	w2.Flush()
	println(bb.String())
	w2.Reset(&bb)
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("rw in")), w2)
	s, _ = rw.ReadString(0)
	rw.WriteString(" and out")
	rw.Flush()
	println(s, bb.String())
}
