package util

import "fmt"

// Stats has a method called from another package.
type Stats struct{ N int }

func (s Stats) String() string { return fmt.Sprintf("stats(%d)", s.N) }

func Double(x int) int { return x * 2 }
