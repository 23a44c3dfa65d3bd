package main

func helper() interface{} { return recover() }

func direct() (r interface{}) {
	defer func() { r = recover() }()
	panic("direct")
}

func nested() (r interface{}) {
	defer func() {
		r = helper() // not called directly by the deferred function: nil
		if r == nil {
			r = recover()
		}
	}()
	panic("nested")
}

func deferredRecover() {
	defer func() {
		println("outer sees", recover() == nil)
	}()
	defer func() {
		defer recover() // runs at this function's exit: recovers
	}()
	panic("deferred recover")
}

func notPanicking() {
	defer func() { println("no panic:", recover() == nil) }()
}

func repanic() {
	defer func() {
		r := recover()
		println("second:", r.(string))
	}()
	defer func() {
		r := recover()
		println("first:", r.(string))
		panic("again")
	}()
	panic("once")
}

type T struct{}

func (T) M() { println("method recovered:", recover().(string)) }

func methodDefer() {
	var t T
	defer t.M()
	panic("via method")
}

func main() {
	println(direct().(string))
	println(nested().(string))
	deferredRecover()
	notPanicking()
	repanic()
	methodDefer()
	println("recover outside:", recover() == nil)
	defer func() {
		defer func() { println("innermost", recover().(string)) }()
		println("value", helper() == nil)
		panic("inner")
	}()
	panic("last")
}
