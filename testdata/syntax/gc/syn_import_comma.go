package p

import "fmt",

var _ = fmt.Println
