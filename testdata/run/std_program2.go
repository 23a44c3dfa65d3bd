package main

// Another program over the standard library: interfaces sorted with
// sort.Stable, math/rand, goroutines with sync, bufio.Reader.ReadString,
// strings.Builder with unicode, bytes, fmt to stdout and stderr.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c Circle) Area() float64     { return 3.141592653589793 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * 3.141592653589793 * c.R }
func (c Circle) String() string    { return "Circle(" + strconv.FormatFloat(c.R, 'f', 1, 64) + ")" }

type byArea []Shape

func (s byArea) Len() int           { return len(s) }
func (s byArea) Less(i, j int) bool { return s[i].Area() < s[j].Area() }
func (s byArea) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type Matrix [][]float64

func (m Matrix) Mul(o Matrix) Matrix {
	r := make(Matrix, len(m))
	for i := range m {
		r[i] = make([]float64, len(o[0]))
		for j := range o[0] {
			for k := range o {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func main() {
	rng := rand.New(rand.NewSource(11))
	var shapes []Shape
	for i := 0; i < 8; i++ {
		if rng.Intn(2) == 0 {
			shapes = append(shapes, Rect{float64(rng.Intn(10) + 1), float64(rng.Intn(10) + 1)})
		} else {
			shapes = append(shapes, Circle{float64(rng.Intn(50)) / 10})
		}
	}
	sort.Stable(byArea(shapes))
	for _, s := range shapes {
		fmt.Printf("%-14v area=%8.3f perim=%7.3f\n", s, s.Area(), s.Perimeter())
	}
	m := Matrix{{1, 2}, {3, 4}}
	fmt.Println(m.Mul(m), m.Mul(Matrix{{0.5}, {0.25}}))

	var wg sync.WaitGroup
	var mu sync.Mutex
	results := make([]int, 0)
	ch := make(chan int, 10)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for n := range ch {
				mu.Lock()
				results = append(results, n*n)
				mu.Unlock()
			}
		}(w)
	}
	for i := 1; i <= 20; i++ {
		ch <- i
	}
	close(ch)
	wg.Wait()
	sort.Ints(results)
	fmt.Println(results, len(results))

	r := bufio.NewReader(strings.NewReader("alpha beta\ngamma\n\ndelta"))
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err == io.EOF {
			break
		}
	}
	var sb strings.Builder
	for i, rr := range "Héllo, Wörld 123!" {
		if unicode.IsUpper(rr) {
			sb.WriteString(strconv.Itoa(i))
		}
		sb.WriteRune(unicode.ToUpper(rr))
	}
	fmt.Println(sb.String(), sb.Len())
	keys := map[string]int{"z": 1, "a": 2, "m": 3}
	ks := make([]string, 0, len(keys))
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Println(ks, keys)
	b := []byte("hello world")
	fmt.Println(bytes.Count(b, []byte("o")), bytes.ToUpper(b), string(bytes.Title(b)), bytes.Fields(b))
	fmt.Fprintln(os.Stderr, "to stderr", 42)
	fmt.Printf("%5.1f%%|%x|%X|%v|%d\n", 99.5, []byte("az"), "hi", [3]bool{true}, []int32{1, -2})
	n, err := 2, error(nil)
	fmt.Println(n, err)
}
