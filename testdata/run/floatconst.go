package main

// Untyped float constants converted to float64 and float32 round to
// nearest, ties to even, subnormals included (they used to truncate).

import "math"

func main() {
	fs := []float64{0.1, 0.2, 0.3, 1e23, 8.98846567431158e307, 2.2250738585072011e-308, 2.2250738585072012e-308, 4.9406564584124654e-324, 2.4703282292062328e-324, 2.4703282292062327e-324, 1.7976931348623157e308, 3.0000000000000004, 9007199254740993, 0x1.fffffffffffff8p0, 1e-320, 123456789e-300, 7.0e-10, 1.448997445238699}
	for _, f := range fs {
		println(math.Float64bits(f))
	}
	gs := []float32{0.1, 16777217, 3.4028235e38, 1e-45, 7e-46, 1.17549435e-38, 0.3}
	for _, g := range gs {
		println(math.Float32bits(g))
	}
	var h float32 = 0.1
	println(float64(h))
}
