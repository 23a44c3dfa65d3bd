package time

import "errors"

var errBadData = errors.New("malformed time zone information")
var errNotExist = errors.New("no such file or directory")

// tzReader reads the big-endian fields of a TZif file.
type tzReader struct {
	p   []byte
	bad bool
}

func (d *tzReader) read(n int) []byte {
	if len(d.p) < n {
		d.p = nil
		d.bad = true
		return nil
	}
	p := d.p[:n]
	d.p = d.p[n:]
	return p
}

func (d *tzReader) big4() (uint32, bool) {
	p := d.read(4)
	if len(p) < 4 {
		return 0, false
	}
	return uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]), true
}

func (d *tzReader) big8() (uint64, bool) {
	hi, ok1 := d.big4()
	lo, ok2 := d.big4()
	return uint64(hi)<<32 | uint64(lo), ok1 && ok2
}

// cstring returns p up to its first NUL.
func cstring(p []byte) string {
	for i := range p {
		if p[i] == 0 {
			return string(p[:i])
		}
	}
	return string(p)
}

// LoadLocationFromTZData returns a Location named name from TZif data
// (RFC 8536, versions 1 to 3): for version 2 and later, the 64-bit block
// and the footer's TZ rule.
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	d := tzReader{p: data}
	if string(d.read(4)) != "TZif" {
		return nil, errBadData
	}
	p := d.read(16)
	if len(p) != 16 || p[0] != 0 && p[0] != '2' && p[0] != '3' {
		return nil, errBadData
	}
	version := 1
	if p[0] != 0 {
		version = int(p[0] - '0')
	}
	const (
		nUTCLocal = iota
		nStdWall
		nLeap
		nTime
		nZone
		nChar
	)
	var n [6]int
	readCounts := func() bool {
		for i := range n {
			v, ok := d.big4()
			if !ok || uint32(int(v)) != v {
				return false
			}
			n[i] = int(v)
		}
		return true
	}
	if !readCounts() {
		return nil, errBadData
	}
	size := 4
	if version > 1 {
		// skip the 32-bit block and the second header
		d.read(n[nTime]*5 + n[nZone]*6 + n[nChar] + n[nLeap]*8 + n[nStdWall] + n[nUTCLocal] + 4 + 16)
		if !readCounts() {
			return nil, errBadData
		}
		size = 8
	}
	txtimes := tzReader{p: d.read(n[nTime] * size)}
	txzones := d.read(n[nTime])
	zonedata := tzReader{p: d.read(n[nZone] * 6)}
	abbrev := d.read(n[nChar])
	d.read(n[nLeap] * (size + 4))
	isstd := d.read(n[nStdWall])
	isutc := d.read(n[nUTCLocal])
	if d.bad {
		return nil, errBadData
	}
	var extend string
	if rest := d.p; len(rest) > 2 && rest[0] == '\n' && rest[len(rest)-1] == '\n' {
		extend = string(rest[1 : len(rest)-1])
	}
	if n[nZone] == 0 {
		return nil, errBadData
	}
	zones := make([]zone, n[nZone])
	for i := range zones {
		off, ok := zonedata.big4()
		if !ok || uint32(int(off)) != off {
			return nil, errBadData
		}
		zones[i].offset = int(int32(off))
		b := zonedata.read(2)
		if len(b) < 2 || int(b[1]) >= len(abbrev) {
			return nil, errBadData
		}
		zones[i].isDST = b[0] != 0
		zones[i].name = cstring(abbrev[b[1]:])
	}
	tx := make([]zoneTrans, n[nTime])
	for i := range tx {
		if size == 4 {
			v, ok := txtimes.big4()
			if !ok {
				return nil, errBadData
			}
			tx[i].when = int64(int32(v))
		} else {
			v, ok := txtimes.big8()
			if !ok {
				return nil, errBadData
			}
			tx[i].when = int64(v)
		}
		if int(txzones[i]) >= len(zones) {
			return nil, errBadData
		}
		tx[i].index = txzones[i]
		if i < len(isstd) {
			tx[i].isstd = isstd[i] != 0
		}
		if i < len(isutc) {
			tx[i].isutc = isutc[i] != 0
		}
	}
	if len(tx) == 0 {
		tx = append(tx, zoneTrans{when: alpha, index: 0})
	}
	return &Location{name: name, zone: zones, tx: tx, extend: extend}, nil
}

// readFile reads a whole (small) file; a missing one gives errNotExist.
func readFile(name string) ([]byte, error) {
	fd := sysOpen(name)
	if fd < 0 {
		if fd == -2 { // ENOENT
			return nil, errNotExist
		}
		return nil, errors.New("open " + name + ": " + errstr(-fd))
	}
	defer sysClose(fd)
	const maxFileSize = 10 << 20
	var buf []byte
	var chunk [4096]byte
	for {
		n := sysRead(fd, &chunk[0], len(chunk))
		if n < 0 {
			if n == -4 { // EINTR
				continue
			}
			return nil, errors.New("read " + name + ": " + errstr(-n))
		}
		if n == 0 {
			return buf, nil
		}
		buf = append(buf, chunk[:n]...)
		if len(buf) > maxFileSize {
			return nil, errors.New("file " + name + " is too large")
		}
	}
}

// implemented in runtime/stdlib.c
func sysOpen(path string) int
func sysRead(fd int, p *byte, n int) int
func sysClose(fd int) int
func errstr(e int) string
func lookenv(key string, found *int) string

// getenv returns the value of the environment variable key (as os.Setenv
// left it) and whether it is set.
func getenv(key string) (string, bool) {
	var found int
	v := lookenv(key, &found)
	return v, found != 0
}
