package greet

import "example.com/app/util"

var calls int

func init() { calls = util.Double(1) }

func Hello(who string) string {
	calls++
	return "hello, " + who + " #" + string(rune('0'+calls))
}
