package time

import "math/bits"

// A Time is an instant with nanosecond precision: seconds since January 1
// of year 1, 00:00:00 UTC (the zero Time), nanoseconds within the second,
// the location whose clock Format and the calendar methods read (nil:
// UTC), and for times read by Now a monotonic clock reading, which Sub,
// Before, After and Equal prefer when both times have one.
type Time struct {
	sec     int64
	nsec    int32
	hasMono bool
	mono    int64 // nanoseconds since the process started (as gc's m=)
	loc     *Location
}

const (
	secondsPerMinute = 60
	secondsPerHour   = 60 * secondsPerMinute
	secondsPerDay    = 24 * secondsPerHour
	secondsPerWeek   = 7 * secondsPerDay

	// seconds from January 1 of year 1 to January 1, 1970
	unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * secondsPerDay
	internalToUnix int64 = -unixToInternal

	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// startNano: the monotonic clock when the program started, less 1 (so
// that a reading is never 0), as gc's.
var startNano int64 = nanotime() - 1

// Now returns the current local time, with a monotonic reading.
func Now() Time {
	w := walltime()
	sec := floorDiv(w, 1e9)
	return Time{sec: sec + unixToInternal, nsec: int32(w - sec*1e9), hasMono: true, mono: nanotime() - startNano, loc: Local}
}

// Unix returns the local Time sec seconds and nsec nanoseconds after
// January 1, 1970 UTC; nsec may be outside [0, 999999999].
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), loc: Local}
}

// UnixMilli returns the local Time msec milliseconds after 1970.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// UnixMicro returns the local Time usec microseconds after 1970.
func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

func (t Time) unixSec() int64     { return t.sec + internalToUnix }
func (t Time) Unix() int64        { return t.unixSec() }
func (t Time) UnixMilli() int64   { return t.unixSec()*1e3 + int64(t.nsec)/1e6 }
func (t Time) UnixMicro() int64   { return t.unixSec()*1e6 + int64(t.nsec)/1e3 }
func (t Time) UnixNano() int64    { return t.unixSec()*1e9 + int64(t.nsec) }
func (t Time) Nanosecond() int    { return int(t.nsec) }
func (t Time) IsZero() bool       { return t.sec == 0 && t.nsec == 0 }
func (t *Time) stripMono()        { t.hasMono, t.mono = false, 0 }
func (t *Time) setLoc(l *Location) {
	if l == &utcLoc {
		l = nil
	}
	t.stripMono()
	t.loc = l
}

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u are the same instant, whatever their
// locations.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Add returns t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.nsec = nsec
	t.addSec(dsec)
	if t.hasMono {
		te := t.mono + int64(d)
		if d < 0 && te > t.mono || d > 0 && te < t.mono {
			t.stripMono()
		} else {
			t.mono = te
		}
	}
	return t
}

// addSec adds d seconds, saturating instead of overflowing.
func (t *Time) addSec(d int64) {
	sum := t.sec + d
	if (sum > t.sec) == (d > 0) {
		t.sec = sum
	} else if d > 0 {
		t.sec = 1<<63 - 1
	} else {
		t.sec = -(1<<63 - 1)
	}
}

// Sub returns t-u, saturated to the range of Duration.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		te, ue := t.mono, u.mono
		d := Duration(te - ue)
		if d < 0 && te > ue {
			return maxDuration
		}
		if d > 0 && te < ue {
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// UTC returns t in UTC.
func (t Time) UTC() Time {
	t.setLoc(&utcLoc)
	return t
}

// Local returns t in the local time zone.
func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}

// In returns t in loc; it panics if loc is nil.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// Location returns t's location.
func (t Time) Location() *Location {
	l := t.loc
	if l == nil {
		l = UTC
	}
	return l
}

// Zone returns the abbreviation and offset (seconds east of UTC) of the
// zone in effect at t.
func (t Time) Zone() (name string, offset int) {
	name, offset, _, _, _ = t.loc.lookup(t.unixSec())
	return
}

// ZoneBounds returns the bounds of the zone in effect at t (zero Times
// for unbounded ends).
func (t Time) ZoneBounds() (start, end Time) {
	_, _, startSec, endSec, _ := t.loc.lookup(t.unixSec())
	if startSec != alpha {
		start = Time{sec: startSec + unixToInternal}
		start.setLoc(t.loc)
	}
	if endSec != omega {
		end = Time{sec: endSec + unixToInternal}
		end.setLoc(t.loc)
	}
	return
}

// IsDST reports whether t is in daylight saving time in its location.
func (t Time) IsDST() bool {
	_, _, _, _, isDST := t.loc.lookup(t.unixSec())
	return isDST
}

// locabs returns the zone name and offset in effect at t and the local
// seconds since January 1 of year 1 (t.sec shifted by the offset).
func (t Time) locabs() (name string, offset int, local int64) {
	name, offset, _, _, _ = t.loc.lookup(t.unixSec())
	return name, offset, t.sec + int64(offset)
}

