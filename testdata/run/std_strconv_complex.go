package main

// strconv.FormatComplex and ParseComplex (forms N, Ni, N±Ni, parentheses,
// range errors on either part).

import (
	"math"
	"strconv"
)

func errs(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func main() {
	for _, c := range []complex128{0, 1 + 2i, -1.5 - 0.25i, complex(math.Inf(1), math.NaN()), complex(0, -0.0), 1e300 + 1e-300i} {
		println(strconv.FormatComplex(c, 'g', -1, 128), strconv.FormatComplex(c, 'e', 3, 64), strconv.FormatComplex(c, 'f', 2, 128))
	}
	for _, s := range []string{"1", "1i", "i", "-i", "1+2i", "(1+2i)", "1-2i", "1++2i", "1+-2i", "+3e2-4e-1i", "1e400+1i", "1+1e400i", "1e40+2i", "nan+infi", "inf-infi", "(1+2i", "1+2", "x", "0x1p1+0x1p-1i", "1_0+2_0i", "1e-50i", "", "()", "(1)"} {
		c, err := strconv.ParseComplex(s, 128)
		c64, err64 := strconv.ParseComplex(s, 64)
		println(s, strconv.FormatComplex(c, 'g', -1, 128), errs(err), strconv.FormatComplex(c64, 'g', -1, 64), errs(err64))
	}
}
