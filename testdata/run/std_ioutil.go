package main

// io/ioutil and the os functions under it: temporary files and
// directories (names checked by shape), WriteFile/ReadFile, ReadAll,
// NopCloser, Discard, Remove of files and directories.

import (
	"fmt"
	"io/ioutil"
	"os"
	"strings"
)

func main() {
	dir, err := ioutil.TempDir("", "goc-ioutil-*-test")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(dir, os.TempDir()+"/goc-ioutil-"), strings.HasSuffix(dir, "-test"))
	f, err := ioutil.TempFile(dir, "file.*.txt")
	fmt.Println(err, strings.HasPrefix(f.Name(), dir+"/file."), strings.HasSuffix(f.Name(), ".txt"))
	f.WriteString("hello, temp\n")
	f.Close()
	b, err := ioutil.ReadFile(f.Name())
	fmt.Printf("%q %v\n", b, err)
	p := dir + "/w.txt"
	fmt.Println(ioutil.WriteFile(p, []byte("written"), 0644))
	b, err = ioutil.ReadFile(p)
	fmt.Printf("%q %v\n", b, err)
	_, err = ioutil.ReadFile(dir + "/missing")
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1), os.IsNotExist(err))
	_, err = ioutil.TempFile(dir, "a/b")
	fmt.Println(err)
	rc := ioutil.NopCloser(strings.NewReader("nop"))
	all, err := ioutil.ReadAll(rc)
	fmt.Printf("%q %v %v\n", all, err, rc.Close())
	n, err := fmt.Fprint(ioutil.Discard, "discarded")
	fmt.Println(n, err)
	err = os.Remove(dir)
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	fmt.Println(os.Remove(f.Name()), os.Remove(p), os.Remove(dir))
	err = os.Remove(dir)
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	fmt.Println(os.Mkdir("/proc/nope", 0755))
}
