// Bounds failures with negative and too-large indices and slice bounds:
// gc prints a negative value alone, without the length or capacity.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	s := make([]int, 5, 8)
	str := "hello"
	a := [4]int{}
	for _, k := range []int{-1, -9} {
		try(func() { _ = s[k] })
		try(func() { _ = str[k] })
		try(func() { _ = a[k] })
		try(func() { _ = s[:k] })
		try(func() { _ = s[k:] })
		try(func() { _ = str[:k] })
		try(func() { _ = s[k:2] })
		try(func() { _ = s[1:k] })
		try(func() { _ = s[1:2:k] })
		try(func() { _ = s[1:k:3] })
		try(func() { _ = s[k:2:3] })
		try(func() { _ = s[:9] })
		i, j := 3, 2
		try(func() { _ = s[i:j] })
		try(func() { _ = s[1:2:9] })
		try(func() { _ = s[1:i:j] })
		try(func() { _ = s[i:j:4] })
		try(func() { _ = str[i:j] })
		try(func() { _ = str[:9] })
	}
}
