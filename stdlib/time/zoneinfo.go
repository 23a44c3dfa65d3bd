package time

import (
	"errors"
	"sync"
)

// A Location maps instants to the zone in use there: a name, and the
// zones with the transitions between them, as read from a TZif file
// (zoneinfo_read.go), with the POSIX TZ rule of the file's footer for
// instants after its last transition.
type Location struct {
	name   string
	zone   []zone
	tx     []zoneTrans
	extend string
}

// A zone is one time zone: its abbreviation ("CET"), its offset in
// seconds east of UTC, and whether it is daylight saving time.
type zone struct {
	name   string
	offset int
	isDST  bool
}

// A zoneTrans is a transition to zone[index] at when (Unix seconds).
type zoneTrans struct {
	when         int64
	index        uint8
	isstd, isutc bool
}

const (
	alpha = -1 << 63  // the beginning of time
	omega = 1<<63 - 1 // the end of time
)

var utcLoc = Location{name: "UTC"}

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

var localLoc Location
var localOnce sync.Once

// Local is the system's local time zone: $TZ if set (a zone name, a path
// or "" for UTC), else /etc/localtime; UTC if that cannot be read.
var Local *Location = &localLoc

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	if l == &localLoc {
		localOnce.Do(initLocal)
	}
	return l
}

// String returns the location's name ("Local" for Local).
func (l *Location) String() string { return l.get().name }

// FixedZone returns a Location that always uses the given zone name and
// offset (seconds east of UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{
		name: name,
		zone: []zone{{name, offset, false}},
		tx:   []zoneTrans{{alpha, 0, false, false}},
	}
}

// lookup returns the zone in effect at sec (Unix seconds) and the span
// [start, end) of instants it is in effect for.
func (l *Location) lookup(sec int64) (name string, offset int, start, end int64, isDST bool) {
	l = l.get()
	if len(l.zone) == 0 {
		return "UTC", 0, alpha, omega, false
	}
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z := &l.zone[l.lookupFirstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return z.name, z.offset, alpha, end, z.isDST
	}
	// the last transition at or before sec
	tx := l.tx
	end = omega
	lo, hi := 0, len(tx)
	for hi-lo > 1 {
		m := lo + (hi-lo)/2
		if sec < tx[m].when {
			end = tx[m].when
			hi = m
		} else {
			lo = m
		}
	}
	z := &l.zone[tx[lo].index]
	name, offset, start, isDST = z.name, z.offset, tx[lo].when, z.isDST
	if lo == len(tx)-1 && l.extend != "" {
		if ename, eoffset, estart, eend, eisDST, ok := tzset(l.extend, start, sec); ok {
			return ename, eoffset, estart, eend, eisDST
		}
	}
	return
}

// lookupFirstZone returns the zone for instants before the first
// transition: zone 0 unless a transition uses it, else the standard-time
// zone nearest before the first transition's, else the first standard one.
func (l *Location) lookupFirstZone() int {
	used := false
	for _, tx := range l.tx {
		if tx.index == 0 {
			used = true
			break
		}
	}
	if !used {
		return 0
	}
	if len(l.tx) > 0 && l.zone[l.tx[0].index].isDST {
		for zi := int(l.tx[0].index) - 1; zi >= 0; zi-- {
			if !l.zone[zi].isDST {
				return zi
			}
		}
	}
	for zi := range l.zone {
		if !l.zone[zi].isDST {
			return zi
		}
	}
	return 0
}

// lookupName returns the offset of the zone named name, preferring one in
// effect near unix.
func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	for i := range l.zone {
		z := &l.zone[i]
		if z.name == name {
			nam, offset, _, _, _ := l.lookup(unix - int64(z.offset))
			if nam == z.name {
				return offset, true
			}
		}
	}
	for i := range l.zone {
		if l.zone[i].name == name {
			return l.zone[i].offset, true
		}
	}
	return
}

// ---- POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0") ----

type ruleKind int

const (
	ruleJulian ruleKind = iota // Jn: day n of 365, February 29 never counted
	ruleDOY                    // n: day n of the year, from 0
	ruleMonthWeekDay           // Mm.w.d: day d of week w (5: last) of month m
)

type rule struct {
	kind ruleKind
	day  int
	week int
	mon  int
	time int // seconds after midnight, local
}

