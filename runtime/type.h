/* type.h: the layout of type descriptors and itabs, shared by runtime/ and
 * by the code generator (compiler/gen emits constant globals in exactly this
 * layout; keep the two in step, see docs/runtime-abi.md).
 *
 * The head follows gc's abi.Type (runtime/type.go in Go 1.19) so the same
 * fields serve the collector (size, ptrdata, gcdata), interfaces and maps
 * (hash, equal) and reflection (kind, name, the kind-specific tail). Where gc
 * stores 32-bit offsets we store plain pointers: the descriptors are
 * link-time constants and there is no module data to resolve offsets against.
 */
#ifndef GOC_RUNTIME_TYPE_H
#define GOC_RUNTIME_TYPE_H

#include <stdbool.h>
#include <stdint.h>

/* A Go string value: {ptr, len}. */
typedef struct GoString {
	const uint8_t *ptr;
	intptr_t len;
} GoString;

/* A Go slice value: {ptr, len, cap}. */
typedef struct GoSlice {
	void *ptr;
	intptr_t len;
	intptr_t cap;
} GoSlice;

/* Kinds, numbered as gc's reflect.Kind. */
enum {
	KIND_INVALID, KIND_BOOL, KIND_INT, KIND_INT8, KIND_INT16, KIND_INT32,
	KIND_INT64, KIND_UINT, KIND_UINT8, KIND_UINT16, KIND_UINT32, KIND_UINT64,
	KIND_UINTPTR, KIND_FLOAT32, KIND_FLOAT64, KIND_COMPLEX64, KIND_COMPLEX128,
	KIND_ARRAY, KIND_CHAN, KIND_FUNC, KIND_INTERFACE, KIND_MAP, KIND_POINTER,
	KIND_SLICE, KIND_STRING, KIND_STRUCT, KIND_UNSAFEPOINTER,
	KIND_MASK = 0x1f,
	KIND_DIRECTIFACE = 1 << 5, /* value is stored directly in an interface word */
};

/* tflag bits, as gc's. */
enum {
	TFLAG_UNCOMMON = 1 << 0,
	TFLAG_NAMED = 1 << 2,
	TFLAG_REGULARMEMORY = 1 << 3, /* equal/hash may treat the value as size bytes */
};

typedef struct GoType GoType;
struct GoType {
	uintptr_t size;
	uintptr_t ptrdata; /* length of the prefix that can hold pointers, in bytes */
	uint32_t hash;     /* hash of the type, for type switches and itab lookup */
	uint8_t tflag;
	uint8_t align;
	uint8_t fieldalign;
	uint8_t kind; /* KIND_* | KIND_DIRECTIFACE */
	/* Compares two values of this type; NULL if the type is not comparable. */
	bool (*equal)(const void *a, const void *b);
	/* Pointer bitmap: bit i (LSB first within each byte) set when word i of a
	 * value holds a pointer, for ptrdata/8 words. NULL when ptrdata == 0. */
	const uint8_t *gcdata;
	GoString name;       /* the type as gc prints it: "main.T", "[]int" */
	const GoType *ptrto; /* descriptor of *T, or NULL if none was emitted */
	const struct GoUncommon *uncommon; /* methods, or NULL */
};

/* The methods of a type, sorted by name, for building itabs at run time.
 * ifn is the method as an interface calls it: its receiver is the
 * interface's data word (a pointer to the value unless the value is
 * pointer-shaped). */
typedef struct GoMethod {
	GoString name;
	const GoType *typ; /* the signature without the receiver (NULL: any) */
	void (*ifn)(void);
} GoMethod;
typedef struct GoUncommon {
	intptr_t nmethods;
	const GoMethod *methods;
} GoUncommon;

/* Kind-specific tails. Each starts with the common head. */
typedef struct GoPtrType { GoType t; const GoType *elem; } GoPtrType;
typedef struct GoSliceType { GoType t; const GoType *elem; } GoSliceType;
typedef struct GoArrayType {
	GoType t;
	const GoType *elem;
	const GoType *slice;
	uintptr_t len;
} GoArrayType;
typedef struct GoChanType { GoType t; const GoType *elem; uintptr_t dir; } GoChanType;
/* map[K]V. The runtime derives bucket layout, sizes and flags from key and
 * elem itself (map.c, cached per descriptor address). hasher may be NULL
 * (the runtime picks a hash from the key's descriptor) or one of alg.c's
 * rt_*hash functions, or a generated one; it must hash equal keys alike. */
typedef struct GoMapType {
	GoType t;
	const GoType *key;
	const GoType *elem;
	uintptr_t (*hasher)(const void *key, uintptr_t seed);
} GoMapType;

typedef struct GoStructField {
	GoString name;
	const GoType *typ;
	uintptr_t offset;
	bool embedded;
} GoStructField;
typedef struct GoStructType {
	GoType t;
	GoString pkgpath;
	intptr_t nfields;
	const GoStructField *fields;
} GoStructType;

typedef struct GoIMethod { GoString name; const GoType *typ; } GoIMethod;
typedef struct GoInterfaceType {
	GoType t;
	GoString pkgpath;
	intptr_t nmethods; /* sorted by name */
	const GoIMethod *methods;
} GoInterfaceType;

/* itab: the method table of a concrete type for one interface type. */
typedef struct GoItab {
	const GoInterfaceType *inter;
	const GoType *type;
	uint32_t hash; /* copy of type->hash, for type switches */
	uint32_t _pad;
	void (*fun[])(void); /* fun[0] == NULL means type does not implement inter */
} GoItab;

/* Interface values. */
typedef struct GoEface { const GoType *type; void *data; } GoEface;
typedef struct GoIface { const GoItab *tab; void *data; } GoIface;

#endif
