// Package errors implements functions to manipulate errors: New, Unwrap,
// Is and As.
package errors

// New returns an error whose Error method returns text. Each call makes a
// distinct value, so two errors with the same text are not equal.
func New(text string) error { return &errorString{text} }

type errorString struct{ s string }

func (e *errorString) Error() string { return e.s }