// tzset returns the zone that the TZ rule s puts in effect at sec, with
// the span it covers in sec's year; lastTxSec is the last transition of
// the file, where a rule without daylight time starts.
func tzset(s string, lastTxSec, sec int64) (name string, offset int, start, end int64, isDST, ok bool) {
	var stdName, dstName string
	var stdOffset, dstOffset int
	stdName, s, ok = tzsetName(s)
	if ok {
		stdOffset, s, ok = tzsetOffset(s)
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}
	stdOffset = -stdOffset // POSIX offsets are west of UTC
	if len(s) == 0 || s[0] == ',' {
		return stdName, stdOffset, lastTxSec, omega, false, true
	}
	dstName, s, ok = tzsetName(s)
	if ok {
		if len(s) == 0 || s[0] == ',' {
			dstOffset = stdOffset + secondsPerHour
		} else {
			dstOffset, s, ok = tzsetOffset(s)
			dstOffset = -dstOffset
		}
	}
	if !ok {
		return "", 0, 0, 0, false, false
	}
	if len(s) == 0 {
		s = ",M3.2.0,M11.1.0" // the United States' rules
	}
	if s[0] != ',' && s[0] != ';' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]
	var startRule, endRule rule
	startRule, s, ok = tzsetRule(s)
	if !ok || len(s) == 0 || s[0] != ',' {
		return "", 0, 0, 0, false, false
	}
	s = s[1:]
	endRule, s, ok = tzsetRule(s)
	if !ok || len(s) > 0 {
		return "", 0, 0, 0, false, false
	}

	days := floorDiv(sec+unixToInternal, secondsPerDay)
	year, _, _, yday := civil(days)
	ysec := int64(yday*secondsPerDay) + sec%secondsPerDay
	abs := daysFromCivil(int64(year), 1, 1)*secondsPerDay + internalToUnix // the year's start, Unix

	startSec := int64(tzruleTime(year, startRule, stdOffset))
	endSec := int64(tzruleTime(year, endRule, dstOffset))
	dstIsDST, stdIsDST := true, false
	// southern hemisphere: daylight time spans the new year
	if endSec < startSec {
		startSec, endSec = endSec, startSec
		stdName, dstName = dstName, stdName
		stdOffset, dstOffset = dstOffset, stdOffset
		stdIsDST, dstIsDST = dstIsDST, stdIsDST
	}
	if ysec < startSec {
		return stdName, stdOffset, abs, startSec + abs, stdIsDST, true
	} else if ysec >= endSec {
		return stdName, stdOffset, endSec + abs, abs + 365*secondsPerDay, stdIsDST, true
	}
	return dstName, dstOffset, startSec + abs, endSec + abs, dstIsDST, true
}

// tzsetName splits a zone name (three letters or more, or <quoted>) off s.
func tzsetName(s string) (string, string, bool) {
	if len(s) == 0 {
		return "", "", false
	}
	if s[0] == '<' {
		for i := 1; i < len(s); i++ {
			if s[i] == '>' {
				return s[1:i], s[i+1:], true
			}
		}
		return "", "", false
	}
	for i, r := range s {
		switch r {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ',', '-', '+':
			if i < 3 {
				return "", "", false
			}
			return s[:i], s[i:], true
		}
	}
	if len(s) < 3 {
		return "", "", false
	}
	return s, "", true
}

// tzsetOffset splits [+-]hh[:mm[:ss]] off s, in seconds.
func tzsetOffset(s string) (offset int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		s = s[1:]
		neg = true
	}
	var hours, mins, secs int
	hours, s, ok = tzsetNum(s, 0, 24*7)
	if !ok {
		return 0, "", false
	}
	off := hours * secondsPerHour
	if len(s) > 0 && s[0] == ':' {
		mins, s, ok = tzsetNum(s[1:], 0, 59)
		if !ok {
			return 0, "", false
		}
		off += mins * secondsPerMinute
		if len(s) > 0 && s[0] == ':' {
			secs, s, ok = tzsetNum(s[1:], 0, 59)
			if !ok {
				return 0, "", false
			}
			off += secs
		}
	}
	if neg {
		off = -off
	}
	return off, s, true
}

