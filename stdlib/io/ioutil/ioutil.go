// Package ioutil: Go 1.19's deprecated I/O utilities, each the io or os
// function it has become. ReadDir is not provided: goc's os has no
// directory reading (io/fs) yet.
package ioutil

import (
	"io"
	"os"
)

// ReadAll reads from r until EOF (io.ReadAll).
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// ReadFile reads the whole named file (os.ReadFile).
func ReadFile(filename string) ([]byte, error) { return os.ReadFile(filename) }

// WriteFile writes data to the named file (os.WriteFile).
func WriteFile(filename string, data []byte, perm os.FileMode) error {
	return os.WriteFile(filename, data, perm)
}

// NopCloser returns r with a Close method that does nothing (io.NopCloser).
func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

// Discard is a Writer on which all writes succeed (io.Discard).
var Discard io.Writer = io.Discard

// TempFile creates a new temporary file (os.CreateTemp).
func TempFile(dir, pattern string) (f *os.File, err error) { return os.CreateTemp(dir, pattern) }

// TempDir creates a new temporary directory (os.MkdirTemp).
func TempDir(dir, pattern string) (name string, err error) { return os.MkdirTemp(dir, pattern) }
