// Package sort provides primitives for sorting slices and user-defined
// collections.
//
// goc's sort follows Go 1.19's algorithms step for step, so that programs
// see the same calls to Less and Swap and the same final order of equal
// elements: pattern-defeating quicksort (pdqsort) for Sort and Slice,
// insertion-sorted blocks of 20 merged by SymMerge for Stable and
// SliceStable.
package sort

import (
	"math/bits"
	"reflect"
)

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
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bits.Len(uint(n)))
}

// funcs adapts a less function and a swapper to Interface (for Slice).
type funcs struct {
	less func(i, j int) bool
	swap func(i, j int)
	n    int
}

func (f *funcs) Len() int           { return f.n }
func (f *funcs) Less(i, j int) bool { return f.less(i, j) }
func (f *funcs) Swap(i, j int)      { f.swap(i, j) }

// Slice sorts the slice x given the provided less function. It panics if
// x is not a slice. The sort is not guaranteed to be stable.
func Slice(x any, less func(i, j int) bool) {
	n := reflect.ValueOf(x).Len()
	swap := reflect.Swapper(x)
	pdqsort(&funcs{less, swap, n}, 0, n, bits.Len(uint(n)))
}

// SliceStable sorts the slice x using the provided less function, keeping
// equal elements in their original order. It panics if x is not a slice.
func SliceStable(x any, less func(i, j int) bool) {
	n := reflect.ValueOf(x).Len()
	swap := reflect.Swapper(x)
	stable(&funcs{less, swap, n}, n)
}

// SliceIsSorted reports whether the slice x is sorted according to the
// provided less function. It panics if x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := reflect.ValueOf(x).Len()
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	// This embedded Interface permits Reverse to use the methods of
	// another Interface implementation.
	Interface
}

// Less returns the opposite of the embedded implementation's Less method.
func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

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
func Stable(data Interface) { stable(data, data.Len()) }

// ---- pdqsort ----

type sortedHint int

const (
	unknownHint sortedHint = iota
	increasingHint
	decreasingHint
)

// xorshift is the generator breakPatterns shuffles with (seeded with the
// length, so the sort is deterministic).
type xorshift uint64

func (r *xorshift) next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 17
	*r ^= *r << 5
	return uint64(*r)
}

func nextPowerOfTwo(n int) uint { return 1 << uint(bits.Len(uint(n))) }

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// siftDown restores the heap property below root in the heap data[lo:hi]
// (offset by first).
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
	first, hi := a, b-a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, 0, i, first)
	}
}

// pdqsort sorts data[a:b]; limit is the number of badly balanced
// partitions allowed before falling back to heapsort.
func pdqsort(data Interface, a, b, limit int) {
	const maxInsertion = 12
	balanced, partitioned := true, true
	for {
		n := b - a
		if n <= maxInsertion {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			breakPatterns(data, a, b)
			limit--
		}
		pivot, hint := choosePivot(data, a, b)
		if hint == decreasingHint {
			reverseRange(data, a, b)
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}
		// probably sorted already: try to finish with a few insertions
		if balanced && partitioned && hint == increasingHint {
			if partialInsertionSort(data, a, b) {
				return
			}
		}
		// the predecessor (a pivot of an earlier partition) is not less
		// than the pivot: everything equal to it goes left in one pass
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}
		mid, already := partition(data, a, b, pivot)
		partitioned = already
		left, right := mid-a, b-mid
		threshold := n / 8
		if left < right {
			balanced = left >= threshold
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= threshold
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partition moves the pivot to a, then the elements less than it before
// the rest; it returns the pivot's final index and whether nothing had to
// move.
func partition(data Interface, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

// partitionEqual puts the elements equal to the pivot (not greater) first
// and returns where the rest start.
func partitionEqual(data Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			return i
		}
		data.Swap(i, j)
		i++
		j--
	}
}

// partialInsertionSort fixes up to 5 out-of-order neighbours in a long,
// nearly sorted range and reports whether the range ended up sorted.
func partialInsertionSort(data Interface, a, b int) bool {
	const maxSteps, shortestShifting = 5, 50
	i := a + 1
	for step := 0; step < maxSteps; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data.Swap(i, i-1)
		// shift the smaller one left (Go 1.19 walks down to index 1,
		// not to a) and the greater one right
		if i-a >= 2 {
			for k := i - 1; k >= 1; k-- {
				if !data.Less(k, k-1) {
					break
				}
				data.Swap(k, k-1)
			}
		}
		if b-i >= 2 {
			for k := i + 1; k < b; k++ {
				if !data.Less(k, k-1) {
					break
				}
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

// breakPatterns swaps three elements around the middle with pseudo-random
// others.
func breakPatterns(data Interface, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	r := xorshift(n)
	mask := nextPowerOfTwo(n) - 1
	for idx := a + n/4*2 - 1; idx <= a+n/4*2+1; idx++ {
		other := int(uint(r.next()) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(idx, a+other)
	}
}

// choosePivot picks the median of the quartile points (each a median of
// three neighbours on long ranges) and reports how ordered they looked.
func choosePivot(data Interface, a, b int) (int, sortedHint) {
	const shortestNinther, maxSwaps = 50, 4 * 3
	n := b - a
	swaps := 0
	i, j, k := a+n/4*1, a+n/4*2, a+n/4*3
	if n >= 8 {
		if n >= shortestNinther {
			i = median(data, i-1, i, i+1, &swaps)
			j = median(data, j-1, j, j+1, &swaps)
			k = median(data, k-1, k, k+1, &swaps)
		}
		j = median(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	}
	return j, unknownHint
}

func order2(data Interface, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

func median(data Interface, a, b, c int, swaps *int) int {
	a, b = order2(data, a, b, swaps)
	b, c = order2(data, b, c, swaps)
	_, b = order2(data, a, b, swaps)
	return b
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

func swapRange(data Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

// ---- stable: insertion-sorted blocks, then SymMerge ----

func stable(data Interface, n int) {
	block := 20
	a, b := 0, block
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += block
	}
	insertionSort(data, a, n)
	for block < n {
		a, b = 0, 2*block
		for b <= n {
			symMerge(data, a, a+block, b)
			a = b
			b += 2 * block
		}
		if m := a + block; m < n {
			symMerge(data, a, m, n)
		}
		block *= 2
	}
}

// symMerge merges the sorted runs data[a:m] and data[m:b] in place (Kim
// and Kutzner's SymMerge).
func symMerge(data Interface, a, m, b int) {
	if m-a == 1 {
		// insert data[a] into data[m:b] by binary search and rotation
		i, j := m, b
		for i < j {
			h := int(uint(i+j) >> 1)
			if data.Less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// insert data[m] into data[a:m]
		i, j := a, m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !data.Less(m, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start, r = n-b, mid
	} else {
		start, r = a, m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(data, start, m, end)
	}
	if a < start && start < mid {
		symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

// rotate exchanges the blocks data[a:m] and data[m:b] by block swaps.
func rotate(data Interface, a, m, b int) {
	i, j := m-a, b-m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}
