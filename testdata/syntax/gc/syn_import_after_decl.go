package p

var x = 1

import "fmt"
