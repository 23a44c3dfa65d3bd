package reflect

import "unsafe"

// Value is a Go value seen through reflection: its type and the address
// of its data (a copy, for values taken out of an interface).
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

// flag: how a Value was reached. An addressable value (through a pointer,
// a slice element, or a field or element of such) can be set unless it was
// reached through an unexported struct field.
type flag uintptr

const (
	flagAddr flag = 1 << iota
	flagRO
)

// ValueOf returns a Value holding the value in i (the zero Value for nil).
func ValueOf(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	if e.typ == nil {
		return Value{}
	}
	if e.typ.kind&kindDirectIface != 0 {
		p := new(unsafe.Pointer)
		*p = e.data
		return Value{e.typ, unsafe.Pointer(p), 0}
	}
	return Value{e.typ, e.data, 0}
}

// A ValueError is the panic of a Value method called on the wrong kind.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (v Value) mustBe(method string, k Kind) {
	if v.Kind() != k {
		panic(&ValueError{"reflect.Value." + method, v.Kind()})
	}
}

func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return v.typ.Kind()
}

func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

// CanSet reports whether v can be changed: it is addressable and was not
// reached through an unexported struct field.
func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

// CanAddr reports whether v's address can be taken (Addr).
func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }
func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) Bool() bool {
	v.mustBe("Bool", Bool)
	return *(*bool)(v.ptr)
}

func (v Value) Int() int64 {
	switch v.Kind() {
	case Int:
		return int64(*(*int)(v.ptr))
	case Int8:
		return int64(*(*int8)(v.ptr))
	case Int16:
		return int64(*(*int16)(v.ptr))
	case Int32:
		return int64(*(*int32)(v.ptr))
	case Int64:
		return *(*int64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	switch v.Kind() {
	case Uint:
		return uint64(*(*uint)(v.ptr))
	case Uint8:
		return uint64(*(*uint8)(v.ptr))
	case Uint16:
		return uint64(*(*uint16)(v.ptr))
	case Uint32:
		return uint64(*(*uint32)(v.ptr))
	case Uint64:
		return *(*uint64)(v.ptr)
	case Uintptr:
		return uint64(*(*uintptr)(v.ptr))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

// String returns a string's value; for other kinds "<T Value>", as Go.
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.typ == nil {
		return "<invalid Value>"
	}
	return "<" + v.typ.name + " Value>"
}

func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Pointer, Map, Chan, Func, UnsafePointer:
		return uintptr(*(*unsafe.Pointer)(v.ptr))
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

// UnsafePointer returns the pointer v holds.
func (v Value) UnsafePointer() unsafe.Pointer { return unsafe.Pointer(v.Pointer()) }

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

type stringHeader struct {
	data unsafe.Pointer
	len  int
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Pointer, Map, Chan, Func, UnsafePointer:
		return *(*unsafe.Pointer)(v.ptr) == nil
	case Slice:
		return (*sliceHeader)(v.ptr).data == nil
	case Interface:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

func (v Value) Len() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).len
	case String:
		return (*stringHeader)(v.ptr).len
	case Array:
		return int((*arrayType)(unsafe.Pointer(v.typ)).len)
	case Map:
		return maplen(*(*unsafe.Pointer)(v.ptr))
	case Chan:
		return chanlen(*(*unsafe.Pointer)(v.ptr))
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Array:
		return int((*arrayType)(unsafe.Pointer(v.typ)).len)
	case Chan:
		return chancap(*(*unsafe.Pointer)(v.ptr))
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// Index returns element i of an array, slice or string.
func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		et := (*ptrType)(unsafe.Pointer(v.typ)).elem
		return Value{et, unsafe.Add(s.data, uintptr(i)*et.size), flagAddr | v.flag&flagRO}
	case Array:
		at := (*arrayType)(unsafe.Pointer(v.typ))
		if uint(i) >= uint(at.len) {
			panic("reflect: array index out of range")
		}
		return Value{at.elem, unsafe.Add(v.ptr, uintptr(i)*at.elem.size), v.flag}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: string index out of range")
		}
		b := new(uint8)
		*b = *(*uint8)(unsafe.Add(s.data, i))
		return Value{uint8Type(), unsafe.Pointer(b), 0}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

func uint8Type() *rtype { return TypeOf(uint8(0)).common() }

func (v Value) NumField() int {
	v.mustBe("NumField", Struct)
	return v.typ.structType().nfields
}

// Field returns the i'th field of a struct.
func (v Value) Field(i int) Value {
	v.mustBe("Field", Struct)
	f := v.typ.structType().field(i)
	fl := v.flag
	if len(f.name) > 0 && !(f.name[0] >= 'A' && f.name[0] <= 'Z') {
		fl |= flagRO
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

// FieldByName returns the field named name (the zero Value if none).
func (v Value) FieldByName(name string) Value {
	v.mustBe("FieldByName", Struct)
	st := v.typ.structType()
	for i := 0; i < st.nfields; i++ {
		if st.field(i).name == name {
			return v.Field(i)
		}
	}
	return Value{}
}

// Elem returns what a pointer points to, or an interface's dynamic value.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{(*ptrType)(unsafe.Pointer(v.typ)).elem, p, flagAddr | v.flag&flagRO}
	case Interface:
		var e any
		if (*interfaceType)(unsafe.Pointer(v.typ)).nmethods == 0 {
			e = *(*any)(v.ptr)
		} else {
			// a non-empty interface: {itab, data}; the itab's second word is the type
			w := (*[2]unsafe.Pointer)(v.ptr)
			if w[0] == nil {
				return Value{}
			}
			ee := (*eface)(unsafe.Pointer(&e))
			ee.typ = *(**rtype)(unsafe.Add(w[0], unsafe.Sizeof(uintptr(0))))
			ee.data = w[1]
		}
		return ValueOf(e)
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

// Interface returns v's value as an interface{}.
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.Kind() == Interface {
		if (*interfaceType)(unsafe.Pointer(v.typ)).nmethods == 0 {
			return *(*any)(v.ptr)
		}
		if v.IsNil() {
			return nil
		}
		return v.Elem().Interface()
	}
	var e any
	ee := (*eface)(unsafe.Pointer(&e))
	ee.typ = v.typ
	if v.typ.kind&kindDirectIface != 0 {
		ee.data = *(*unsafe.Pointer)(v.ptr)
	} else {
		p := unsafe_New(v.typ)
		typedmemmove(v.typ, p, v.ptr)
		ee.data = p
	}
	return e
}

// IsZero reports whether v is its type's zero value.
func (v Value) IsZero() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	}
	for i := uintptr(0); i < v.typ.size; i++ {
		if *(*byte)(unsafe.Add(v.ptr, i)) != 0 {
			if k := v.Kind(); k == Float32 || k == Float64 {
				return v.Float() == 0 && !signbit(v.Float())
			}
			return false
		}
	}
	return true
}

func signbit(f float64) bool { return *(*uint64)(unsafe.Pointer(&f))>>63 != 0 }

// ---- maps ----

// hiter: RtMapIter in runtime/runtime.h (key and elem first).
type hiter struct {
	key  unsafe.Pointer
	elem unsafe.Pointer
	rest [10]uintptr
}

// MapKeys returns the keys of a map, in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe("MapKeys", Map)
	mt := (*mapType)(unsafe.Pointer(v.typ))
	m := *(*unsafe.Pointer)(v.ptr)
	var keys []Value
	if m == nil {
		return keys
	}
	var it hiter
	for mapiterinit(mt, m, &it); it.key != nil; mapiternext(&it) {
		k := unsafe_New(mt.key)
		typedmemmove(mt.key, k, it.key)
		keys = append(keys, Value{mt.key, k, 0})
	}
	return keys
}

