// binarytrees: the benchmarks-game algorithm at depth 21 (issue 5):
// allocation of many short-lived small pointer objects, single-threaded.
package main

import "os"

type Node struct{ left, right *Node }

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func main() {
	n := 21
	if len(os.Args) > 1 && os.Args[1] == "quick" {
		n = 8
	}
	minDepth := 4
	maxDepth := n
	if minDepth+2 > n {
		maxDepth = minDepth + 2
	}
	stretch := maxDepth + 1
	os.Stdout.WriteString("stretch tree of depth " + itoa(stretch) + "\t check: " + itoa(bottomUp(stretch).check()) + "\n")
	long := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iters; i++ {
			check += bottomUp(d).check()
		}
		os.Stdout.WriteString(itoa(iters) + "\t trees of depth " + itoa(d) + "\t check: " + itoa(check) + "\n")
	}
	os.Stdout.WriteString("long lived tree of depth " + itoa(maxDepth) + "\t check: " + itoa(long.check()) + "\n")
}
