package time

import "errors"

// Layouts for Format and Parse, written as the reference time
// Mon Jan 2 15:04:05 MST 2006 (Unix 1136239445) would be.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
)

// The elements of a layout (nextStdChunk's std codes).
const (
	_                        = iota
	stdLongMonth             = iota + stdNeedDate  // "January"
	stdMonth                                       // "Jan"
	stdNumMonth                                    // "1"
	stdZeroMonth                                   // "01"
	stdLongWeekDay                                 // "Monday"
	stdWeekDay                                     // "Mon"
	stdDay                                         // "2"
	stdUnderDay                                    // "_2"
	stdZeroDay                                     // "02"
	stdUnderYearDay                                // "__2"
	stdZeroYearDay                                 // "002"
	stdHour                  = iota + stdNeedClock // "15"
	stdHour12                                      // "3"
	stdZeroHour12                                  // "03"
	stdMinute                                      // "4"
	stdZeroMinute                                  // "04"
	stdSecond                                      // "5"
	stdZeroSecond                                  // "05"
	stdLongYear              = iota + stdNeedDate  // "2006"
	stdYear                                        // "06"
	stdPM                    = iota + stdNeedClock // "PM"
	stdpm                                          // "pm"
	stdTZ                    = iota                // "MST"
	stdISO8601TZ                                   // "Z0700"
	stdISO8601SecondsTZ                            // "Z070000"
	stdISO8601ShortTZ                              // "Z07"
	stdISO8601ColonTZ                              // "Z07:00"
	stdISO8601ColonSecondsTZ                       // "Z07:00:00"
	stdNumTZ                                       // "-0700"
	stdNumSecondsTz                                // "-070000"
	stdNumShortTZ                                  // "-07"
	stdNumColonTZ                                  // "-07:00"
	stdNumColonSecondsTZ                           // "-07:00:00"
	stdFracSecond0                                 // ".0", ".00", ...: fixed digits
	stdFracSecond9                                 // ".9", ".99", ...: trailing zeros dropped

	stdNeedDate       = 1 << 8             // needs the date
	stdNeedClock      = 2 << 8             // needs the clock
	stdArgShift       = 16                 // the digit count of a fraction
	stdSeparatorShift = 28                 // the fraction's separator: ',' if set
	stdMask           = 1<<stdArgShift - 1 // the code without its argument
)

var std0x = [...]int{stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear}

func startsWithLowerCase(s string) bool {
	return len(s) > 0 && 'a' <= s[0] && s[0] <= 'z'
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s) >= i+len(p) && s[i:i+len(p)] == p
}

