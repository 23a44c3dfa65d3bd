package io

import (
	"errors"
	"sync"
)

// ErrClosedPipe is the error used for read or write operations on a
// closed pipe.
var ErrClosedPipe = errors.New("io: read/write on closed pipe")

// onceError is an error that is set once.
type onceError struct {
	mu  sync.Mutex
	err error
}

func (a *onceError) Store(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return
	}
	a.err = err
}

func (a *onceError) Load() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// pipe is the shared state of a PipeReader and PipeWriter: each Write is
// handed to readers in pieces over wrCh, each piece acknowledged with its
// length on rdCh.
type pipe struct {
	wrMu sync.Mutex // serializes writes
	wrCh chan []byte
	rdCh chan int

	once sync.Mutex
	closed bool
	done chan struct{}
	rerr onceError
	werr onceError
}

func (p *pipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case bw := <-p.wrCh:
		nr := copy(b, bw)
		p.rdCh <- nr
		return nr, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) closeDone() {
	p.once.Lock()
	if !p.closed {
		p.closed = true
		close(p.done)
	}
	p.once.Unlock()
}

func (p *pipe) readCloseError() error {
	rerr := p.rerr.Load()
	if werr := p.werr.Load(); rerr == nil && werr != nil {
		return werr
	}
	return ErrClosedPipe
}

func (p *pipe) closeRead(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	p.rerr.Store(err)
	p.closeDone()
	return nil
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
		p.wrMu.Lock()
		defer p.wrMu.Unlock()
	}
	for once := true; once || len(b) > 0; once = false {
		select {
		case p.wrCh <- b:
			nw := <-p.rdCh
			b = b[nw:]
			n += nw
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

func (p *pipe) writeCloseError() error {
	werr := p.werr.Load()
	if rerr := p.rerr.Load(); werr == nil && rerr != nil {
		return rerr
	}
	return ErrClosedPipe
}

func (p *pipe) closeWrite(err error) error {
	if err == nil {
		err = EOF
	}
	p.werr.Store(err)
	p.closeDone()
	return nil
}

// A PipeReader is the read half of a pipe.
type PipeReader struct {
	p *pipe
}

// Read implements the standard Read interface: it reads data from the
// pipe, blocking until a writer arrives or the write end is closed.
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader; subsequent writes to the write half of the
// pipe will return the error ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader; subsequent writes to the write half of
// the pipe will return the error err.
func (r *PipeReader) CloseWithError(err error) error { return r.p.closeRead(err) }

// A PipeWriter is the write half of a pipe.
type PipeWriter struct {
	p *pipe
}

// Write implements the standard Write interface: it writes data to the
// pipe, blocking until one or more readers have consumed all the data or
// the read end is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer; subsequent reads from the read half of the pipe
// will return no bytes and EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer; subsequent reads from the read half of
// the pipe will return no bytes and the error err, or EOF if err is nil.
func (w *PipeWriter) CloseWithError(err error) error { return w.p.closeWrite(err) }

// Pipe creates a synchronous in-memory pipe. It can be used to connect
// code expecting an io.Reader with code expecting an io.Writer.
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{
		wrCh: make(chan []byte),
		rdCh: make(chan int),
		done: make(chan struct{}),
	}
	return &PipeReader{p}, &PipeWriter{p}
}
