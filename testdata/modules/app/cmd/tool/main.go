package main

import (
	"fmt"

	"example.com/app/util"
)

func main() { fmt.Println("tool", util.Double(4)) }
