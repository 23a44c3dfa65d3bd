package p

//go:noinline
func f() {}

//line other.go:10
func g() {}

/*line other2.go:20:3*/ func h() {}

//go:nosplit
//go:norace
func k() {}
