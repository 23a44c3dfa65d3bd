package main

import (
	"io"
	"os"
	"runtime"
)

func main() {
	println(len(os.Args), os.Getenv("GOC_TEST_UNSET_VARIABLE") == "")
	_, ok := os.LookupEnv("PATH")
	println("PATH set:", ok)
	os.Setenv("GOC_X", "1")
	println(os.Getenv("GOC_X"))
	n, err := os.Stdout.WriteString("to stdout\n")
	println(n, err == nil)
	os.Stderr.Write([]byte("to stderr\n"))
	name := "/tmp/goc_pkg_os_test.txt"
	if err := os.WriteFile(name, []byte("line one\nline two\n"), 0644); err != nil {
		println("write failed", err.Error())
	}
	data, err := os.ReadFile(name)
	println(string(data), err == nil, len(data))
	f, _ := os.Open(name)
	buf := make([]byte, 4)
	k, _ := io.ReadFull(f, buf)
	println(k, string(buf))
	f.Close()
	println(f.Close() != nil)
	os.Remove(name)
	_, err = os.Open(name)
	println(err.Error(), os.IsNotExist(err))
	println(runtime.GOOS, runtime.GOARCH, runtime.NumGoroutine())
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer println("deferred before Goexit")
		runtime.Goexit()
		println("not reached")
	}()
	<-done
	old := runtime.GOMAXPROCS(2)
	println(old > 0, runtime.GOMAXPROCS(0))
	defer println("not printed: os.Exit skips deferred calls")
	os.Exit(7)
}
