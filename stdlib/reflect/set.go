package reflect

import "unsafe"

// getitab returns the itab of type t for interface inter, or nil if t
// lacks one of inter's methods (runtime/iface.c).
func getitab(inter, t *rtype) unsafe.Pointer

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value." + method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value." + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: reflect.Value." + method + " using unaddressable value")
	}
}

// dataWord returns the word an interface holding v would carry: the value
// itself for pointer-shaped types, else a pointer to a fresh copy.
func (v Value) dataWord() unsafe.Pointer {
	if v.typ.kind&kindDirectIface != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	p := unsafe_New(v.typ)
	typedmemmove(v.typ, p, v.ptr)
	return p
}

// Set assigns x to the value v. It panics if CanSet returns false. As in
// Go, x's value must be assignable to v's type.
func (v Value) Set(x Value) {
	v.mustBeAssignable("Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Value.Set", Invalid})
	}
	if x.Kind() == Interface && v.typ != x.typ {
		// assigning an interface value to another interface type: what
		// matters is its dynamic value
		x = x.Elem()
		if x.typ == nil {
			if v.Kind() != Interface {
				panic("reflect.Set: value of nil interface is not assignable to type " + v.typ.name)
			}
			typedmemmove(v.typ, v.ptr, unsafe_New(v.typ))
			return
		}
	}
	if x.typ == v.typ {
		typedmemmove(v.typ, v.ptr, x.ptr)
		return
	}
	if !x.typ.AssignableTo(v.typ) {
		panic("reflect.Set: value of type " + x.typ.name + " is not assignable to type " + v.typ.name)
	}
	if v.Kind() != Interface {
		// identical underlying types
		typedmemmove(v.typ, v.ptr, x.ptr)
		return
	}
	var w [2]unsafe.Pointer
	if (*interfaceType)(unsafe.Pointer(v.typ)).nmethods == 0 {
		w[0] = unsafe.Pointer(x.typ)
	} else {
		w[0] = getitab(v.typ, x.typ)
	}
	w[1] = x.dataWord()
	typedmemmove(v.typ, v.ptr, unsafe.Pointer(&w))
}

// SetBool sets v's underlying value.
func (v Value) SetBool(x bool) {
	v.mustBeAssignable("SetBool")
	v.mustBe("SetBool", Bool)
	*(*bool)(v.ptr) = x
}

// SetInt sets v's underlying value to x. It panics if v's Kind is not an
// Int kind, or if CanSet() is false.
func (v Value) SetInt(x int64) {
	v.mustBeAssignable("SetInt")
	switch v.Kind() {
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
	}
}

// SetUint sets v's underlying value to x.
func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("SetUint")
	switch v.Kind() {
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
	}
}

// SetFloat sets v's underlying value to x.
func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
	}
}

// SetString sets v's underlying value to x.
func (v Value) SetString(x string) {
	v.mustBeAssignable("SetString")
	v.mustBe("SetString", String)
	*(*string)(v.ptr) = x
}

// Addr returns a pointer value representing the address of v, when its
// pointer type's descriptor exists (PtrTo).
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	pt := v.typ.ptrTo
	if pt == nil {
		panic("reflect.Value.Addr: no pointer type for " + v.typ.name)
	}
	p := new(unsafe.Pointer)
	*p = v.ptr
	return Value{pt, unsafe.Pointer(p), v.flag & flagRO}
}

// Indirect returns the value that v points to (v itself if it is not a
// pointer; the zero Value for a nil pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// Zero returns a Value representing the zero value for the specified type
// (not addressable).
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	return Value{t, unsafe_New(t), 0}
}

// New returns a Value representing a pointer to a new zero value for the
// specified type, when *typ's descriptor exists.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	pt := t.ptrTo
	if pt == nil {
		panic("reflect.New: no pointer type for " + t.name)
	}
	p := new(unsafe.Pointer)
	*p = unsafe_New(t)
	return Value{pt, unsafe.Pointer(p), 0}
}

// imethodName returns the name of method i of interface type t.
func (t *interfaceType) name(i int) string {
	return (*imethod)(unsafe.Add(t.methods, uintptr(i)*unsafe.Sizeof(imethod{}))).name
}

// Implements reports whether the type implements the interface type u.
// (Methods are matched by name, as goc's run-time interface checks do.)
func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func implements(u, t *rtype) bool {
	it := (*interfaceType)(unsafe.Pointer(u))
	if it.nmethods == 0 {
		return true
	}
	if t.Kind() == Interface {
		tt := (*interfaceType)(unsafe.Pointer(t))
		j := 0
		for i := 0; i < it.nmethods; i++ {
			want := it.name(i)
			for j < tt.nmethods && tt.name(j) != want {
				j++
			}
			if j == tt.nmethods {
				return false
			}
		}
		return true
	}
	return getitab(u, t) != nil
}

