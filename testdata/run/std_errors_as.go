package main

// errors.As (through reflect: Set, Implements, AssignableTo), errors.Is
// with uncomparable errors, and reflect.Swapper, CanSet, SetInt.

import (
	"errors"
	"io"
	"os"
	"reflect"
	"strconv"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "myerr " + strconv.Itoa(e.code) }

type ValErr struct{ s string }

func (e ValErr) Error() string { return e.s }

type wrap struct {
	msg string
	err error
}

func (w *wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrap) Unwrap() error { return w.err }

type asser struct{}

func (asser) Error() string { return "asser" }
func (asser) As(t any) bool {
	if p, ok := t.(**MyErr); ok {
		*p = &MyErr{42}
		return true
	}
	return false
}

type sliceErr []int

func (sliceErr) Error() string { return "slice" }

type temporary interface{ Temporary() bool }

func main() {
	e := &wrap{"outer", &wrap{"inner", &MyErr{7}}}
	var me *MyErr
	println(errors.As(e, &me), me != nil && me.code == 7)
	var ve ValErr
	println(errors.As(e, &ve), errors.As(&wrap{"x", ValErr{"v"}}, &ve), ve.s)
	var ie interface{ Error() string }
	println(errors.As(e, &ie), ie.Error())
	var n int
	var me2 *MyErr
	println(errors.As(&wrap{"a", asser{}}, &me2), me2.code)
	var tmp temporary
	println(errors.As(e, &tmp), tmp == nil)
	var err error
	println(errors.As(io.EOF, &err), err == io.EOF)
	_, perr := os.Open("/nonexistent/file")
	var pe *os.PathError
	println(errors.As(perr, &pe))
	println(errors.Is(sliceErr{1}, sliceErr{1}), errors.Is(&wrap{"w", io.EOF}, io.EOF), errors.Is(e, io.EOF))
	_, nerr := strconv.Atoi("x")
	var ne *strconv.NumError
	println(errors.As(nerr, &ne), ne.Func, errors.Is(nerr, strconv.ErrSyntax))
	for _, t := range []any{nil, me, 5, &n} {
		func() {
			defer func() { println(recover().(string)) }()
			errors.As(e, t)
		}()
	}
	// reflect bits
	x := []int{1, 2, 3, 4}
	sw := reflect.Swapper(x)
	sw(0, 3)
	println(x[0], x[3])
	ss := []string{"a", "b"}
	reflect.Swapper(ss)(0, 1)
	println(ss[0], ss[1])
	v := reflect.ValueOf(&n).Elem()
	println(v.CanSet(), reflect.ValueOf(n).CanSet())
	v.SetInt(99)
	println(n)
	v.Set(reflect.ValueOf(7))
	println(n)
	s := struct {
		A int
		b string
	}{1, "x"}
	sv := reflect.ValueOf(&s).Elem()
	println(sv.Field(0).CanSet(), sv.Field(1).CanSet())
	println(reflect.TypeOf(me).Implements(reflect.TypeOf((*error)(nil)).Elem()), reflect.TypeOf(3).Implements(reflect.TypeOf((*error)(nil)).Elem()))
	type MyInt int
	println(reflect.TypeOf(3).AssignableTo(reflect.TypeOf(MyInt(0))), reflect.TypeOf([]int{}).AssignableTo(reflect.TypeOf(sliceErr{})), reflect.TypeOf(3).ConvertibleTo(reflect.TypeOf(MyInt(0))))
	println(reflect.TypeOf(x).Comparable(), reflect.TypeOf(s).Comparable())
	func() {
		defer func() { println(recover().(error).Error()) }()
		sw(0, 9)
	}()
	type big struct{ a, b, c int }
	bs := []big{{1, 2, 3}, {4, 5, 6}}
	bsw := reflect.Swapper(bs)
	bsw(0, 1)
	println(bs[0].a, bs[1].c)
	func() {
		defer func() { println(recover().(string)) }()
		bsw(0, 2)
	}()
	func() {
		defer func() { println(recover().(string)) }()
		reflect.Swapper([]int{1})(0, 1)
	}()
}