// nextStdChunk splits layout at its first element: the text before it,
// its code (0 if none) and the rest.
func nextStdChunk(layout string) (prefix string, std int, suffix string) {
	for i := 0; i < len(layout); i++ {
		switch c := int(layout[i]); c {
		case 'J':
			if hasPrefixAt(layout, i, "Jan") {
				if hasPrefixAt(layout, i, "January") {
					return layout[:i], stdLongMonth, layout[i+7:]
				}
				if !startsWithLowerCase(layout[i+3:]) {
					return layout[:i], stdMonth, layout[i+3:]
				}
			}
		case 'M':
			if hasPrefixAt(layout, i, "Mon") {
				if hasPrefixAt(layout, i, "Monday") {
					return layout[:i], stdLongWeekDay, layout[i+6:]
				}
				if !startsWithLowerCase(layout[i+3:]) {
					return layout[:i], stdWeekDay, layout[i+3:]
				}
			}
			if hasPrefixAt(layout, i, "MST") {
				return layout[:i], stdTZ, layout[i+3:]
			}
		case '0':
			if len(layout) >= i+2 && '1' <= layout[i+1] && layout[i+1] <= '6' {
				return layout[:i], std0x[layout[i+1]-'1'], layout[i+2:]
			}
			if hasPrefixAt(layout, i, "002") {
				return layout[:i], stdZeroYearDay, layout[i+3:]
			}
		case '1':
			if hasPrefixAt(layout, i, "15") {
				return layout[:i], stdHour, layout[i+2:]
			}
			return layout[:i], stdNumMonth, layout[i+1:]
		case '2':
			if hasPrefixAt(layout, i, "2006") {
				return layout[:i], stdLongYear, layout[i+4:]
			}
			return layout[:i], stdDay, layout[i+1:]
		case '_':
			if hasPrefixAt(layout, i, "_2") {
				// _2006 is _ then 2006
				if hasPrefixAt(layout, i+1, "2006") {
					return layout[:i+1], stdLongYear, layout[i+5:]
				}
				return layout[:i], stdUnderDay, layout[i+2:]
			}
			if hasPrefixAt(layout, i, "__2") {
				return layout[:i], stdUnderYearDay, layout[i+3:]
			}
		case '3':
			return layout[:i], stdHour12, layout[i+1:]
		case '4':
			return layout[:i], stdMinute, layout[i+1:]
		case '5':
			return layout[:i], stdSecond, layout[i+1:]
		case 'P':
			if hasPrefixAt(layout, i, "PM") {
				return layout[:i], stdPM, layout[i+2:]
			}
		case 'p':
			if hasPrefixAt(layout, i, "pm") {
				return layout[:i], stdpm, layout[i+2:]
			}
		case '-':
			for _, e := range numTZ {
				if hasPrefixAt(layout, i, e.s) {
					return layout[:i], e.std, layout[i+len(e.s):]
				}
			}
		case 'Z':
			for _, e := range isoTZ {
				if hasPrefixAt(layout, i, e.s) {
					return layout[:i], e.std, layout[i+len(e.s):]
				}
			}
		case '.', ',':
			// a run of 0s or 9s not followed by a digit: a fraction
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				ch := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == ch {
					j++
				}
				if !isDigit(layout, j) {
					code := stdFracSecond0
					if ch == '9' {
						code = stdFracSecond9
					}
					std := code | (j-(i+1))&0xfff<<stdArgShift
					if c == ',' {
						std |= 1 << stdSeparatorShift
					}
					return layout[:i], std, layout[j:]
				}
			}
		}
	}
	return layout, 0, ""
}

type tzElem struct {
	s   string
	std int
}

// in the order they are tried (longest first where one prefixes another)
var numTZ = []tzElem{{"-070000", stdNumSecondsTz}, {"-07:00:00", stdNumColonSecondsTZ}, {"-0700", stdNumTZ}, {"-07:00", stdNumColonTZ}, {"-07", stdNumShortTZ}}
var isoTZ = []tzElem{{"Z070000", stdISO8601SecondsTZ}, {"Z07:00:00", stdISO8601ColonSecondsTZ}, {"Z0700", stdISO8601TZ}, {"Z07:00", stdISO8601ColonTZ}, {"Z07", stdISO8601ShortTZ}}

func digitsLen(std int) int { return (std >> stdArgShift) & 0xfff }

func separator(std int) byte {
	if std>>stdSeparatorShift == 0 {
		return '.'
	}
	return ','
}

