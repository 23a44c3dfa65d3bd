package main

// Indexing and selecting into values that are not addressable: a call's
// result, an assertion's, a map element's (read through a stack copy).

type P struct{ x, y int }

func arr() [3]int { return [3]int{1, 2, 3} }

type S struct {
	a [2]string
	p P
}

func mk() S { return S{[2]string{"x", "y"}, P{5, 6}} }

func grid() [2][2]P { return [2][2]P{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}} }

func main() {
	var e any = [2]int{7, 8}
	i := 1
	println(arr()[1], arr()[i], e.([2]int)[0], mk().a[1], mk().p.y, len(arr()))
	m := map[string][2]int{"k": {4, 5}}
	println(m["k"][1], grid()[1][i].x, grid()[i][0].y)
	var s any = S{p: P{9, 10}}
	println(s.(S).p.x, s.(S).a[0] == "")
	for j := 0; j < 3; j++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					println(r.(error).Error())
				}
			}()
			println(arr()[j*2])
		}()
	}
}
