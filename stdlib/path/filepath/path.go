// Package filepath implements utility routines for manipulating filename
// paths in a way compatible with the target operating system-defined file
// paths (on Linux, the same as package path with '/' separators).
//
// goc's filepath has the lexical functions (Clean, Join, Split, Base, Dir,
// Ext, IsAbs, Abs, Rel, SplitList, ToSlash, FromSlash, VolumeName, Match);
// it lacks Glob, Walk, WalkDir and EvalSymlinks.
package filepath

import (
	"errors"
	"os"
	"path"
	"strings"
)

const (
	Separator     = '/' // OS-specific path separator
	ListSeparator = ':' // OS-specific path list separator
)

// ErrBadPattern indicates a pattern was malformed.
var ErrBadPattern = path.ErrBadPattern

// Clean returns the shortest path name equivalent to path by purely
// lexical processing.
func Clean(p string) string { return path.Clean(p) }

// ToSlash returns the result of replacing each separator character in
// path with a slash ('/') character.
func ToSlash(p string) string { return p }

// FromSlash returns the result of replacing each slash ('/') character in
// path with a separator character.
func FromSlash(p string) string { return p }

// SplitList splits a list of paths joined by the OS-specific
// ListSeparator, usually found in PATH or GOPATH environment variables.
// Unlike strings.Split, SplitList returns an empty slice when passed an
// empty string.
func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

// Split splits path immediately following the final Separator, separating
// it into a directory and file name component.
func Split(p string) (dir, file string) { return path.Split(p) }

// Join joins any number of path elements into a single path, separating
// them with an OS specific Separator. Empty elements are ignored. The
// result is Cleaned.
func Join(elem ...string) string { return path.Join(elem...) }

// Ext returns the file name extension used by path.
func Ext(p string) string { return path.Ext(p) }

// Base returns the last element of path.
func Base(p string) string { return path.Base(p) }

// Dir returns all but the last element of path, typically the path's
// directory.
func Dir(p string) string { return path.Dir(p) }

// IsAbs reports whether the path is absolute.
func IsAbs(p string) bool { return strings.HasPrefix(p, "/") }

// VolumeName returns leading volume name (always "" on Linux).
func VolumeName(p string) string { return "" }

// Match reports whether name matches the shell file name pattern.
func Match(pattern, name string) (matched bool, err error) { return path.Match(pattern, name) }

// Abs returns an absolute representation of path, joined with the current
// working directory if it is not absolute.
func Abs(p string) (string, error) {
	if IsAbs(p) {
		return Clean(p), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return Join(wd, p), nil
}

// Rel returns a relative path that is lexically equivalent to targpath
// when joined to basepath with an intervening separator. An error is
// returned if targpath can't be made relative to basepath.
func Rel(basepath, targpath string) (string, error) {
	base := Clean(basepath)
	targ := Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	if (len(base) > 0 && base[0] == '/') != (len(targ) > 0 && targ[0] == '/') {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	// skip the common leading elements
	bl, tl := len(base), len(targ)
	var b0, bi, t0, ti int
	for {
		for bi < bl && base[bi] != '/' {
			bi++
		}
		for ti < tl && targ[ti] != '/' {
			ti++
		}
		if targ[t0:ti] != base[b0:bi] {
			break
		}
		if bi < bl {
			bi++
		}
		if ti < tl {
			ti++
		}
		b0, t0 = bi, ti
	}
	if base[b0:bi] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	if b0 == bl {
		return targ[t0:], nil
	}
	// climb out of base's remaining elements, then down into targ's
	ups := strings.Count(base[b0:bl], "/") + 1
	var sb strings.Builder
	for i := 0; i < ups; i++ {
		if i > 0 {
			sb.WriteByte('/')
		}
		sb.WriteString("..")
	}
	if t0 != tl {
		sb.WriteByte('/')
		sb.WriteString(targ[t0:])
	}
	return sb.String(), nil
}