// appendInt appends x in decimal, zero-padded to width digits.
func appendInt(b []byte, x int, width int) []byte {
	u := uint(x)
	if x < 0 {
		b = append(b, '-')
		u = uint(-x)
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 {
		i--
		q := u / 10
		buf[i] = byte('0' + u - q*10)
		u = q
	}
	i--
	buf[i] = byte('0' + u)
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

// formatNano appends the fraction of a second for a stdFracSecond code.
func formatNano(b []byte, nanosec uint, std int) []byte {
	n := digitsLen(std)
	var buf [9]byte
	for i, u := len(buf)-1, nanosec; i >= 0; i-- {
		buf[i] = byte(u%10 + '0')
		u /= 10
	}
	if n > 9 {
		n = 9
	}
	if std&stdMask == stdFracSecond9 {
		for n > 0 && buf[n-1] == '0' {
			n--
		}
		if n == 0 {
			return b
		}
	}
	b = append(b, separator(std))
	return append(b, buf[:n]...)
}

// String formats t as "2006-01-02 15:04:05.999999999 -0700 MST", with
// " m=±<seconds>" for a monotonic reading.
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.hasMono {
		m2 := uint64(t.mono)
		sign := byte('+')
		if t.mono < 0 {
			sign = '-'
			m2 = -m2
		}
		m1, m2 := m2/1e9, m2%1e9
		m0, m1 := m1/1e9, m1%1e9
		buf := make([]byte, 0, 24)
		buf = append(buf, " m="...)
		buf = append(buf, sign)
		wid := 0
		if m0 != 0 {
			buf = appendInt(buf, int(m0), 0)
			wid = 9
		}
		buf = appendInt(buf, int(m1), wid)
		buf = append(buf, '.')
		buf = appendInt(buf, int(m2), 9)
		s += string(buf)
	}
	return s
}

// GoString formats t as Go source: time.Date(2009, time.November, 10, ...).
func (t Time) GoString() string {
	buf := make([]byte, 0, 70)
	buf = append(buf, "time.Date("...)
	buf = appendInt(buf, t.Year(), 0)
	if m := t.Month(); January <= m && m <= December {
		buf = append(buf, ", time."...)
		buf = append(buf, m.String()...)
	} else {
		buf = appendInt(buf, int(m), 0)
	}
	for _, v := range []int{t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()} {
		buf = append(buf, ", "...)
		buf = appendInt(buf, v, 0)
	}
	buf = append(buf, ", "...)
	switch loc := t.Location(); loc {
	case UTC, nil:
		buf = append(buf, "time.UTC"...)
	case Local:
		buf = append(buf, "time.Local"...)
	default:
		buf = append(buf, "time.Location("...)
		buf = append(buf, quote(loc.name)...)
		buf = append(buf, ')')
	}
	return string(append(buf, ')'))
}

// Format returns t formatted by layout (written as the reference time
// would be; see the layout constants).
func (t Time) Format(layout string) string {
	max := len(layout) + 10
	if max < 64 {
		max = 64
	}
	return string(t.AppendFormat(make([]byte, 0, max), layout))
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	name, offset, abs := t.locabs()
	days := floorDiv(abs, secondsPerDay)
	daySec := int(abs - days*secondsPerDay)
	year := -1
	var month Month
	var day, yday int
	hour := -1
	var min, sec int
	for layout != "" {
		prefix, std, suffix := nextStdChunk(layout)
		b = append(b, prefix...)
		if std == 0 {
			break
		}
		layout = suffix
		if year < 0 && std&stdNeedDate != 0 {
			year, month, day, yday = civil(days)
			yday++
		}
		if hour < 0 && std&stdNeedClock != 0 {
			hour, min, sec = daySec/secondsPerHour, daySec%secondsPerHour/secondsPerMinute, daySec%secondsPerMinute
		}
		switch std & stdMask {
		case stdYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y%100, 2)
		case stdLongYear:
			b = appendInt(b, year, 4)
		case stdMonth:
			b = append(b, month.String()[:3]...)
		case stdLongMonth:
			b = append(b, month.String()...)
		case stdNumMonth:
			b = appendInt(b, int(month), 0)
		case stdZeroMonth:
			b = appendInt(b, int(month), 2)
		case stdWeekDay:
			b = append(b, weekdayOf(days).String()[:3]...)
		case stdLongWeekDay:
			b = append(b, weekdayOf(days).String()...)
		case stdDay:
			b = appendInt(b, day, 0)
		case stdUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendInt(b, day, 0)
		case stdZeroDay:
			b = appendInt(b, day, 2)
		case stdUnderYearDay:
			if yday < 100 {
				b = append(b, ' ')
				if yday < 10 {
					b = append(b, ' ')
				}
			}
			b = appendInt(b, yday, 0)
		case stdZeroYearDay:
			b = appendInt(b, yday, 3)
		case stdHour:
			b = appendInt(b, hour, 2)
		case stdHour12, stdZeroHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			w := 0
			if std == stdZeroHour12 {
				w = 2
			}
			b = appendInt(b, hr, w)
		case stdMinute:
			b = appendInt(b, min, 0)
		case stdZeroMinute:
			b = appendInt(b, min, 2)
		case stdSecond:
			b = appendInt(b, sec, 0)
		case stdZeroSecond:
			b = appendInt(b, sec, 2)
		case stdPM:
			if hour >= 12 {
				b = append(b, "PM"...)
			} else {
				b = append(b, "AM"...)
			}
		case stdpm:
			if hour >= 12 {
				b = append(b, "pm"...)
			} else {
				b = append(b, "am"...)
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecondsTZ, stdNumTZ, stdNumColonTZ, stdNumSecondsTz, stdNumShortTZ, stdNumColonSecondsTZ:
			iso := std == stdISO8601TZ || std == stdISO8601ColonTZ || std == stdISO8601SecondsTZ || std == stdISO8601ShortTZ || std == stdISO8601ColonSecondsTZ
			if offset == 0 && iso {
				b = append(b, 'Z')
				break
			}
			zone := offset / 60
			absoffset := offset
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
				absoffset = -absoffset
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			colon := std == stdISO8601ColonTZ || std == stdNumColonTZ || std == stdISO8601ColonSecondsTZ || std == stdNumColonSecondsTZ
			if colon {
				b = append(b, ':')
			}
			if std != stdNumShortTZ && std != stdISO8601ShortTZ {
				b = appendInt(b, zone%60, 2)
			}
			if std == stdISO8601SecondsTZ || std == stdNumSecondsTz || std == stdNumColonSecondsTZ || std == stdISO8601ColonSecondsTZ {
				if colon {
					b = append(b, ':')
				}
				b = appendInt(b, absoffset%60, 2)
			}
		case stdTZ:
			if name != "" {
				b = append(b, name...)
				break
			}
			zone := offset / 60
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			b = appendInt(b, zone%60, 2)
		case stdFracSecond0, stdFracSecond9:
			b = formatNano(b, uint(t.Nanosecond()), std)
		}
	}
	return b
}

// ---- parsing ----

var errBad = errors.New("bad value for field") // never returned to callers

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// quote is strconv.Quote's escaping for what layouts and values hold:
// non-ASCII and control bytes as \x escapes.
func quote(s string) string {
	const lowerhex = "0123456789abcdef"
	buf := make([]byte, 1, len(s)+2)
	buf[0] = '"'
	for i, c := range s {
		if c >= 0x80 || c < ' ' {
			var width int
			if c == '\uFFFD' {
				width = 1
				if i+2 < len(s) && s[i:i+3] == "\uFFFD" {
					width = 3
				}
			} else {
				width = len(string(c))
			}
			for j := 0; j < width; j++ {
				buf = append(buf, `\x`...)
				buf = append(buf, lowerhex[s[i+j]>>4], lowerhex[s[i+j]&0xF])
			}
		} else {
			if c == '"' || c == '\\' {
				buf = append(buf, '\\')
			}
			buf = append(buf, string(c)...)
		}
	}
	return string(append(buf, '"'))
}

// Error returns gc's wording of the parse error.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) + ": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

func isDigit(s string, i int) bool {
	return len(s) > i && '0' <= s[i] && s[i] <= '9'
}

// getnum parses one or two digits (exactly two if fixed).
func getnum(s string, fixed bool) (int, string, error) {
	if !isDigit(s, 0) {
		return 0, s, errBad
	}
	if !isDigit(s, 1) {
		if fixed {
			return 0, s, errBad
		}
		return int(s[0] - '0'), s[1:], nil
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], nil
}

// getnum3 parses one to three digits (exactly three if fixed).
func getnum3(s string, fixed bool) (int, string, error) {
	var n, i int
	for i = 0; i < 3 && isDigit(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, errBad
	}
	return n, s[i:], nil
}

func cutspace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// skip removes prefix from value; a run of spaces matches any run.
func skip(value, prefix string) (string, error) {
	for len(prefix) > 0 {
		if prefix[0] == ' ' {
			if len(value) > 0 && value[0] != ' ' {
				return value, errBad
			}
			prefix = cutspace(prefix)
			value = cutspace(value)
			continue
		}
		if len(value) == 0 || value[0] != prefix[0] {
			return value, errBad
		}
		prefix = prefix[1:]
		value = value[1:]
	}
	return value, nil
}

// match reports whether s1 and s2 are equal ignoring ASCII letters' case.
func match(s1, s2 string) bool {
	for i := 0; i < len(s1); i++ {
		c1, c2 := s1[i], s2[i]
		if c1 != c2 {
			c1 |= 'a' - 'A'
			c2 |= 'a' - 'A'
			if c1 != c2 || c1 < 'a' || c1 > 'z' {
				return false
			}
		}
	}
	return true
}

func lookup(tab []string, val string) (int, string, error) {
	for i, v := range tab {
		if len(val) >= len(v) && match(val[:len(v)], v) {
			return i, val[len(v):], nil
		}
	}
	return -1, val, errBad
}

var errLeadingInt = errors.New("time: bad [0-9]*")
var errAtoi = errors.New("time: invalid number")

// leadingInt consumes the leading digits of s (at most 1<<63).
func leadingInt(s string) (x uint64, rem string, err error) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if x > 1<<63/10 {
			return 0, "", errLeadingInt
		}
		x = x*10 + uint64(c) - '0'
		if x > 1<<63 {
			return 0, "", errLeadingInt
		}
	}
	return x, s[i:], nil
}