// AssignableTo reports whether a value of the type is assignable to type u.
func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	if uu == t {
		return true
	}
	if uu.Kind() == Interface {
		return implements(uu, t)
	}
	if t.named() && uu.named() {
		return false
	}
	if t.Kind() == Chan && uu.Kind() == Chan {
		// a bidirectional channel is assignable to a directional one
		tc, uc := (*chanType)(unsafe.Pointer(t)), (*chanType)(unsafe.Pointer(uu))
		if tc.elem == uc.elem && (tc.dir == uc.dir || tc.dir == 3 || tc.dir == 0) && !(t.named() && uu.named()) {
			return true
		}
	}
	return sameUnderlying(t, uu)
}

// named reports whether t is a defined type (predeclared types included).
func (t *rtype) named() bool {
	if t.tflag&tflagNamed != 0 {
		return true
	}
	k := t.Kind()
	return k >= Bool && k <= Complex128 || k == String || k == UnsafePointer
}

// ConvertibleTo reports whether a value of the type is convertible to type
// u (for the conversions reflect supports: identical underlying types,
// numbers, and assignability).
func (t *rtype) ConvertibleTo(u Type) bool {
	uu := u.common()
	if t.AssignableTo(uu) || sameUnderlying(t, uu) {
		return true
	}
	isNum := func(k Kind) bool { return k >= Int && k <= Complex128 }
	if isNum(t.Kind()) && isNum(uu.Kind()) {
		return (t.Kind() >= Complex64) == (uu.Kind() >= Complex64)
	}
	return false
}

// sameUnderlying reports whether t and u have identical underlying types.
// Unnamed types' descriptors are unique, so their components compare by
// pointer.
func sameUnderlying(t, u *rtype) bool {
	if t.Kind() != u.Kind() {
		return false
	}
	switch t.Kind() {
	case Pointer, Slice:
		return (*ptrType)(unsafe.Pointer(t)).elem == (*ptrType)(unsafe.Pointer(u)).elem
	case Array:
		a, b := (*arrayType)(unsafe.Pointer(t)), (*arrayType)(unsafe.Pointer(u))
		return a.elem == b.elem && a.len == b.len
	case Chan:
		a, b := (*chanType)(unsafe.Pointer(t)), (*chanType)(unsafe.Pointer(u))
		return a.elem == b.elem && a.dir == b.dir
	case Map:
		a, b := (*mapType)(unsafe.Pointer(t)), (*mapType)(unsafe.Pointer(u))
		return a.key == b.key && a.elem == b.elem
	case Struct:
		a, b := t.structType(), u.structType()
		if a.nfields != b.nfields {
			return false
		}
		for i := 0; i < a.nfields; i++ {
			fa, fb := a.field(i), b.field(i)
			if fa.name != fb.name || fa.typ != fb.typ || fa.embedded != fb.embedded {
				return false
			}
		}
		return true
	case Interface:
		a, b := (*interfaceType)(unsafe.Pointer(t)), (*interfaceType)(unsafe.Pointer(u))
		if a.nmethods != b.nmethods {
			return false
		}
		for i := 0; i < a.nmethods; i++ {
			if a.name(i) != b.name(i) {
				return false
			}
		}
		return true
	case Func, UnsafePointer:
		return t == u || t.Kind() == UnsafePointer
	}
	return true // basic kinds
}

// Swapper returns a function that swaps the elements in the provided
// slice. Swapper panics if the provided interface is not a slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	s := (*sliceHeader)(v.ptr)
	switch s.len {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	et := (*ptrType)(unsafe.Pointer(v.typ)).elem
	size := et.size
	// small element types swap as plain slices (with Go's bounds panics)
	if et.ptrdata != 0 {
		if size == 8 {
			ps := *(*[]unsafe.Pointer)(v.ptr)
			return func(i, j int) { ps[i], ps[j] = ps[j], ps[i] }
		}
		if et.Kind() == String {
			ss := *(*[]string)(v.ptr)
			return func(i, j int) { ss[i], ss[j] = ss[j], ss[i] }
		}
	} else {
		switch size {
		case 8:
			is := *(*[]int64)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 4:
			is := *(*[]int32)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 2:
			is := *(*[]int16)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 1:
			is := *(*[]int8)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		}
	}
	tmp := unsafe_New(et)
	n := s.len
	data := s.data
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		pi := unsafe.Add(data, uintptr(i)*size)
		pj := unsafe.Add(data, uintptr(j)*size)
		typedmemmove(et, tmp, pi)
		typedmemmove(et, pi, pj)
		typedmemmove(et, pj, tmp)
	}
}
