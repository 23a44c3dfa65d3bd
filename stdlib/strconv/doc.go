// Package strconv implements conversions to and from string
// representations of basic data types.
//
// goc's strconv is Go 1.19's API except ParseComplex and FormatComplex.
// Floating-point formatting works on an exact multi-precision decimal
// (shortest output by the bounds-scanning method); parsing tries an exact
// small-power path, then Eisel-Lemire with a 128-bit table of powers of
// ten, then an exact decimal fallback, so both directions are correctly
// rounded and print exactly what gc prints.
package strconv

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

const (
	lowerhex = "0123456789abcdef"
	upperhex = "0123456789ABCDEF"
)

func lower(c byte) byte { return c | 0x20 }