func atoi(s string) (x int, err error) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	q, rem, err := leadingInt(s)
	x = int(q)
	if err != nil || rem != "" {
		return 0, errAtoi
	}
	if neg {
		x = -x
	}
	return x, nil
}

func commaOrPeriod(b byte) bool { return b == '.' || b == ',' }

// parseNanoseconds parses the separator and digits in value[:nbytes].
func parseNanoseconds(value string, nbytes int) (ns int, rangeErrString string, err error) {
	if !commaOrPeriod(value[0]) {
		err = errBad
		return
	}
	if nbytes > 10 {
		value = value[:10]
		nbytes = 10
	}
	if ns, err = atoi(value[1:nbytes]); err != nil {
		return
	}
	if ns < 0 {
		rangeErrString = "fractional second"
		return
	}
	for i := 0; i < 10-nbytes; i++ {
		ns *= 10
	}
	return
}

// parseTimeZone returns the length of the zone abbreviation value starts
// with, by gc's rules (three to five upper-case letters, GMT±h, ±hh...).
func parseTimeZone(value string) (length int, ok bool) {
	if len(value) < 3 {
		return 0, false
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4, true
	}
	if value[:3] == "GMT" {
		return parseGMT(value), true
	}
	if value[0] == '+' || value[0] == '-' {
		length = parseSignedOffset(value)
		return length, length > 0
	}
	var nUpper int
	for nUpper = 0; nUpper < 6; nUpper++ {
		if nUpper >= len(value) {
			break
		}
		if c := value[nUpper]; c < 'A' || 'Z' < c {
			break
		}
	}
	switch nUpper {
	case 0, 1, 2, 6:
		return 0, false
	case 5:
		if value[4] == 'T' {
			return 5, true
		}
	case 4:
		if value[3] == 'T' || value[:4] == "WITA" {
			return 4, true
		}
	case 3:
		return 3, true
	}
	return 0, false
}

