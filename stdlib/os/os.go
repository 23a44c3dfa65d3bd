// Package os: the process (arguments, environment, exit) and files, on
// the system calls of goc's C runtime (runtime/stdlib.c).
package os

import (
	"errors"
	"io"
)

// Args holds the command-line arguments, starting with the program name.
var Args []string

func init() {
	n := argc()
	Args = make([]string, n)
	for i := 0; i < n; i++ {
		Args[i] = argv(i)
	}
}

// Exit ends the program at once with the given status; deferred calls do
// not run.
func Exit(code int) { exit(code) }

// Getpid returns the process id.
func Getpid() int { return getpid() }

// ---- environment ----

var env map[string]string
var envOrder []string

func loadEnv() {
	if env != nil {
		return
	}
	env = make(map[string]string)
	n := envc()
	for i := 0; i < n; i++ {
		kv := envv(i)
		for j := 0; j < len(kv); j++ {
			if kv[j] == '=' {
				k := kv[:j]
				if _, dup := env[k]; !dup {
					envOrder = append(envOrder, k)
					env[k] = kv[j+1:]
				}
				break
			}
		}
	}
}

// Getenv returns the value of the environment variable key, or "".
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv returns the value of key and whether it is set.
func LookupEnv(key string) (string, bool) {
	loadEnv()
	v, ok := env[key]
	return v, ok
}

// Setenv sets key for this process (children are not started by goc's os).
func Setenv(key, value string) error {
	loadEnv()
	if _, ok := env[key]; !ok {
		envOrder = append(envOrder, key)
	}
	env[key] = value
	setenv(key, value) // for the runtime's readers (time's $TZ)
	return nil
}

// Unsetenv removes key.
func Unsetenv(key string) error {
	loadEnv()
	delete(env, key)
	unsetenv(key)
	return nil
}

// Environ returns the environment as key=value strings.
func Environ() []string {
	loadEnv()
	var out []string
	for _, k := range envOrder {
		if v, ok := env[k]; ok {
			out = append(out, k+"="+v)
		}
	}
	return out
}

// ---- errors ----

// Errno is a system call error number (syscall.Errno in Go).
type Errno uintptr

func (e Errno) Error() string { return errstr(int(e)) }

const (
	ENOENT Errno = 2
	EEXIST Errno = 17
	EACCES Errno = 13
	EISDIR Errno = 21
)

var (
	ErrNotExist   = errors.New("file does not exist")
	ErrExist      = errors.New("file already exists")
	ErrPermission = errors.New("permission denied")
	ErrClosed     = errors.New("file already closed")
	ErrInvalid    = errors.New("invalid argument")
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

func underlying(err error) error {
	if pe, ok := err.(*PathError); ok {
		return pe.Err
	}
	return err
}

// IsNotExist reports whether err says a file does not exist.
func IsNotExist(err error) bool {
	err = underlying(err)
	return err == ENOENT || err == ErrNotExist
}

// IsExist reports whether err says a file already exists.
func IsExist(err error) bool {
	err = underlying(err)
	return err == EEXIST || err == ErrExist
}

// IsPermission reports whether err says permission was denied.
func IsPermission(err error) bool {
	err = underlying(err)
	return err == EACCES || err == ErrPermission
}

// ---- files ----

// File is an open file descriptor.
type File struct {
	fd     int
	name   string
	closed bool
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a File for the descriptor fd.
func NewFile(fd uintptr, name string) *File { return &File{fd: int(fd), name: name} }

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// FileMode is a file's mode and permission bits.
type FileMode uint32

// Open opens name for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates name for writing.
func Create(name string) (*File, error) { return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666) }

// OpenFile opens name with the given flags and permission.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd := sysOpen(name, flag, int(perm&0777))
	if fd < 0 {
		return nil, &PathError{Op: "open", Path: name, Err: Errno(-fd)}
	}
	return &File{fd: fd, name: name}, nil
}

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes b to the file, all of it unless an error stops it.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	for n < len(b) {
		r := sysWrite(f.fd, &b[n], len(b)-n)
		if r < 0 {
			if Errno(-r) == 4 { // EINTR
				continue
			}
			return n, &PathError{Op: "write", Path: f.name, Err: Errno(-r)}
		}
		n += r
	}
	return n, nil
}

// WriteString writes s to the file.
func (f *File) WriteString(s string) (n int, err error) { return f.Write([]byte(s)) }

// Read reads up to len(b) bytes; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) == 0 {
		return 0, nil
	}
	for {
		r := sysRead(f.fd, &b[0], len(b))
		if r < 0 {
			if Errno(-r) == 4 {
				continue
			}
			return 0, &PathError{Op: "read", Path: f.name, Err: Errno(-r)}
		}
		if r == 0 {
			return 0, io.EOF
		}
		return r, nil
	}
}

// Close closes the file.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if r := sysClose(f.fd); r < 0 {
		return &PathError{Op: "close", Path: f.name, Err: Errno(-r)}
	}
	return nil
}

// ReadFile reads the whole named file.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// WriteFile writes data to the named file, creating it with perm if needed.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	r := sysUnlink(name)
	if r == 0 {
		return nil
	}
	r1 := sysRmdir(name)
	if r1 == 0 {
		return nil
	}
	// as gc: rmdir's error unless the name is no directory (ENOTDIR)
	if r1 != -20 {
		r = r1
	}
	return &PathError{Op: "remove", Path: name, Err: Errno(-r)}
}

// implemented in runtime/stdlib.c
func argc() int
func argv(i int) string
func envc() int
func envv(i int) string
func exit(code int)
func getpid() int
func errstr(e int) string
func sysWrite(fd int, p *byte, n int) int
func sysRead(fd int, p *byte, n int) int
func sysOpen(path string, flag int, perm int) int
func sysClose(fd int) int
func sysUnlink(path string) int
func setenv(key, value string)
func unsetenv(key string)

func getwd(err *int) string

// Getwd returns a rooted path name corresponding to the current directory
// ($PWD if it names the current directory, as gc prefers).
func Getwd() (dir string, err error) {
	var e int
	dir = getwd(&e)
	if e != 0 {
		return "", &SyscallError{"getwd", Errno(e)}
	}
	return dir, nil
}

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// ---- directories and temporary files ----

func sysMkdir(path string, perm int) int
func sysRmdir(path string) int
func randUint32() uint32

// Mkdir creates a directory.
func Mkdir(name string, perm FileMode) error {
	if r := sysMkdir(name, int(perm&0777)); r < 0 {
		return &PathError{Op: "mkdir", Path: name, Err: Errno(-r)}
	}
	return nil
}

// TempDir returns $TMPDIR, or /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

// tempPattern splits pattern at its last "*" (or appends the random part).
func tempPattern(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '/' {
			return "", "", errors.New("pattern contains path separator")
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

func itoa(u uint32) string {
	if u == 0 {
		return "0"
	}
	var b [10]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	return string(b[i:])
}

func joinDir(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + "/" + name
}

// CreateTemp creates a new file in dir (TempDir if "") named by pattern
// with its last "*" replaced by a random string, opened for reading and
// writing.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := tempPattern(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinDir(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + itoa(randUint32()) + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) && try < 10000 {
			continue
		}
		return f, err
	}
}

// MkdirTemp creates a new directory in dir (TempDir if "") named by
// pattern as CreateTemp names files, and returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := tempPattern(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinDir(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + itoa(randUint32()) + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) && try < 10000 {
			continue
		}
		return "", err
	}
}
