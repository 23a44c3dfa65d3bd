package main

// strings.Reader, bytes.Reader, bytes.Buffer's reading side and growth,
// and io's helpers (Copy, CopyN, LimitReader, MultiReader/Writer,
// TeeReader, SectionReader, ReadAtLeast, Pipe).

import (
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

type slowReader struct {
	s string
	i int
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[r.i]
	r.i++
	return 1, nil
}

type errWriter struct{ n int }

func (w *errWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("full")
	}
	w.n -= len(p)
	return len(p), nil
}

func main() {
	// strings.Reader
	r := strings.NewReader("héllo, wörld")
	println(r.Len(), r.Size())
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	println(n, string(buf[:n]), errs(err), r.Len())
	c, err := r.ReadByte()
	println(c, errs(err))
	println(errs(r.UnreadByte()), errs(r.UnreadRune()))
	ch, sz, err := r.ReadRune()
	println(ch, sz, errs(err), errs(r.UnreadRune()), errs(r.UnreadRune()))
	pos, err := r.Seek(-3, io.SeekEnd)
	println(pos, errs(err))
	rest, err := io.ReadAll(r)
	println(string(rest), errs(err))
	n, err = r.Read(buf)
	println(n, errs(err))
	n, err = r.ReadAt(buf, 2)
	println(n, string(buf[:n]), errs(err))
	n, err = r.ReadAt(buf, 11)
	println(n, errs(err))
	_, err = r.Seek(-1, io.SeekStart)
	println(errs(err))
	_, err = r.Seek(0, 7)
	println(errs(err))
	r.Reset("abc")
	var sb strings.Builder
	m, err := r.WriteTo(&sb)
	println(m, errs(err), sb.String())
	_, _, err = r.ReadRune()
	println(errs(err), errs(strings.NewReader("").UnreadByte()))

	// bytes.Reader
	br := bytes.NewReader([]byte("0123456789"))
	br.Seek(3, io.SeekStart)
	b5 := make([]byte, 5)
	n, err = io.ReadFull(br, b5)
	println(n, string(b5), errs(err), br.Len())
	n, err = io.ReadFull(br, b5)
	println(n, errs(err))
	n, err = io.ReadFull(br, b5)
	println(n, errs(err))
	br.Reset([]byte("xyz"))
	var bb bytes.Buffer
	m, err = br.WriteTo(&bb)
	println(m, errs(err), bb.String())

	// bytes.Buffer reading side
	var b bytes.Buffer
	println(b.Len(), b.Cap())
	b.WriteString("line one\nline two\nthree")
	println(b.Len(), b.Cap())
	line, err := b.ReadString('\n')
	println(line, errs(err))
	lb, err := b.ReadBytes('\n')
	println(string(lb), errs(err))
	println(errs(b.UnreadByte()), errs(b.UnreadByte()))
	c, _ = b.ReadByte()
	println(c)
	line, err = b.ReadString('\n')
	println(line, errs(err), b.Len())
	b.WriteString("日本")
	ch, sz, err = b.ReadRune()
	println(ch, sz, errs(err), errs(b.UnreadRune()), errs(b.UnreadRune()))
	println(string(b.Next(2)), string(b.Next(10)), b.Len())
	n, err = b.Read(buf)
	println(n, errs(err))
	n, err = b.Read(nil)
	println(n, errs(err))
	_, err = b.ReadByte()
	println(errs(err))
	m, err = b.ReadFrom(&slowReader{s: strings.Repeat("ab", 300)})
	println(m, errs(err), b.Len(), b.Cap())
	var sink bytes.Buffer
	m, err = b.WriteTo(&sink)
	println(m, errs(err), b.Len(), sink.Len())
	m, err = bytes.NewBufferString("hello world").WriteTo(&errWriter{5})
	println(m, errs(err))
	caps := ""
	var g bytes.Buffer
	for i := 0; i < 2000; i++ {
		g.WriteByte(byte(i))
		if i%97 == 0 {
			caps += " " + itoa(g.Cap())
		}
	}
	println(caps)
	g.Truncate(10)
	g.Grow(1000)
	println(g.Len(), g.Cap())
	nb := bytes.NewBuffer(make([]byte, 3, 10))
	nb.WriteString("abcdefgh")
	println(nb.Len(), nb.Cap())

	// io helpers
	var out bytes.Buffer
	m, err = io.Copy(&out, &slowReader{s: "copy me"})
	println(m, errs(err), out.String())
	m, err = io.CopyN(&out, strings.NewReader("12345"), 3)
	println(m, errs(err), out.String())
	m, err = io.CopyN(&out, strings.NewReader("12"), 3)
	println(m, errs(err), out.String())
	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	data, err := io.ReadAll(lr)
	println(string(data), errs(err))
	mr := io.MultiReader(strings.NewReader("ab"), &slowReader{s: "cd"}, strings.NewReader(""), strings.NewReader("ef"))
	data, err = io.ReadAll(mr)
	println(string(data), errs(err))
	var w1, w2 bytes.Buffer
	mw := io.MultiWriter(&w1, &w2)
	io.WriteString(mw, "both")
	mw.Write([]byte("!"))
	println(w1.String(), w2.String())
	var tee bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee"), &tee)
	data, _ = io.ReadAll(tr)
	println(string(data), tee.String())
	sr := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	data, err = io.ReadAll(sr)
	println(string(data), errs(err), sr.Size())
	n, err = sr.ReadAt(buf, 3)
	println(n, string(buf[:n]), errs(err))
	p, err := sr.Seek(1, io.SeekStart)
	println(p, errs(err))
	n, err = io.ReadAtLeast(strings.NewReader("abc"), buf, 5)
	println(n, errs(err))
	n, err = io.ReadAtLeast(strings.NewReader("ab"), buf, 3)
	println(n, errs(err))
	m, err = io.Copy(io.Discard, strings.NewReader("discard"))
	println(m, errs(err))
	rc := io.NopCloser(strings.NewReader("x"))
	println(errs(rc.Close()))
	m, err = io.Copy(&errWriter{3}, &slowReader{s: "abcdef"})
	println(m, errs(err))

	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("through "))
		pw.Write([]byte("the pipe"))
		pw.CloseWithError(errors.New("done writing"))
	}()
	data, err = io.ReadAll(pr)
	println(string(data), errs(err))
	pr2, pw2 := io.Pipe()
	pr2.Close()
	_, err = pw2.Write([]byte("x"))
	println(errs(err))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
