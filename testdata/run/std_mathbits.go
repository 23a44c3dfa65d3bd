package main

// math/bits: counts, rotations, reversals, and the carry/borrow/128-bit
// arithmetic, with the divide panics.

import "math/bits"

var seed uint64 = 88172645463325252

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 1 << 31, 1<<32 - 1, 1 << 63, 1<<64 - 1, 0x0123456789abcdef}
	for i := 0; i < 40; i++ {
		vals = append(vals, next()>>(next()%64))
	}
	for _, x := range vals {
		println(x, bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len64(x), bits.Reverse64(x), bits.ReverseBytes64(x), bits.RotateLeft64(x, 13), bits.RotateLeft64(x, -7))
		x32, x16, x8 := uint32(x), uint16(x), uint8(x)
		println(bits.LeadingZeros32(x32), bits.TrailingZeros32(x32), bits.OnesCount32(x32), bits.Len32(x32), bits.Reverse32(x32), bits.ReverseBytes32(x32), bits.RotateLeft32(x32, 5), bits.RotateLeft32(x32, -3))
		println(bits.LeadingZeros16(x16), bits.TrailingZeros16(x16), bits.OnesCount16(x16), bits.Len16(x16), bits.Reverse16(x16), bits.ReverseBytes16(x16), bits.RotateLeft16(x16, 3))
		println(bits.LeadingZeros8(x8), bits.TrailingZeros8(x8), bits.OnesCount8(x8), bits.Len8(x8), bits.Reverse8(x8), bits.RotateLeft8(x8, 3), bits.LeadingZeros(uint(x)), bits.Len(uint(x)), bits.OnesCount(uint(x)))
		y := next()
		s, c := bits.Add64(x, y, 1)
		d, b := bits.Sub64(x, y, 1)
		hi, lo := bits.Mul64(x, y)
		println(s, c, d, b, hi, lo)
		s32, c32 := bits.Add32(uint32(x), uint32(y), 0)
		d32, b32 := bits.Sub32(uint32(x), uint32(y), 1)
		h32, l32 := bits.Mul32(uint32(x), uint32(y))
		println(s32, c32, d32, b32, h32, l32)
		if y != 0 {
			q, r := bits.Div64(hi%y, lo, y)
			println(q, r, bits.Rem64(hi, lo, y))
		}
		if uint32(y) != 0 {
			q, r := bits.Div32(h32%uint32(y), l32, uint32(y))
			println(q, r, bits.Rem32(h32, l32, uint32(y)))
		}
	}
	println(bits.UintSize)
	func() {
		defer func() { println(recover().(error).Error()) }()
		bits.Div64(5, 0, 3)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		bits.Div64(0, 1, 0)
	}()
}