// tzsetRule splits a rule (Jn, n or Mm.w.d, then /time) off s.
func tzsetRule(s string) (rule, string, bool) {
	var r rule
	if len(s) == 0 {
		return rule{}, "", false
	}
	ok := false
	switch s[0] {
	case 'J':
		r.kind = ruleJulian
		r.day, s, ok = tzsetNum(s[1:], 1, 365)
		if !ok {
			return rule{}, "", false
		}
	case 'M':
		r.kind = ruleMonthWeekDay
		r.mon, s, ok = tzsetNum(s[1:], 1, 12)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		r.week, s, ok = tzsetNum(s[1:], 1, 5)
		if !ok || len(s) == 0 || s[0] != '.' {
			return rule{}, "", false
		}
		r.day, s, ok = tzsetNum(s[1:], 0, 6)
		if !ok {
			return rule{}, "", false
		}
	default:
		r.kind = ruleDOY
		r.day, s, ok = tzsetNum(s, 0, 365)
		if !ok {
			return rule{}, "", false
		}
	}
	if len(s) == 0 || s[0] != '/' {
		r.time = 2 * secondsPerHour
		return r, s, true
	}
	off, s, ok := tzsetOffset(s[1:])
	if !ok {
		return rule{}, "", false
	}
	r.time = off
	return r, s, true
}

// tzsetNum splits a decimal number in [min, max] off s.
func tzsetNum(s string, min, max int) (num int, rest string, ok bool) {
	if len(s) == 0 {
		return 0, "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			if i == 0 || num < min {
				return 0, "", false
			}
			return num, s[i:], true
		}
		num = num*10 + int(c-'0')
		if num > max {
			return 0, "", false
		}
	}
	if num < min {
		return 0, "", false
	}
	return num, "", true
}

// tzruleTime returns the second of year at which rule r takes effect, in
// UTC shifted by off.
func tzruleTime(year int, r rule, off int) int {
	var d int
	switch r.kind {
	case ruleJulian:
		d = r.day - 1
		if isLeap(year) && r.day >= 60 {
			d++
		}
	case ruleDOY:
		d = r.day
	case ruleMonthWeekDay:
		first := daysFromCivil(int64(year), r.mon, 1)
		dow := int(weekdayOf(first))
		d = r.day - dow
		if d < 0 {
			d += 7
		}
		for i := 1; i < r.week; i++ {
			if d+7 >= daysIn(Month(r.mon), year) {
				break
			}
			d += 7
		}
		d += int(daysBefore[r.mon-1])
		if isLeap(year) && r.mon > 2 {
			d++
		}
	}
	return d*secondsPerDay + r.time - off
}

// ---- loading ----

var errLocation = errors.New("time: invalid location name")

var zoneSources = []string{
	"/usr/share/zoneinfo/",
	"/usr/share/lib/zoneinfo/",
	"/usr/lib/locale/TZ/",
}

// LoadLocation returns the Location named name: "" or "UTC" for UTC,
// "Local" for Local, else an IANA zone name ("America/New_York") read from
// $ZONEINFO or the system's zoneinfo directories.
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errLocation
	}
	if dir, ok := getenv("ZONEINFO"); ok && dir != "" {
		if data, err := readFile(dir + "/" + name); err == nil {
			if l, err := LoadLocationFromTZData(name, data); err == nil {
				return l, nil
			}
		}
	}
	return loadLocation(name, zoneSources)
}

func containsDotDot(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

func loadLocation(name string, sources []string) (*Location, error) {
	var firstErr error
	for _, source := range sources {
		data, err := readFile(source + name)
		if err == nil {
			var l *Location
			if l, err = LoadLocationFromTZData(name, data); err == nil {
				return l, nil
			}
		}
		if firstErr == nil && err != errNotExist {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, errors.New("unknown time zone " + name)
}

// initLocal sets Local from $TZ or /etc/localtime, as gc's.
func initLocal() {
	tz, ok := getenv("TZ")
	switch {
	case !ok:
		if z, err := loadLocation("localtime", []string{"/etc/"}); err == nil {
			localLoc = *z
			localLoc.name = "Local"
			return
		}
	case tz != "":
		if tz[0] == ':' {
			tz = tz[1:]
		}
		if tz != "" && tz[0] == '/' {
			if z, err := loadLocation(tz, []string{""}); err == nil {
				localLoc = *z
				if tz == "/etc/localtime" {
					localLoc.name = "Local"
				} else {
					localLoc.name = tz
				}
				return
			}
		} else if tz != "" && tz != "UTC" {
			if z, err := loadLocation(tz, zoneSources); err == nil {
				localLoc = *z
				localLoc.name = tz
				return
			}
		}
	}
	localLoc.name = "UTC"
}
