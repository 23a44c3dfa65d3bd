package main

// flag: every kind of flag, Parse's syntax and errors with the usage
// printed as gc prints it (to stdout here), ContinueOnError and
// PanicOnError, Visit/VisitAll/Lookup/Set, custom Values and Func.

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

type panicky struct{ p *int }

func (v panicky) String() string   { return fmt.Sprint(*v.p) }
func (v panicky) Set(string) error { return nil }

func newSet(name string) (*flag.FlagSet, func()) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	b := fs.Bool("v", false, "verbose")
	b2 := fs.Bool("debug", true, "enable `debugging` output")
	i := fs.Int("n", 10, "number of\niterations")
	i64 := fs.Int64("big", -1, "a big one")
	u := fs.Uint("u", 0, "unsigned")
	u64 := fs.Uint64("u64", 7, "")
	s := fs.String("name", "gopher", "the `person` to greet")
	s0 := fs.String("empty", "", "empty default")
	f := fs.Float64("ratio", 0.5, "a ratio")
	d := fs.Duration("wait", 1500*time.Millisecond, "how long")
	var l list
	fs.Var(&l, "item", "items (repeatable)")
	fs.Func("fn", "calls a `func`", func(s string) error {
		if s == "bad" {
			return errors.New("no good")
		}
		fmt.Println("fn got", s)
		return nil
	})
	return fs, func() {
		fmt.Println(*b, *b2, *i, *i64, *u, *u64, *s, *s0, *f, *d, l, fs.NArg(), fs.Args(), fs.Arg(0), fs.Arg(5), fs.NFlag(), fs.Parsed())
	}
}

func main() {
	cases := [][]string{
		{},
		{"-v", "-n", "3", "--name=ann", "-ratio", "1e3", "-wait=2m3s", "-item", "a", "-item=b", "rest", "-n", "4"},
		{"-v=false", "-debug=0", "-big", "0x7fffffffffffffff", "-u", "0b101", "-u64", "0o17", "--", "-n", "5"},
		{"-fn", "x", "-fn=y", "-", "z"},
		{"-n", "abc"},
		{"-n", "99999999999999999999"},
		{"-u", "-1"},
		{"-v=maybe"},
		{"-wait", "3"},
		{"-ratio", "x"},
		{"-n"},
		{"-nope"},
		{"---x"},
		{"-=x"},
		{"-h"},
		{"-help"},
		{"-fn", "bad"},
	}
	for _, args := range cases {
		fs, show := newSet("prog")
		fmt.Printf("== %q\n", args)
		err := fs.Parse(args)
		fmt.Println("err:", err, err == flag.ErrHelp)
		show()
	}

	fs, _ := newSet("")
	fs.Usage = nil
	fs.Parse([]string{"-x"})
	fs.Set("n", "42")
	fmt.Println(fs.Set("nope", "1"), fs.Set("n", "x"), fs.Lookup("n").Value, fs.Lookup("n").DefValue, fs.Lookup("zz") == nil)
	fs.Visit(func(f *flag.Flag) { fmt.Println("visit", f.Name, f.Value) })
	fs.VisitAll(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if ok {
			fmt.Printf("all %s %v %T\n", f.Name, g.Get(), g.Get())
		} else {
			fmt.Println("all", f.Name, f.Value)
		}
	})
	name, usage := flag.UnquoteUsage(fs.Lookup("name"))
	fmt.Printf("%q %q %q %d\n", name, usage, fs.Name(), fs.ErrorHandling())

	// a Value whose zero value panics in String
	ps := flag.NewFlagSet("ps", flag.ContinueOnError)
	ps.SetOutput(os.Stdout)
	n := 3
	ps.Var(panicky{&n}, "p", "panicky")
	ps.PrintDefaults()

	// redefinition and bad names panic after printing the message
	for _, name := range []string{"v", "-x", "a=b"} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fs, _ := newSet("re")
			fs.Bool(name, false, "")
		}()
	}
	pf := flag.NewFlagSet("pan", flag.PanicOnError)
	pf.SetOutput(os.Stdout)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pf.Parse([]string{"-q"})
	}()

	// the command line (no arguments given)
	cl := flag.Int("cl", 5, "from the command line")
	flag.Parse()
	fmt.Println(*cl, flag.NArg(), flag.Args(), flag.Parsed(), flag.NFlag(), flag.Lookup("cl").Usage)
	flag.CommandLine.SetOutput(os.Stdout)
	flag.PrintDefaults()
	ef := flag.NewFlagSet("exit", flag.ExitOnError)
	ef.SetOutput(os.Stdout)
	ef.Parse([]string{"-bad"})
}
