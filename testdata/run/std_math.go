package main

// math: the exact functions (rounding, Sqrt, Mod, Frexp/Ldexp, bits) are
// hashed bit for bit over pairs of special and ordinary values; Exp, Log and
// Pow are printed by println (7 digits), since gc's assembly Exp and Log may
// differ from fdlibm's in the last bit.

import "math"

func main() {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3, 1e300, -1e-300, 5e-324, 1e-310, math.MaxFloat64, -math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.1, 123.456, 4503599627370495.5, -4503599627370495.5, 2, 10, 1e22, 0.49999999999999994, 7, 1024, 1e-5, 3.0000000000000004, 9007199254740993, -7.25}
	h := uint64(0)
	bits := func(v float64) uint64 { // NaNs' payloads are not specified
		if v != v {
			return 1
		}
		return math.Float64bits(v)
	}
	for _, x := range xs {
		for _, y := range xs {
			for _, v := range []float64{math.Mod(x, y), math.Hypot(x, y), math.Max(x, y), math.Min(x, y), math.Copysign(x, y), math.Dim(x, y), math.Nextafter(x, y)} {
				h = h*31 + bits(v)
			}
		}
		fr, e := math.Frexp(x)
		ip, fp := math.Modf(x)
		for _, v := range []float64{math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), math.Sqrt(x), math.Abs(x), fr, float64(e), ip, fp, math.Ldexp(x, 5), math.Ldexp(x, -1074), math.Ldexp(x, 1030), math.Ldexp(x, -1)} {
			h = h*31 + bits(v)
		}
		println(x, math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), math.Sqrt(x), fr, e, ip, fp)
		println(" ", math.IsNaN(x), math.IsInf(x, 0), math.IsInf(x, 1), math.IsInf(x, -1), math.Signbit(x), math.Float64bits(x))
	}
	println(h)
	for _, x := range []float64{0, 1, -1, 0.5, 2, 10, 0.1, 100, -100, 700, 710, -745, -746, 1e-300, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), 3, 1024, 1e-5} {
		println(x, math.Exp(x), math.Log(x), math.Exp2(x), math.Log2(x), math.Log10(x))
		for _, y := range []float64{0, 1, -1, 2, 0.5, -0.5, 3, -3, 1.5, 10, 1e10, math.Inf(1), math.Inf(-1), math.NaN()} {
			println(" ", y, math.Pow(x, y))
		}
	}
	for n := -330; n < 320; n += 7 {
		println(n, math.Pow10(n))
	}
	println(math.Sqrt(2) == math.Sqrt2, math.Log2(8), math.Log10(1000), math.Exp(1) == math.E)
	println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxUint16, math.MaxInt32, math.MinInt32, uint32(math.MaxUint32), math.MaxInt, math.MinInt, uint(math.MaxUint))
	println(math.Pi, math.E, math.Phi, math.Sqrt2, math.Ln2, math.Log2E, math.Ln10, math.Log10E, math.SqrtPi, math.SqrtE, math.SqrtPhi)
	println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	println(math.Float32bits(1.5), math.Float32frombits(0x40490fdb), math.Float64frombits(0x3ff8000000000000), math.Float32bits(float32(math.Inf(-1))))
	println(math.Max(math.Copysign(0, -1), 0), math.Min(math.Copysign(0, -1), 0), math.Max(1, math.NaN()), math.Min(math.Inf(-1), math.NaN()))
}