func parseGMT(value string) int {
	value = value[3:]
	if len(value) == 0 {
		return 3
	}
	return 3 + parseSignedOffset(value)
}

func parseSignedOffset(value string) int {
	sign := value[0]
	if sign != '-' && sign != '+' {
		return 0
	}
	x, rem, err := leadingInt(value[1:])
	if err != nil || value[1:] == rem || x > 23 {
		return 0
	}
	return len(value) - len(rem)
}

// Parse parses value by layout; without a zone in value the time is UTC.
// A zone offset or abbreviation that Local uses at that time gives a time
// in Local; other offsets give a fabricated fixed zone.
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}

// ParseInLocation is Parse with loc in place of UTC and Local.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

func parse(layout, value string, defaultLocation, local *Location) (Time, error) {
	alayout, avalue := layout, value
	rangeErrString := ""
	amSet, pmSet := false, false
	var (
		year       int
		month      = -1
		day        = -1
		yday       = -1
		hour       int
		min        int
		sec        int
		nsec       int
		z          *Location
		zoneOffset = -1
		zoneName   string
	)
	for {
		var err error
		prefix, std, suffix := nextStdChunk(layout)
		stdstr := layout[len(prefix) : len(layout)-len(suffix)]
		value, err = skip(value, prefix)
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, prefix, value, ""}
		}
		if std == 0 {
			if len(value) != 0 {
				return Time{}, &ParseError{alayout, avalue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = suffix
		var p string
		switch std & stdMask {
		case stdYear:
			if len(value) < 2 {
				err = errBad
				break
			}
			hold := value
			p, value = value[:2], value[2:]
			year, err = atoi(p)
			if err != nil {
				value = hold
			} else if year >= 69 {
				year += 1900
			} else {
				year += 2000
			}
		case stdLongYear:
			if len(value) < 4 || !isDigit(value, 0) {
				err = errBad
				break
			}
			p, value = value[:4], value[4:]
			year, err = atoi(p)
		case stdMonth:
			month, value, err = lookup(shortMonthNames, value)
			month++
		case stdLongMonth:
			month, value, err = lookup(longMonthNames, value)
			month++
		case stdNumMonth, stdZeroMonth:
			month, value, err = getnum(value, std == stdZeroMonth)
			if err == nil && (month <= 0 || 12 < month) {
				rangeErrString = "month"
			}
		case stdWeekDay:
			_, value, err = lookup(shortDayNames, value)
		case stdLongWeekDay:
			_, value, err = lookup(longDayNames, value)
		case stdDay, stdUnderDay, stdZeroDay:
			if std == stdUnderDay && len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
			day, value, err = getnum(value, std == stdZeroDay)
		case stdUnderYearDay, stdZeroYearDay:
			for i := 0; i < 2; i++ {
				if std == stdUnderYearDay && len(value) > 0 && value[0] == ' ' {
					value = value[1:]
				}
			}
			yday, value, err = getnum3(value, std == stdZeroYearDay)
		case stdHour:
			hour, value, err = getnum(value, false)
			if hour < 0 || 24 <= hour {
				rangeErrString = "hour"
			}
		case stdHour12, stdZeroHour12:
			hour, value, err = getnum(value, std == stdZeroHour12)
			if hour < 0 || 12 < hour {
				rangeErrString = "hour"
			}
		case stdMinute, stdZeroMinute:
			min, value, err = getnum(value, std == stdZeroMinute)
			if min < 0 || 60 <= min {
				rangeErrString = "minute"
			}
		case stdSecond, stdZeroSecond:
			sec, value, err = getnum(value, std == stdZeroSecond)
			if sec < 0 || 60 <= sec {
				rangeErrString = "second"
				break
			}
			// a fraction after the seconds, unless the layout has one next
			if len(value) >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1) {
				_, std, _ = nextStdChunk(layout)
				std &= stdMask
				if std == stdFracSecond0 || std == stdFracSecond9 {
					break
				}
				n := 2
				for ; n < len(value) && isDigit(value, n); n++ {
				}
				nsec, rangeErrString, err = parseNanoseconds(value, n)
				value = value[n:]
			}
		case stdPM, stdpm:
			if len(value) < 2 {
				err = errBad
				break
			}
			p, value = value[:2], value[2:]
			pm, am := "PM", "AM"
			if std == stdpm {
				pm, am = "pm", "am"
			}
			switch p {
			case pm:
				pmSet = true
			case am:
				amSet = true
			default:
				err = errBad
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecondsTZ, stdNumTZ, stdNumShortTZ, stdNumColonTZ, stdNumSecondsTz, stdNumColonSecondsTZ:
			if (std == stdISO8601TZ || std == stdISO8601ShortTZ || std == stdISO8601ColonTZ) && len(value) >= 1 && value[0] == 'Z' {
				value = value[1:]
				z = UTC
				break
			}
			var sign, hh, mm, ss string
			switch std {
			case stdISO8601ColonTZ, stdNumColonTZ:
				if len(value) < 6 || value[3] != ':' {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], "00", value[6:]
			case stdNumShortTZ, stdISO8601ShortTZ:
				if len(value) < 3 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], "00", "00", value[3:]
			case stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ:
				if len(value) < 9 || value[3] != ':' || value[6] != ':' {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], value[7:9], value[9:]
			case stdISO8601SecondsTZ, stdNumSecondsTz:
				if len(value) < 7 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], value[5:7], value[7:]
			default:
				if len(value) < 5 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], "00", value[5:]
			}
			if err != nil {
				break
			}
			var hr, mi, se int
			hr, err = atoi(hh)
			if err == nil {
				mi, err = atoi(mm)
			}
			if err == nil {
				se, err = atoi(ss)
			}
			zoneOffset = (hr*60+mi)*60 + se
			switch sign[0] {
			case '+':
			case '-':
				zoneOffset = -zoneOffset
			default:
				err = errBad
			}
		case stdTZ:
			if len(value) >= 3 && value[0:3] == "UTC" {
				z = UTC
				value = value[3:]
				break
			}
			n, ok := parseTimeZone(value)
			if !ok {
				err = errBad
				break
			}
			zoneName, value = value[:n], value[n:]
		case stdFracSecond0:
			ndigit := 1 + digitsLen(std)
			if len(value) < ndigit {
				err = errBad
				break
			}
			nsec, rangeErrString, err = parseNanoseconds(value, ndigit)
			value = value[ndigit:]
		case stdFracSecond9:
			if len(value) < 2 || !commaOrPeriod(value[0]) || value[1] < '0' || '9' < value[1] {
				break // fractional second omitted
			}
			i := 0
			for i < 9 && i+1 < len(value) && '0' <= value[i+1] && value[i+1] <= '9' {
				i++
			}
			nsec, rangeErrString, err = parseNanoseconds(value, 1+i)
			value = value[1+i:]
		}
		if rangeErrString != "" {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ": " + rangeErrString + " out of range"}
		}
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ""}
		}
	}
	if pmSet && hour < 12 {
		hour += 12
	} else if amSet && hour == 12 {
		hour = 0
	}

	if yday >= 0 {
		var d, m int
		if isLeap(year) {
			if yday == 31+29 {
				m = int(February)
				d = 29
			} else if yday > 31+29 {
				yday--
			}
		}
		if yday < 1 || yday > 365 {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year out of range"}
		}
		if m == 0 {
			m = (yday-1)/31 + 1
			if int(daysBefore[m]) < yday {
				m++
			}
			d = yday - int(daysBefore[m-1])
		}
		if month >= 0 && month != m {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match month"}
		}
		month = m
		if day >= 0 && day != d {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match day"}
		}
		day = d
	} else {
		if month < 0 {
			month = int(January)
		}
		if day < 0 {
			day = 1
		}
	}
	if day < 1 || day > daysIn(Month(month), year) {
		return Time{}, &ParseError{alayout, avalue, "", value, ": day out of range"}
	}

	if z != nil {
		return Date(year, Month(month), day, hour, min, sec, nsec, z), nil
	}
	if zoneOffset != -1 {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		t.addSec(-int64(zoneOffset))
		// Local's zone at that instant, if it has this offset (and name)
		name, offset, _, _, _ := local.lookup(t.unixSec())
		if offset == zoneOffset && (zoneName == "" || name == zoneName) {
			t.setLoc(local)
			return t, nil
		}
		t.setLoc(FixedZone(zoneName, zoneOffset))
		return t, nil
	}
	if zoneName != "" {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		offset, ok := local.lookupName(zoneName, t.unixSec())
		if ok {
			t.addSec(-int64(offset))
			t.setLoc(local)
			return t, nil
		}
		if len(zoneName) > 3 && zoneName[:3] == "GMT" {
			offset, _ = atoi(zoneName[3:])
			offset *= 3600
		}
		t.setLoc(FixedZone(zoneName, offset))
		return t, nil
	}
	return Date(year, Month(month), day, hour, min, sec, nsec, defaultLocation), nil
}

