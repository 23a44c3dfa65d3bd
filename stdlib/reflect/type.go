// Package reflect: run-time reflection over goc's type descriptors (the
// layout of runtime/type.h, mirrored here). What it provides: Type and
// Value for reading values of every kind (TypeOf, ValueOf, Kind, Elem,
// Field, Index, MapKeys, MapIndex, Interface, ...), and DeepEqual. Not
// provided yet: setting values through reflection (CanSet is false),
// method calls, function types' signatures, and making new types.
package reflect

import "unsafe"

// A Kind is the specific kind of type a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of Pointer.
const Ptr = Pointer

var kindNames = []string{
	Invalid: "invalid", Bool: "bool", Int: "int", Int8: "int8", Int16: "int16", Int32: "int32", Int64: "int64",
	Uint: "uint", Uint8: "uint8", Uint16: "uint16", Uint32: "uint32", Uint64: "uint64", Uintptr: "uintptr",
	Float32: "float32", Float64: "float64", Complex64: "complex64", Complex128: "complex128", Array: "array",
	Chan: "chan", Func: "func", Interface: "interface", Map: "map", Pointer: "ptr", Slice: "slice",
	String: "string", Struct: "struct", UnsafePointer: "unsafe.Pointer",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

const (
	kindMask        = 0x1f
	kindDirectIface = 1 << 5
	tflagNamed      = 1 << 2
)

// rtype: GoType in runtime/type.h.
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcdata     *byte
	name       string
	ptrTo      *rtype
	uncommon   *uncommonType
}

type method struct {
	name string
	typ  *rtype
	ifn  unsafe.Pointer
}

type uncommonType struct {
	nmethods int
	methods  unsafe.Pointer // *[nmethods]method
}

type ptrType struct {
	rtype
	elem *rtype
}

type arrayType struct {
	rtype
	elem  *rtype
	slice *rtype
	len   uintptr
}

type chanType struct {
	rtype
	elem *rtype
	dir  uintptr
}

type mapType struct {
	rtype
	key    *rtype
	elem   *rtype
	hasher unsafe.Pointer
}

type structField struct {
	name     string
	typ      *rtype
	offset   uintptr
	embedded bool
}

type structType struct {
	rtype
	pkgPath string
	nfields int
	fields  unsafe.Pointer // *[nfields]structField
}

type imethod struct {
	name string
	typ  *rtype
}

type interfaceType struct {
	rtype
	pkgPath  string
	nmethods int
	methods  unsafe.Pointer // *[nmethods]imethod
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Comparable() bool
	Elem() Type
	Key() Type
	Len() int
	NumField() int
	Field(i int) StructField
	NumMethod() int
	ChanDir() ChanDir
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	common() *rtype
}

// ChanDir is a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

// A StructField describes one field of a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is a field's tag string (goc does not record tags yet: "").
type StructTag string

// Get returns the value for key in the tag.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value for key in the tag and whether it is present.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			return unquote(qvalue), true
		}
	}
	return "", false
}

func (t *rtype) common() *rtype   { return t }
func (t *rtype) Align() int       { return int(t.align) }
func (t *rtype) FieldAlign() int  { return int(t.fieldAlign) }
func (t *rtype) Size() uintptr    { return t.size }
func (t *rtype) String() string   { return t.name }
func (t *rtype) Kind() Kind       { return Kind(t.kind & kindMask) }
func (t *rtype) Comparable() bool { return t.equal != nil || kindComparable(t) }

// kindComparable: comparability from the type's structure (goc's
// descriptors leave equal nil).
func kindComparable(t *rtype) bool {
	switch t.Kind() {
	case Slice, Map, Func:
		return false
	case Array:
		return kindComparable((*arrayType)(unsafe.Pointer(t)).elem)
	case Struct:
		st := (*structType)(unsafe.Pointer(t))
		for i := 0; i < st.nfields; i++ {
			if !kindComparable(st.field(i).typ) {
				return false
			}
		}
	}
	return true
}

// Name returns a named type's name within its package ("" otherwise).
func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.name
	i := len(s) - 1
	for i >= 0 && s[i] != '.' {
		i--
	}
	return s[i+1:]
}

// PkgPath returns a named type's package name (goc's descriptors keep the
// package name, which equals the path for the standard packages).
func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.name
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[:i]
		}
	}
	return ""
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Pointer, Slice:
		return toType((*ptrType)(unsafe.Pointer(t)).elem)
	case Array:
		return toType((*arrayType)(unsafe.Pointer(t)).elem)
	case Chan:
		return toType((*chanType)(unsafe.Pointer(t)).elem)
	case Map:
		return toType((*mapType)(unsafe.Pointer(t)).elem)
	}
	panic("reflect: Elem of invalid type " + t.name)
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.name)
	}
	return toType((*mapType)(unsafe.Pointer(t)).key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.name)
	}
	return int((*arrayType)(unsafe.Pointer(t)).len)
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.name)
	}
	switch (*chanType)(unsafe.Pointer(t)).dir {
	case 1:
		return SendDir
	case 2:
		return RecvDir
	}
	return BothDir
}

func (t *rtype) structType() *structType {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.name)
	}
	return (*structType)(unsafe.Pointer(t))
}

func (st *structType) field(i int) *structField {
	if i < 0 || i >= st.nfields {
		panic("reflect: Field index out of bounds")
	}
	return (*structField)(unsafe.Add(st.fields, uintptr(i)*unsafe.Sizeof(structField{})))
}

func (t *rtype) NumField() int { return t.structType().nfields }

func (t *rtype) Field(i int) StructField {
	st := t.structType()
	f := st.field(i)
	sf := StructField{Name: f.name, Type: toType(f.typ), Offset: f.offset, Index: []int{i}, Anonymous: f.embedded}
	if len(f.name) > 0 && !(f.name[0] >= 'A' && f.name[0] <= 'Z') {
		sf.PkgPath = st.pkgPath
	}
	return sf
}

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return (*interfaceType)(unsafe.Pointer(t)).nmethods
	}
	if t.uncommon == nil {
		return 0
	}
	return t.uncommon.nmethods
}

// methodFn returns the interface-call code of t's method name, or nil.
func (t *rtype) methodFn(name string) unsafe.Pointer {
	if t.uncommon == nil {
		return nil
	}
	for i := 0; i < t.uncommon.nmethods; i++ {
		m := (*method)(unsafe.Add(t.uncommon.methods, uintptr(i)*unsafe.Sizeof(method{})))
		if m.name == name {
			return m.ifn
		}
	}
	return nil
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// eface: an interface{} value's two words.
type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

// TypeOf returns the dynamic type of i (nil for a nil interface).
func TypeOf(i any) Type {
	e := (*eface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

// PtrTo returns *t when the compiler emitted its descriptor, else nil.
func PtrTo(t Type) Type { return toType(t.common().ptrTo) }

// PointerTo is PtrTo's newer name.
func PointerTo(t Type) Type { return PtrTo(t) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [24]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// unquote: a tag value's quotes off, with \\ and \" undone.
func unquote(q string) string {
	var b []byte
	for i := 1; i < len(q)-1; i++ {
		if q[i] == '\\' && i+1 < len(q)-1 {
			i++
		}
		b = append(b, q[i])
	}
	return string(b)
}
