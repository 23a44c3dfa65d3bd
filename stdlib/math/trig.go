package math

// Sine, cosine and tangent, by the Cephes methods that Go's pure-Go math
// uses on amd64 (so that results are gc's bit for bit): the argument is
// reduced to an octant, by Cody-Waite with π/4 in three parts below 2^29
// and by Payne-Hanek multiplication with the bits of 4/π above, then a
// polynomial (sin, cos) or rational function (tan) is evaluated there.

import "math/bits"

// Coefficients of Cephes' sin.c and tan.c.
var sinCoef = [6]float64{
	1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
	-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
	2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
	-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
	8.33333333332211858878e-3,  // 0x3f8111111110f7d0
	-1.66666666666666307295e-1, // 0xbfc5555555555548
}

var cosCoef = [6]float64{
	-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
	2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
	-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
	2.48015872888517045348e-5,   // 0x3efa01a019c844f5
	-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
	4.16666666666665929218e-2,   // 0x3fa555555555554b
}

const (
	pi4a = 7.85398125648498535156e-1  // 0x3fe921fb40000000: π/4 in three parts
	pi4b = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4c = 2.69515142907905952645e-15 // 0x3ce8469898cc5170

	// Above this, Cody-Waite loses precision: reduce with trigReduce.
	reduceThreshold = 1 << 29
)

// octant returns j, the octant of x ≥ 0 rounded up to even (so that the
// reduced z lies in [-π/4, π/4]), and z = x - j·π/4. j is not taken mod 8.
func octant(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	return j, ((x - y*pi4a) - y*pi4b) - y*pi4c
}

func sinPoly(z, zz float64) float64 {
	c := sinCoef
	return z + z*zz*((((((c[0]*zz)+c[1])*zz+c[2])*zz+c[3])*zz+c[4])*zz+c[5])
}

func cosPoly(zz float64) float64 {
	c := cosCoef
	return 1.0 - 0.5*zz + zz*zz*((((((c[0]*zz)+c[1])*zz+c[2])*zz+c[3])*zz+c[4])*zz+c[5])
}

// Cos returns the cosine of the radian argument x.
// Cos(±Inf) = NaN, Cos(NaN) = NaN.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	neg := false
	j, z := octant(Abs(x))
	j &= 7
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sin returns the sine of the radian argument x.
// Sin(±0) = ±0, Sin(±Inf) = NaN, Sin(NaN) = NaN.
func Sin(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	j, z := octant(x)
	j &= 7
	if j > 3 {
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) {
	if x == 0 {
		return x, 1
	}
	if IsNaN(x) || IsInf(x, 0) {
		return NaN(), NaN()
	}
	sinNeg, cosNeg := false, false
	if x < 0 {
		x = -x
		sinNeg = true
	}
	j, z := octant(x)
	j &= 7
	if j > 3 {
		j -= 4
		sinNeg, cosNeg = !sinNeg, !cosNeg
	}
	if j > 1 {
		cosNeg = !cosNeg
	}
	zz := z * z
	cos = cosPoly(zz)
	sin = sinPoly(z, zz)
	if j == 1 || j == 2 {
		sin, cos = cos, sin
	}
	if cosNeg {
		cos = -cos
	}
	if sinNeg {
		sin = -sin
	}
	return
}

var tanP = [3]float64{
	-1.30936939181383777646e4, // 0xc0c992d8d24f3f38
	1.15351664838587416140e6,  // 0x413199eca5fc9ddd
	-1.79565251976484877988e7, // 0xc1711fead3299176
}

var tanQ = [5]float64{
	1.00000000000000000000e0,
	1.36812963470692954678e4,  // 0x40cab8a5eeb36572
	-1.32089234440210967447e6, // 0xc13427bc582abc96
	2.50083801823357915839e7,  // 0x4177d98fc2ead8ef
	-5.38695755929454629881e7, // 0xc189afe03cbe5a31
}

// Tan returns the tangent of the radian argument x.
// Tan(±0) = ±0, Tan(±Inf) = NaN, Tan(NaN) = NaN.
func Tan(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	j, z := octant(x)
	y := z
	zz := z * z
	if zz > 1e-14 {
		p, q := tanP, tanQ
		y = z + z*(zz*(((p[0]*zz)+p[1])*zz+p[2])/((((zz+q[1])*zz+q[2])*zz+q[3])*zz+q[4]))
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// trigReduce reduces x ≥ π/4 (meant for x ≥ reduceThreshold) to j, the
// octant rounded up to even mod 8, and z = x - j·π/4 in [-π/4, π/4]: the
// 53 bits of x's mantissa times the 192 bits of 4/π that matter at x's
// exponent give the octant in the integer part and z/(π/4) in the fraction
// (Payne and Hanek, "Radian reduction for trigonometric functions").
func trigReduce(x float64) (j uint64, z float64) {
	const PI4 = Pi / 4
	if x < PI4 {
		return 0, x
	}
	ix := Float64bits(x)
	exp := int(ix>>shift&mask) - bias - shift
	ix = ix&fracMask | 1<<shift
	// the three words of 4/π aligned so that x·(4/π) has 3 integer bits
	digit, off := uint(exp+61)/64, uint(exp+61)%64
	w0 := mPi4[digit]<<off | mPi4[digit+1]>>(64-off)
	w1 := mPi4[digit+1]<<off | mPi4[digit+2]>>(64-off)
	w2 := mPi4[digit+2]<<off | mPi4[digit+3]>>(64-off)
	// the 128 bits of the product that hold the integer part and fraction
	hi2, _ := bits.Mul64(w2, ix)
	hi1, lo1 := bits.Mul64(w1, ix)
	lo0 := w0 * ix
	lo, carry := bits.Add64(lo1, hi2, 0)
	hi, _ := bits.Add64(lo0, hi1, carry)
	j = hi >> 61
	hi = hi<<3 | lo>>61 // the fraction
	// the fraction as a float64: normalize and set the exponent
	lz := uint(bits.LeadingZeros64(hi))
	e := uint64(bias - (lz + 1))
	hi = hi<<(lz+1) | lo>>(64-(lz+1))
	hi >>= 64 - shift
	hi |= e << shift
	z = Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * PI4
}
