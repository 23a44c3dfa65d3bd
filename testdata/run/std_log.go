package main

// log: prefixes, flags (date and time digits masked), Output, Panic*
// recovered, the standard logger's setters, and Fatal's exit status.
// (Lshortfile/Llongfile are left out: goc reports no callers yet.)

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
)

func mask(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = 'N'
		}
	}
	return string(b)
}

func main() {
	var buf bytes.Buffer
	l := log.New(&buf, "pfx: ", 0)
	l.Print("a", 1, 2, "b")
	l.Printf("%d-%s", 7, "x")
	l.Println("c", 3)
	l.Print("ends with newline\n")
	l.Print()
	l.SetFlags(log.Lmsgprefix)
	l.Print("msgprefix")
	l.SetPrefix("[p] ")
	l.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds | log.LUTC)
	l.Println("stamped")
	l.SetFlags(log.LstdFlags | log.Lmsgprefix)
	l.Output(1, "via Output")
	fmt.Print(mask(buf.String()))
	fmt.Println(l.Flags(), l.Prefix(), l.Writer() == &buf, log.LstdFlags, log.Lshortfile, log.LUTC, log.Lmsgprefix)

	func() {
		defer func() { fmt.Printf("recovered %q\n", recover()) }()
		l.SetFlags(0)
		l.Panicf("bad %d", 42)
	}()
	fmt.Println(log.Default().Flags(), log.Prefix() == "", log.Writer() == os.Stderr)
	log.SetFlags(0)
	func() {
		defer func() { fmt.Printf("recovered %q\n", recover()) }()
		log.Panicln("std", "panic")
	}()
	fmt.Print(mask(buf.String()[len(buf.String())-10:]))

	d := log.New(io.Discard, "", 0)
	d.Println("nothing")
	log.SetPrefix("std: ")
	log.Print("to stderr")
	log.SetOutput(os.Stdout)
	log.Printf("to stdout %v", []int{1, 2})
	log.Fatalln("fatal", "now")
	fmt.Println("not reached")
}