// ---- the proleptic Gregorian calendar ----

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var shortMonthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var shortDayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// String returns the English name of the month ("January"), or
// "%!Month(n)" for a value out of range.
func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

// String returns the English name of the day ("Sunday"), or
// "%!Weekday(n)" for a value out of range.
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// daysBefore[m] counts the days before month m+1 in a common year.
var daysBefore = [...]int32{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

func daysIn(m Month, year int) int {
	if m == February && isLeap(year) {
		return 29
	}
	return int(daysBefore[m] - daysBefore[m-1])
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// daysFromCivil returns the days from January 1 of year 1 to the given
// date (March-based years: 400-year eras of 146097 days).
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306 // day 0 = 0000-03-01; year 1 Jan 1 is day 306
}

// civil splits days since January 1 of year 1 into a date; yday is 0-based.
func civil(days int64) (year int, month Month, day int, yday int) {
	z := days + 306
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	m := int(mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	year, month = int(y), Month(m)
	yday = int(daysBefore[m-1]) + day - 1
	if m > 2 && isLeap(year) {
		yday++
	}
	return
}

// localDays returns t's local date as days since January 1 of year 1 and
// the seconds into that day.
func (t Time) localDays() (days int64, secs int) {
	_, _, local := t.locabs()
	days = floorDiv(local, secondsPerDay)
	return days, int(local - days*secondsPerDay)
}

// Date returns the year, month and day of t in its location.
func (t Time) Date() (year int, month Month, day int) {
	days, _ := t.localDays()
	year, month, day, _ = civil(days)
	return
}

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// YearDay returns the day of the year, 1 to 365 (366 in leap years).
func (t Time) YearDay() int {
	days, _ := t.localDays()
	_, _, _, yday := civil(days)
	return yday + 1
}

func weekdayOf(days int64) Weekday {
	// January 1 of year 1 was a Monday
	return Weekday((days%7 + 7 + 1) % 7)
}

// Weekday returns the day of the week of t.
func (t Time) Weekday() Weekday {
	days, _ := t.localDays()
	return weekdayOf(days)
}

// ISOWeek returns the ISO 8601 year and week number of t.
func (t Time) ISOWeek() (year, week int) {
	days, _ := t.localDays()
	// the Thursday of t's week (weeks start on Monday) decides its year
	d := int64(Thursday - weekdayOf(days))
	if d == 4 {
		d = -3 // Sunday
	}
	year, _, _, yday := civil(days + d)
	return year, yday/7 + 1
}

// Clock returns the hour, minute and second of t in its location.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.localDays()
	return s / secondsPerHour, s % secondsPerHour / secondsPerMinute, s % secondsPerMinute
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// norm returns hi, lo with lo in [0, base), carrying into hi.
func norm(hi, lo, base int) (nhi, nlo int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

// Date returns the Time of the given wall clock in loc; values out of
// their ranges are normalized (October 32 is November 1). In a zone
// transition's gap or overlap, the time is that of one of the two offsets
// in effect, as gc chooses. Date panics if loc is nil.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year, m = norm(year, m, 12)
	month = Month(m) + 1
	sec, nsec = norm(sec, nsec, 1e9)
	min, sec = norm(min, sec, 60)
	hour, min = norm(hour, min, 60)
	day, hour = norm(day, hour, 24)

	days := daysFromCivil(int64(year), int(month), 1) + int64(day-1)
	unix := days*secondsPerDay + int64(hour*secondsPerHour+min*secondsPerMinute+sec) + internalToUnix

	// the offset in effect at the wall time taken as UTC, corrected if the
	// instant it gives lies outside that zone's span
	_, offset, start, end, _ := loc.lookup(unix)
	if offset != 0 {
		utc := unix - int64(offset)
		if utc < start || utc >= end {
			_, offset, _, _, _ = loc.lookup(utc)
		}
		unix -= int64(offset)
	}
	t := Time{sec: unix + unixToInternal, nsec: int32(nsec)}
	t.setLoc(loc)
	return t
}

// AddDate returns t plus the given years, months and days, normalized
// as Date normalizes.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// rem returns t (nanoseconds since January 1 of year 1) modulo d > 0,
// floored.
func rem(t Time, d Duration) Duration {
	ud := uint64(d)
	s := t.sec % int64(d)
	if s < 0 {
		s += int64(d)
	}
	hi, lo := bits.Mul64(uint64(s), 1e9)
	r := bits.Rem64(hi, lo, ud)
	return Duration((r + uint64(t.nsec)) % ud)
}

// Truncate returns t rounded down to a multiple of d since the zero
// time, without its monotonic reading.
func (t Time) Truncate(d Duration) Time {
	t.stripMono()
	if d <= 0 {
		return t
	}
	return t.Add(-rem(t, d))
}

// Round returns t rounded to the nearest multiple of d since the zero
// time (halfway values up), without its monotonic reading.
func (t Time) Round(d Duration) Time {
	t.stripMono()
	if d <= 0 {
		return t
	}
	r := rem(t, d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}
