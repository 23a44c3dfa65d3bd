package p

var x [2]int = [2]int{1, 2,,}
