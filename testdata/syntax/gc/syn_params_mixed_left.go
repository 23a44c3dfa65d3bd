package p

func f(a.T, b int) {}