// MapIndex returns the element for key (the zero Value if absent).
func (v Value) MapIndex(key Value) Value {
	v.mustBe("MapIndex", Map)
	mt := (*mapType)(unsafe.Pointer(v.typ))
	m := *(*unsafe.Pointer)(v.ptr)
	if m == nil {
		return Value{}
	}
	k := key.ptr
	if key.typ != mt.key {
		// an interface key type: box the key
		e := key.Interface()
		k = unsafe.Pointer(&e)
	}
	p := mapaccess(mt, m, k)
	if p == nil {
		return Value{}
	}
	c := unsafe_New(mt.elem)
	typedmemmove(mt.elem, c, p)
	return Value{mt.elem, c, 0}
}

// A MapIter iterates over a map (Value.MapRange).
type MapIter struct {
	mt      *mapType
	it      hiter
	started bool
	m       unsafe.Pointer
}

func (v Value) MapRange() *MapIter {
	v.mustBe("MapRange", Map)
	return &MapIter{mt: (*mapType)(unsafe.Pointer(v.typ)), m: *(*unsafe.Pointer)(v.ptr)}
}

func (it *MapIter) Next() bool {
	if it.m == nil {
		return false
	}
	if !it.started {
		it.started = true
		mapiterinit(it.mt, it.m, &it.it)
	} else {
		mapiternext(&it.it)
	}
	return it.it.key != nil
}

func (it *MapIter) Key() Value {
	k := unsafe_New(it.mt.key)
	typedmemmove(it.mt.key, k, it.it.key)
	return Value{it.mt.key, k, 0}
}

func (it *MapIter) Value() Value {
	e := unsafe_New(it.mt.elem)
	typedmemmove(it.mt.elem, e, it.it.elem)
	return Value{it.mt.elem, e, 0}
}

// implemented in runtime/stdlib.c
func unsafe_New(t *rtype) unsafe.Pointer
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
func maplen(m unsafe.Pointer) int
func mapaccess(t *mapType, m unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer
func mapiterinit(t *mapType, m unsafe.Pointer, it *hiter)
func mapiternext(it *hiter)
func chanlen(c unsafe.Pointer) int
func chancap(c unsafe.Pointer) int

// StringHeader is the runtime representation of a string (as in gc; its
// use is unsafe and not portable).
type StringHeader struct {
	Data uintptr
	Len  int
}

// SliceHeader is the runtime representation of a slice.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}
