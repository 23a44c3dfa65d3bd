package p

const big = 1 << 400
const _ = big * big
const _ = ^(big << 200)

var arr [4]int
var _ = arr[1:3:2]
var _ = "abc"[1:2:3]
var _ = arr[5]

func f(s int) {
	_ = make([]int, 1.5, 2.0)
	_ = make(map[int]int, uint64(1<<63))
	_ = make([]int)
	_ = float32(1 << s)
}
