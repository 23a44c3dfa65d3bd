package main

import "time"

func main() {
	for _, d := range []time.Duration{0, 1, 999, 1000, 1500, time.Millisecond, 1234567, time.Second, 1500 * time.Millisecond,
		90 * time.Second, time.Hour, 26*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond, -2 * time.Second} {
		println(d.String(), d.Seconds(), d.Milliseconds())
	}
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	println(el >= 20*time.Millisecond, el < 2*time.Second)

	t := time.NewTimer(time.Hour)
	println("stop", t.Stop(), t.Stop())
	fired := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "afterfunc" })
	println(<-fired)
	select {
	case <-time.After(10 * time.Millisecond):
		println("after")
	case <-time.After(time.Hour):
		println("wrong")
	}
	tk := time.NewTicker(2 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Stop()
	println("ticked 3")
	u := time.Unix(1700000000, 5)
	println(u.Unix(), u.UnixNano(), u.Add(time.Second).Sub(u).String(), u.Before(u.Add(1)), u.Equal(u))
}
