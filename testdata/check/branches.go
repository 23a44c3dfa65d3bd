package main

func main() {
	goto L
	x := 1
	_ = x
L:
	{
	M:
	}
	goto M
	for {
		break
	}
	if true {
	N:
		for {
			continue N
		}
	}
	switch {
	case true:
		fallthrough
	case false:
		fallthrough
	}
}
