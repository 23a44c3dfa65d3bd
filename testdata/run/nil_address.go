// Taking the address of something behind a nil pointer panics (&*p, &p.f,
// &p[i], a method promoted through a nil embedded path), while calling a
// pointer method on a nil pointer does not; large values copied through a
// nil pointer panic too, recoverably.
package main

type Struct struct {
	i int
	j float64
	k string
	x [10]int
	l []byte
}

type Big struct {
	k string
	x [1 << 16]byte
}

type M struct{}

func (m *M) F() int { return 0 }

type M2 struct {
	x int
	M
}

type T []T

func (t *T) Sum(args ...int) int { return len(args) }

type U struct{ *T }

type I interface{ Sum(...int) int }

var (
	intp    *int
	a10p    *[10]int
	a1Mp    *[1 << 20]int
	structp *Struct
	bigp    *Big
	m2      *M2
	i       int
	V       interface{}
)

func use(x interface{}) { V = x }

func try(name string, f func()) {
	defer func() {
		if err := recover(); err == nil {
			println(name, "did not panic")
		} else {
			println(name, "panics:", err.(error).Error())
		}
	}()
	f()
}

func main() {
	try("&*intp", func() { println(&*intp) })
	try("&a10p[0]", func() { println(&a10p[0]) })
	try("&a10p[i]", func() { println(&a10p[i]) })
	try("*a1Mp", func() { use(*a1Mp) })
	try("&a1Mp[i]", func() { println(&a1Mp[i]) })
	try("*structp", func() { use(*structp) })
	try("&*structp", func() { println(&*structp) })
	try("&structp.i", func() { println(&structp.i) })
	try("*bigp", func() { use(*bigp) })
	try("bigp.x", func() { use(bigp.x) })
	try("m2.F()", func() { println(m2.F()) })
	try("m2.M.F()", func() { println(m2.M.F()) })
	println((*T)(nil).Sum(1, 2))
	println((&U{}).Sum(1, 2, 3))
	var u U
	var x I = u
	println(x.Sum(4))
	x = &u
	println(x.Sum())

	// large values copied around
	a := new([1 << 20]int)
	a[7] = 7
	b := *a
	b[8] = 8
	use(b)
	c := V.([1 << 20]int)
	println(a[7], a[8], b[7], b[8], c[7], c[8])
	big := &Big{k: "k"}
	big.x[3] = 3
	use(*big)
	d := V.(Big)
	d.x[4] = 4
	*big = Big{}
	println(d.k, d.x[3], d.x[4], big.k, big.x[3])
}
