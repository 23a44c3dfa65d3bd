package p

func f() {
	x := []int{1, 2, 3}
	_ = x[1:2:3:4]
}
