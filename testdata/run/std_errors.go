package main

// errors: New, Is and Unwrap, with wrapping chains, Is methods and
// errors of an uncomparable dynamic type.

import "errors"

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }

type always struct{}

func (always) Error() string        { return "always" }
func (always) Is(target error) bool { return true }

type sliceErr []string

func (s sliceErr) Error() string { return "slice" }

var ErrA = errors.New("a")
var ErrB = errors.New("a")

func main() {
	println(ErrA.Error(), ErrA == ErrB, errors.Is(ErrA, ErrB), errors.Is(ErrA, ErrA))
	w := &wrapped{"outer", &wrapped{"inner", ErrA}}
	println(w.Error(), errors.Is(w, ErrA), errors.Is(w, ErrB), errors.Unwrap(w) == w.err, errors.Unwrap(errors.Unwrap(w)) == ErrA)
	println(errors.Unwrap(ErrA) == nil, errors.Is(nil, nil), errors.Is(nil, ErrA), errors.Is(ErrA, nil))
	println(errors.Is(always{}, ErrA), errors.Is(&wrapped{"x", always{}}, ErrB))
	var s error = sliceErr{"x"}
	println(errors.Is(s, s), errors.Is(&wrapped{"y", s}, ErrA))
}
