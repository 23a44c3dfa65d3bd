package main

// range over slices, arrays, pointers to arrays and strings (UTF-8
// decoding with invalid bytes), with := and =, blank and absent variables.

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range s {
		println(i, v)
	}
	total := 0
	for _, x := range [4]int{1, 2, 3, 4} {
		total += x
	}
	println(total)
	for i, r := range "héllo, 世界\xff!" {
		println(i, r)
	}
	n := 0
	for range s {
		n++
	}
	var k int
	for k = range s {
	}
	println(n, k)
	arr := [3]int{5, 6, 7}
	for i := range &arr {
		arr[i] *= 2
	}
	println(arr[0], arr[1], arr[2])
}
