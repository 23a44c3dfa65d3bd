package main

// switch (with and without a tag, fallthrough, default anywhere), labeled
// break and continue, goto.

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	case n < 0:
		return "?"
	}
}

func fall(n int) int {
	r := 0
	switch n {
	case 1:
		r += 1
		fallthrough
	case 2:
		r += 10
		fallthrough
	case 3, 4:
		r += 100
	case 5:
		r += 1000
	}
	return r
}

func name(s string) int {
	switch s {
	case "a", "b":
		return 1
	case "c":
		return 2
	}
	return 0
}

func main() {
	println(grade(95), grade(85), grade(10), grade(-5))
	println(fall(1), fall(2), fall(3), fall(4), fall(5), fall(6))
	println(name("a"), name("b"), name("c"), name("d"))
	count := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j > i {
				continue outer
			}
			if i*j > 20 {
				break outer
			}
			count++
		}
	}
	println(count)
	k := 0
loop:
	if k < 5 {
		k++
		goto loop
	}
	println(k)
	for i := 0; ; i++ {
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		print(i, " ")
	}
	println()
	switch x := 3; x {
	case 3:
		if x > 2 {
			break
		}
		println("not reached")
	}
	println("done")
}
