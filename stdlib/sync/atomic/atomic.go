// Package atomic: sequentially consistent atomic operations, implemented
// by goc's C runtime (runtime/stdlib.c), and the typed wrappers of Go 1.19.
package atomic

import "unsafe"

func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)

func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func LoadUintptr(addr *uintptr) (val uintptr)
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)

func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func StoreUintptr(addr *uintptr, val uintptr)
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)

func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)

// Int32 is an atomic int32.
type Int32 struct{ v int32 }

func (x *Int32) Load() int32                        { return LoadInt32(&x.v) }
func (x *Int32) Store(v int32)                      { StoreInt32(&x.v, v) }
func (x *Int32) Swap(v int32) int32                 { return SwapInt32(&x.v, v) }
func (x *Int32) CompareAndSwap(old, new int32) bool { return CompareAndSwapInt32(&x.v, old, new) }
func (x *Int32) Add(d int32) int32                  { return AddInt32(&x.v, d) }

// Int64 is an atomic int64.
type Int64 struct{ v int64 }

func (x *Int64) Load() int64                        { return LoadInt64(&x.v) }
func (x *Int64) Store(v int64)                      { StoreInt64(&x.v, v) }
func (x *Int64) Swap(v int64) int64                 { return SwapInt64(&x.v, v) }
func (x *Int64) CompareAndSwap(old, new int64) bool { return CompareAndSwapInt64(&x.v, old, new) }
func (x *Int64) Add(d int64) int64                  { return AddInt64(&x.v, d) }

// Uint32 is an atomic uint32.
type Uint32 struct{ v uint32 }

func (x *Uint32) Load() uint32                        { return LoadUint32(&x.v) }
func (x *Uint32) Store(v uint32)                      { StoreUint32(&x.v, v) }
func (x *Uint32) Swap(v uint32) uint32                { return SwapUint32(&x.v, v) }
func (x *Uint32) CompareAndSwap(old, new uint32) bool { return CompareAndSwapUint32(&x.v, old, new) }
func (x *Uint32) Add(d uint32) uint32                 { return AddUint32(&x.v, d) }

// Uint64 is an atomic uint64.
type Uint64 struct{ v uint64 }

func (x *Uint64) Load() uint64                        { return LoadUint64(&x.v) }
func (x *Uint64) Store(v uint64)                      { StoreUint64(&x.v, v) }
func (x *Uint64) Swap(v uint64) uint64                { return SwapUint64(&x.v, v) }
func (x *Uint64) CompareAndSwap(old, new uint64) bool { return CompareAndSwapUint64(&x.v, old, new) }
func (x *Uint64) Add(d uint64) uint64                 { return AddUint64(&x.v, d) }

// Bool is an atomic bool.
type Bool struct{ v uint32 }

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (x *Bool) Load() bool                        { return LoadUint32(&x.v) != 0 }
func (x *Bool) Store(v bool)                      { StoreUint32(&x.v, b32(v)) }
func (x *Bool) Swap(v bool) bool                  { return SwapUint32(&x.v, b32(v)) != 0 }
func (x *Bool) CompareAndSwap(old, new bool) bool { return CompareAndSwapUint32(&x.v, b32(old), b32(new)) }

// Value holds a value of one consistent type, loaded and stored atomically.
type Value struct {
	p unsafe.Pointer // *any, replaced whole on each store
}

// Load returns the value last stored, or nil.
func (v *Value) Load() (val any) {
	p := LoadPointer(&v.p)
	if p == nil {
		return nil
	}
	return *(*any)(p)
}

// Store sets the value; it panics on nil or on a type other than the first.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if old := v.Load(); old != nil && !sameType(old, val) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	box := new(any)
	*box = val
	StorePointer(&v.p, unsafe.Pointer(box))
}

// Swap stores new and returns the previous value.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	box := new_(new)
	p := SwapPointer(&v.p, unsafe.Pointer(box))
	if p == nil {
		return nil
	}
	return *(*any)(p)
}

// CompareAndSwap stores new if the current value equals old.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	for {
		p := LoadPointer(&v.p)
		var cur any
		if p != nil {
			cur = *(*any)(p)
		}
		if cur != old {
			return false
		}
		if CompareAndSwapPointer(&v.p, p, unsafe.Pointer(new_(new))) {
			return true
		}
	}
}

func new_(x any) *any {
	b := new(any)
	*b = x
	return b
}

// sameType compares the dynamic types: the first word of an interface.
func sameType(a, b any) bool {
	return *(*uintptr)(unsafe.Pointer(&a)) == *(*uintptr)(unsafe.Pointer(&b))
}
