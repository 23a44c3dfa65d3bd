package main

// time's calendar, zones, formatting and parsing, at fixed instants and
// explicit locations (Local is set through $TZ before its first use).

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	os.Setenv("TZ", "Europe/Berlin")
	fmt.Println(time.Unix(0, 0), time.Local, time.Unix(1e9, 5).Location())

	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	fmt.Println(t, t.Unix(), t.UnixNano(), t.UnixMilli(), t.UnixMicro())
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	fmt.Println(y, m, d, h, mi, s, t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.YearDay(), t.Weekday())
	fmt.Println(t.ISOWeek())
	fmt.Printf("%#v\n", t)
	fmt.Println(time.Month(13), time.Weekday(-1), time.March, time.Saturday)

	// normalization
	fmt.Println(time.Date(2021, 14, 35, 25, 61, 61, 1e9+5, time.UTC))
	fmt.Println(time.Date(2000, 0, 0, -1, -1, -1, -1, time.UTC))
	fmt.Println(time.Date(-100, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(12345, 6, 7, 8, 9, 10, 0, time.UTC))
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), zero.Weekday(), zero.Location())

	// layouts
	layouts := []string{time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
		time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano, "2006-01-02 15:04:05.000000", "Jan _2 __2 002 pm PM 03 3 4 5 06",
		"Z07 Z0700 Z07:00 Z070000 Z07:00:00 -07 -0700 -07:00 -070000 -07:00:00", ".9 .99 ,999 .000 ,0 05.999999999",
		"January Monday Mon Jan 1 01 2 02 _2", "Janet Monday1 Mondays Mo", "2006_2006 _2006 __2"}
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+30*60), time.FixedZone("XYZ", -(3*3600 + 25*60 + 7)), time.FixedZone("", 0)}
	instants := []time.Time{t, time.Date(2023, 1, 5, 0, 7, 9, 0, time.UTC), time.Date(1999, 12, 31, 12, 30, 0, 500000000, time.UTC)}
	for _, l := range layouts {
		for _, z := range zones {
			for _, at := range instants {
				fmt.Printf("%q\n", at.In(z).Format(l))
			}
		}
	}
	fmt.Println(string(t.AppendFormat([]byte("x:"), time.Kitchen)))

	// named zones
	for _, name := range []string{"America/New_York", "Australia/Sydney", "Europe/London", "Asia/Kolkata", "America/Sao_Paulo", "UTC", "", "Local", "No/Such_Zone", "../etc/passwd"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println(name, "error:", err)
			continue
		}
		fmt.Println(loc)
		for _, at := range []time.Time{t, time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 7, 1, 12, 0, 0, 0, time.UTC), time.Date(2100, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2100, 7, 15, 0, 0, 0, 0, time.UTC)} {
			in := at.In(loc)
			name, off := in.Zone()
			st, en := in.ZoneBounds()
			fmt.Println(" ", in, name, off, in.IsDST(), st, en)
		}
		// wall clocks in the spring gap and the autumn overlap
		fmt.Println(" ", time.Date(2022, 3, 13, 2, 30, 0, 0, loc), time.Date(2022, 11, 6, 1, 30, 0, 0, loc), time.Date(2022, 10, 2, 2, 30, 0, 0, loc), time.Date(2022, 3, 27, 1, 30, 0, 0, loc))
	}

	// arithmetic
	ny, _ := time.LoadLocation("America/New_York")
	a := time.Date(2022, 3, 12, 12, 0, 0, 0, ny)
	fmt.Println(a.Add(24*time.Hour), a.AddDate(0, 0, 1), a.AddDate(1, -3, 40), a.AddDate(0, 1, 0).Sub(a))
	fmt.Println(time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0))
	b := a.In(time.UTC)
	fmt.Println(a == b, a.Equal(b), a.Before(b.Add(1)), a.After(b.Add(-1)), b.Sub(a), a.Sub(zero), zero.Sub(a))
	for _, dur := range []time.Duration{time.Nanosecond, 3 * time.Millisecond, time.Second, 7 * time.Second, time.Minute, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 0, -time.Second, 1234567890} {
		fmt.Println(dur, t.Truncate(dur), t.Round(dur), a.Truncate(dur), time.Date(-5, 1, 1, 0, 0, 1, 7, time.UTC).Round(dur))
	}
	fmt.Println(time.Unix(-1, -1).UTC(), time.Unix(1, 3e9).UTC(), time.UnixMilli(-1500).UTC(), time.UnixMicro(1234567).UTC())

	// parsing
	parses := []struct{ layout, value string }{
		{time.RFC3339, "2022-03-04T05:06:07Z"},
		{time.RFC3339, "2022-03-04T05:06:07.123+05:30"},
		{time.RFC3339Nano, "2022-03-04T05:06:07.123456789-01:00"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
		{time.RFC1123, "Fri, 04 Mar 2022 05:06:07 CET"},
		{time.RFC1123, "Fri, 04 Mar 2022 05:06:07 UTC"},
		{time.RFC1123, "Fri, 04 Mar 2022 05:06:07 GMT+3"},
		{time.RFC1123Z, "Fri, 04 Mar 2022 05:06:07 +0100"},
		{time.RFC850, "Friday, 04-Mar-22 05:06:07 PST"},
		{time.ANSIC, "Fri Mar  4 05:06:07 2022"},
		{time.UnixDate, "Fri Mar  4 05:06:07 CEST 2022"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:00am"},
		{time.Stamp, "Mar  4 05:06:07"},
		{time.StampMicro, "Mar  4 05:06:07.123456"},
		{"2006-01-02", "2022-02-29"},
		{"2006-01-02", "2024-02-29"},
		{"2006-002", "2024-060"},
		{"2006-002", "2023-366"},
		{"2006 __2", "2023  45"},
		{"2006-01-02 15:04:05", "2022-03-04 05:06:07.5"},
		{"2006-01-02 15:04:05", "2022-03-04 25:06:07"},
		{"2006-01-02 15:04:05", "2022-03-04 05:61:07"},
		{"2006-01-02 15:04:05", "2022-03-04 05:06:07 extra"},
		{"2006-01-02 15:04:05", "2022-03-04"},
		{"2006-01-02", "22-03-04"},
		{"Jan 2 06", "feb 3 99"},
		{"Jan 2 06", "Fev 3 99"},
		{"Monday Jan 2", "Funday Jan 2"},
		{"15:04:05.000", "05:06:07.12"},
		{"15:04:05,999", "05:06:07,12"},
		{"2006-01-02T15:04:05Z0700", "2022-03-04T05:06:07+0100"},
		{"2006-01-02T15:04:05-07:00:00", "2022-03-04T05:06:07-01:02:03"},
		{"2006-01-02 MST", "2022-07-04 CEST"},
		{"2006-01-02 -0700", "2022-07-04 +0200"},
		{"2006-01-02 -0700", "2022-07-04 +0300"},
		{"02 Jan 06 15:04 MST", "04 Mar 22 05:06 ChST"},
		{"3:04 pm", "13:04 pm"},
		{"\xff 2006", "x 2022"},
	}
	for _, p := range parses {
		pt, err := time.Parse(p.layout, p.value)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(pt, pt.Location())
	}
	pt, err := time.ParseInLocation("2006-01-02 15:04", "2022-11-06 01:30", ny)
	fmt.Println(pt, err)
	pt, err = time.ParseInLocation(time.RFC1123, "Sun, 06 Nov 2022 01:30:00 EST", ny)
	fmt.Println(pt, err)
	var pe *time.ParseError
	_, err = time.Parse("2006", "abcd")
	pe, _ = err.(*time.ParseError)
	fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)

	// durations
	for _, s := range []string{"0", "1h2m3.5s", "-1.5h", "+300ms", "1us", "1µs", "2h45m0.5s", ".5s", "1.s", "", "-", "1", "1x", "3.000000000000000000001s", "9223372036854775807ns", "9223372036854775808ns", "2562047h47m16.854775807s", "1h1h"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	for _, d := range []time.Duration{1500 * time.Millisecond, -1500 * time.Millisecond, 1<<63 - 1, -1 << 63} {
		fmt.Println(d.Round(time.Second), d.Truncate(time.Second), d.Round(time.Hour), d.Round(0), d.Hours(), d.Minutes(), d.Seconds())
	}

	// monotonic readings
	now := time.Now()
	fmt.Println(strings.Contains(now.String(), " m=+"), strings.Contains(now.Round(0).String(), "m="), now.Location(), now.Sub(now.Add(-time.Second)))
	fmt.Println(strings.Contains(now.UTC().String(), "m="), now.Equal(now.UTC()), now.Add(time.Hour).After(now))
}
