package main

type T struct{ a, b, c, d int }

func get(p *T) int { return p.d }

func main() {
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
		var m map[string]int
		var p *T
		println(m["x"], get(p))
	}()
	var p *T
	println(get(p))
}
