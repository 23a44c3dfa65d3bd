package main

import (
	"errors"
	"os"
	"reflect"
	"runtime"
)

type Point struct {
	X, Y int
	name string
}

type Celsius float64

func main() {
	println(reflect.TypeOf(3).String(), reflect.TypeOf("s").Kind().String(), reflect.TypeOf(Point{}).String(), reflect.TypeOf(&Point{}).String())
	println(reflect.TypeOf([]int{}).String(), reflect.TypeOf(map[string]int{}).String(), reflect.TypeOf(Celsius(1)).Name(), reflect.TypeOf(Celsius(1)).Kind() == reflect.Float64)
	p := Point{1, 2, "p"}
	v := reflect.ValueOf(p)
	println(v.NumField(), v.Field(0).Int(), v.Field(2).String(), v.Type().Field(1).Name)
	println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual(p, Point{1, 2, "q"}), reflect.DeepEqual(nil, nil))
	m := map[int]string{1: "a", 2: "b"}
	println(reflect.ValueOf(m).Len(), reflect.ValueOf(m).MapIndex(reflect.ValueOf(2)).String())
	var e any = &p
	println(reflect.ValueOf(e).Elem().Field(1).Int(), reflect.ValueOf(e).Kind() == reflect.Ptr)
	x := reflect.ValueOf(p).Interface().(Point)
	println(x.X, x.name)
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			println("runtime error:", re.Error())
		}
		err := errors.New("e")
		println(err.Error())
		println(len(os.Args))
		os.Exit(0)
	}()
	var a []int
	_ = a[5]
}
