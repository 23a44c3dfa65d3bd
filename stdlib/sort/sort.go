// Package sort provides primitives for sorting slices and user-defined
// collections.
//
// goc's sort has Interface, Sort (introsort: quicksort, heapsort when the
// recursion gets deep, insertion sort for short runs), Stable (insertion
// sorted blocks merged in place), IsSorted, Reverse, Search and the
// Ints/Float64s/Strings helpers and slice types. It lacks Slice,
// SliceStable and SliceIsSorted: they need reflect, which goc does not
// have yet. Sort is not stable, and the order it leaves equal elements in
// may differ from gc's.
package sort

// An implementation of Interface can be sorted by the routines in this
// package. The methods refer to elements of the underlying collection by
// integer index.
type Interface interface {
	// Len is the number of elements in the collection.
	Len() int
	// Less reports whether the element with index i must sort before the
	// element with index j.
	Less(i, j int) bool
	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by the Less method. It
// makes one call to data.Len to determine n and O(n*log(n)) calls to
// data.Less and data.Swap. The sort is not guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n < 2 {
		return
	}
	depth := 0
	for i := n; i > 0; i >>= 1 {
		depth++
	}
	quickSort(data, 0, n, 2*depth)
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// siftDown restores the heap property of data[lo:hi] (offset first) below
// root.
func siftDown(data Interface, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	first := a
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, 0, i, first)
	}
}

// median3 orders the elements at a, b, c so that data[b] holds their
// median.
func median3(data Interface, a, b, c int) {
	if data.Less(b, a) {
		data.Swap(b, a)
	}
	if data.Less(c, b) {
		data.Swap(c, b)
		if data.Less(b, a) {
			data.Swap(b, a)
		}
	}
}

func quickSort(data Interface, a, b, maxDepth int) {
	for b-a > 12 {
		if maxDepth == 0 {
			heapSort(data, a, b)
			return
		}
		maxDepth--
		m := int(uint(a+b) >> 1)
		median3(data, a, m, b-1)
		// The pivot goes to a; partition data[a+1:b] around it.
		data.Swap(a, m)
		i, j := a+1, b-1
		for {
			for i <= j && data.Less(i, a) {
				i++
			}
			for i <= j && data.Less(a, j) {
				j--
			}
			if i >= j {
				break
			}
			data.Swap(i, j)
			i++
			j--
		}
		// data[a+1:i] <= pivot, data[j+1:b] >= pivot, j < i.
		data.Swap(a, j)
		// Recurse into the smaller side, loop on the larger.
		if j-a < b-j-1 {
			quickSort(data, a, j, maxDepth)
			a = j + 1
		} else {
			quickSort(data, j+1, b, maxDepth)
			b = j
		}
	}
	if b-a > 1 {
		insertionSort(data, a, b)
	}
}

// reverse wraps an Interface with Less reversed. (Go embeds the Interface;
// goc cannot yet call methods promoted through an embedded interface, so
// the three methods are spelled out.)
type reverse struct {
	data Interface
}

func (r *reverse) Len() int           { return r.data.Len() }
func (r *reverse) Less(i, j int) bool { return r.data.Less(j, i) }
func (r *reverse) Swap(i, j int)      { r.data.Swap(i, j) }

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface { return &reverse{data} }

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Stable sorts data in ascending order as determined by the Less method,
// while keeping the original order of equal elements.
func Stable(data Interface) {
	n := data.Len()
	const blockSize = 20
	a := 0
	for ; a+blockSize <= n; a += blockSize {
		insertionSort(data, a, a+blockSize)
	}
	insertionSort(data, a, n)
	for size := blockSize; size < n; size *= 2 {
		for lo := 0; lo+size < n; lo += 2 * size {
			hi := lo + 2*size
			if hi > n {
				hi = n
			}
			merge(data, lo, lo+size, hi)
		}
	}
}

// merge merges the sorted runs data[a:m] and data[m:b] in place, stably:
// it splits the longer run at its middle, finds where that element goes in
// the other run, rotates the two middle pieces into place and recurses.
func merge(data Interface, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] into data[m:b]: after the elements less than it.
		i := m
		for i < b && data.Less(i, a) {
			i++
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into data[a:m]: after the elements not greater.
		i := m
		for i > a && data.Less(m, i-1) {
			i--
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	var cut1, cut2 int
	if m-a >= b-m {
		cut1 = a + (m-a)/2
		// first index in [m, b) whose element is not less than data[cut1]
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if data.Less(h, cut1) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut2 = lo
	} else {
		cut2 = m + (b-m)/2
		// first index in [a, m) whose element is greater than data[cut2]
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !data.Less(cut2, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		cut1 = lo
	}
	rotate(data, cut1, m, cut2)
	nm := cut1 + (cut2 - m)
	merge(data, a, cut1, nm)
	merge(data, nm, cut2, b)
}

// rotate exchanges the blocks data[a:m] and data[m:b] by three reversals.
func rotate(data Interface, a, m, b int) {
	reverseRange(data, a, m)
	reverseRange(data, m, b)
	reverseRange(data, a, b)
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}