// ---- durations ----

// leadingFraction consumes the digits of a fraction: their value (as
// many as fit) and the power of ten they were scaled by.
func leadingFraction(s string) (x uint64, scale float64, rem string) {
	i := 0
	scale = 1
	overflow := false
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if overflow {
			continue
		}
		if x > (1<<63-1)/10 {
			overflow = true
			continue
		}
		y := x*10 + uint64(c) - '0'
		if y > 1<<63 {
			overflow = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
}

var unitMap = map[string]uint64{
	"ns": uint64(Nanosecond),
	"us": uint64(Microsecond),
	"µs": uint64(Microsecond), // U+00B5 micro sign
	"μs": uint64(Microsecond), // U+03BC Greek mu
	"ms": uint64(Millisecond),
	"s":  uint64(Second),
	"m":  uint64(Minute),
	"h":  uint64(Hour),
}

// ParseDuration parses a signed sequence of decimal numbers with
// optional fractions and units: "300ms", "-1.5h", "2h45m".
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	invalid := errors.New("time: invalid duration " + quote(orig))
	if s == "" {
		return 0, invalid
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		var err error
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, invalid
		}
		pl := len(s)
		v, s, err = leadingInt(s)
		if err != nil {
			return 0, invalid
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			f, scale, s = leadingFraction(s)
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, invalid
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitMap[u]
		if !ok {
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if v > 1<<63/unit {
			return 0, invalid
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, invalid
			}
		}
		d += v
		if d > 1<<63 {
			return 0, invalid
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, invalid
	}
	return Duration(d), nil
}

// Round returns d rounded to the nearest multiple of m (halfway values
// away from zero), saturating.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}
