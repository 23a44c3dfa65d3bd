package p

var imags = []complex128{
	0i, 0123i, 0o123i, 0xabci, 0.i, 2.71828i, 1.e+0i, 6.67428e-11i, 1E6i,
	.25i, .12345E+5i, 0x1p-2i, 1_2i, 0b101i, 089i,
}
