// A program of several packages of one module (go.mod): imports under the
// module path resolve below the module's root.
package main

import (
	"fmt"

	"example.com/app/internal/greet"
	"example.com/app/util"
)

func main() {
	fmt.Println(greet.Hello("modules"), util.Double(21))
	fmt.Println(util.Stats{N: 3}.String())
}
