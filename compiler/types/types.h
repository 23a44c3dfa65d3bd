/* types.h: the type checker's face: Go types, objects, scopes, constant
 * values, and check_package, which annotates the AST in place (Node.type,
 * Node.obj, Node.val) so later stages read the typed tree without
 * re-deriving anything. docs/checker.md describes the data structures.
 *
 * Status: this is the checker's skeleton, covering what the first programs
 * need (basic types, functions, locals, constants as int64/bool/string);
 * issue 3 grows it to the whole language (GMP constants, composite types,
 * interfaces, generics) on the same structures.
 */
#ifndef GOC_TYPES_H
#define GOC_TYPES_H

#include <gmp.h>

#include "../ast/ast.h"

typedef struct Type Type;

typedef enum TypeKind {
	TY_INVALID,
	/* basic types, in gc's reflect.Kind order where one exists */
	TY_BOOL, TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
	TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
	TY_FLOAT32, TY_FLOAT64, TY_COMPLEX64, TY_COMPLEX128, TY_STRING, TY_UNSAFEPTR,
	/* untyped constant kinds */
	TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT,
	TY_UNTYPED_COMPLEX, TY_UNTYPED_STRING, TY_UNTYPED_NIL,
	/* composite */
	TY_FUNC,      /* params, results, variadic */
	TY_TUPLE,     /* the results of a multi-value call */
	TY_POINTER,   /* elem */
	TY_SLICE,     /* elem */
	TY_ARRAY,     /* elem, len */
	TY_MAP,       /* key, elem */
	TY_CHAN,      /* elem, dir */
	TY_STRUCT,    /* fields */
	TY_INTERFACE, /* methods (sorted by name) */
	TY_NAMED,     /* obj, underlying, methods (declared); generic: tparams; instance: orig, targs */
	TY_TYPEPARAM, /* obj, bound (its constraint interface), index */
	TY_KINDS
} TypeKind;

typedef struct Field {
	const Str *name; /* the type's name for an embedded field */
	Type *type;
	bool embedded;
	Pos pos;
	int64_t offset;
	const char *tag;
	uint32_t taglen;
} Field;

/* A term of a constraint's type set: T or ~T. */
typedef struct Term {
	Type *type;
	bool tilde;
} Term;

typedef struct Method {
	const Str *name;
	Type *type;     /* the signature, without the receiver */
	struct Object *obj; /* the method's function object (named types) */
	bool ptrrecv;   /* declared with a pointer receiver */
} Method;

struct Type {
	TypeKind kind;
	const char *name;   /* basic types' names; other types' strings are cached here */
	/* TY_FUNC, TY_TUPLE */
	Type **params;
	int nparams;
	Type **results;
	int nresults;
	bool variadic;
	/* TY_POINTER, TY_SLICE, TY_ARRAY, TY_CHAN, TY_MAP */
	Type *elem;
	Type *key;
	int64_t len;
	int dir;            /* CHAN_BOTH, CHAN_SEND, CHAN_RECV */
	/* TY_STRUCT */
	Field *fields;
	int nfields;
	/* TY_INTERFACE, TY_NAMED */
	VEC(Method) methods;
	/* TY_NAMED */
	struct Object *obj;
	Type *underlying;   /* NULL while being resolved */
	/* generics (generic.c) */
	Type **tparams;     /* TY_NAMED, TY_FUNC: a generic type's or function's type parameters */
	int ntparams;
	Type **targs;       /* TY_NAMED: an instance's type arguments (orig is the generic type) */
	int ntargs;
	Type *orig;
	VEC(Type *) instances; /* TY_NAMED generic: its instances, one per distinct type-argument list */
	Type *bound;        /* TY_TYPEPARAM: the constraint, an interface */
	int index;          /* TY_TYPEPARAM: position in its list */
	Term *terms;        /* TY_INTERFACE with has_terms: its type set's terms (else every type) */
	int nterms;
	bool has_terms;
	bool comparable;    /* TY_INTERFACE: embeds comparable */
	/* layout, computed on demand by type_size */
	int64_t size, align;
	int layout;         /* 0 not computed, 1 computing, 2 done */
};

/* How a selector x.f found its field or method (Node.sel). */
enum { SEL_NONE, SEL_FIELD, SEL_METHOD, SEL_AMBIGUOUS };
#define SEL_MAXDEPTH 16
typedef struct Selection {
	int kind;
	int path[SEL_MAXDEPTH]; /* field indices through embedded fields (and the field itself) */
	int npath;
	Type *type;        /* the field's type or the method's signature */
	Method *method;
	Type *recvbase;    /* the named (or interface) type the method belongs to */
	bool indirect;     /* the path goes through a pointer */
	bool iface;        /* an interface method */
	bool no_methods;   /* searching a named pointer type: fields only */
} Selection;

/* lookup.c: fields and methods by name; method sets */
Selection lookup_field_or_method(Type *T, const Str *name);
Method *find_method(Type *T, const Str *name, bool *needs_ptr);
int method_set(Type *T, Selection **out); /* sorted by name; promoted methods included */

/* type.c: constructors, identity, strings, layout */
Type *basic_type(TypeKind k);
Type *type_new(TypeKind k);
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *elem);
Type *type_chan(int dir, Type *elem);
Type *under(Type *t);             /* the underlying type */
/* Type identity (spec: Type identity). Basic types are identical when
 * their kinds are: byte and uint8 are two Type values (messages print the
 * name used) but one type. */
bool type_identical(const Type *a, const Type *b);
bool type_identical_ignore_tags(const Type *a, const Type *b);
int64_t type_size(Type *t);
int64_t type_align(Type *t);
bool type_comparable(Type *t);

/* generic.c: type parameters, type sets, substitution, instantiation */
int typeparam_terms(const Type *t, Type ***out); /* a type parameter's terms' underlying types */
Type *core_type(Type *t);           /* the single underlying type of a type parameter's type set, or NULL */
bool typeparam_all(const Type *t, bool (*pred)(const Type *)); /* every term of t's type set satisfies pred */
Type *type_subst(Type *t, Type **from, Type **to, int n);
Type *instantiate_sig(Type *sig, Type **targs); /* a generic signature with its type arguments */
Type *instance_underlying(Type *t);  /* an instance's underlying type, substituted on first use */
void instance_methods(Type *t);      /* an instance's methods, substituted from its generic type's */
const char *termlist_string(const Type *iface);
bool type_has_pointers(Type *t);
int64_t field_offset(Type *st, int i);

/* What an expression is (Node.mode), as types2's operand modes. */
enum { M_INVALID, M_NOVALUE, M_BUILTIN, M_TYPEEXPR, M_CONST, M_VAR, M_VALUE, M_MAPINDEX, M_COMMAOK };

/* Constant values, exact (const.c). The kinds are ordered: an operation on
 * two numeric constants happens in the larger kind. */
typedef enum ConstKind { CV_BOOL, CV_STRING, CV_INT, CV_FLOAT, CV_COMPLEX } ConstKind;
typedef struct Const {
	ConstKind kind;
	bool b;        /* CV_BOOL */
	const char *s; /* CV_STRING: the bytes (not NUL-terminated) */
	int64_t len;
	mpz_t z;       /* CV_INT */
	mpq_t re, im;  /* CV_FLOAT (re), CV_COMPLEX */
} Const;

void const_init(void);
Const *const_bool(bool b);
Const *const_int64(int64_t v);
Const *const_string(const char *s, int64_t len);
Const *const_from_literal(int tokkind, const char *lit, uint32_t len);
Const *const_unary(int op, const Const *x, int bits, bool is_unsigned);
Const *const_binary(int op, const Const *x, const Const *y, bool intdiv, bool *divzero);
Const *const_shift(int op, const Const *x, uint64_t s);
bool const_compare(int op, const Const *x, const Const *y);
bool const_representable(const Const *x, const Type *t, Const **out, const char **why);
bool const_int_value(const Const *x, int64_t *v); /* fits in int64 and is integral */
double const_float64(const Const *x);
double const_imag_float64(const Const *x);      /* 0 unless complex */
Const *const_complex(const Const *re, const Const *im);
Const *const_part(const Const *x, bool imag); /* real(x) or imag(x) */
const char *const_string_of(const Const *x);       /* as go/constant's String */

typedef enum ObjKind { OBJ_BAD, OBJ_VAR, OBJ_CONST, OBJ_TYPENAME, OBJ_FUNC, OBJ_BUILTIN, OBJ_NIL, OBJ_PKGNAME } ObjKind;

enum {
	BUILTIN_PRINT = 1, BUILTIN_PRINTLN, BUILTIN_LEN, BUILTIN_CAP, BUILTIN_APPEND, BUILTIN_COPY,
	BUILTIN_DELETE, BUILTIN_MAKE, BUILTIN_NEW, BUILTIN_PANIC, BUILTIN_RECOVER, BUILTIN_CLOSE,
	BUILTIN_COMPLEX, BUILTIN_REAL, BUILTIN_IMAG,
	/* package unsafe */
	BUILTIN_SIZEOF, BUILTIN_ALIGNOF, BUILTIN_OFFSETOF, BUILTIN_ADD, BUILTIN_SLICE,
};

typedef struct Object Object;
struct Object {
	ObjKind kind;
	const Str *name;
	Type *type;
	Pos pos;
	Node *decl;      /* N_FUNCDECL for functions */
	Const *val;      /* OBJ_CONST */
	int builtin;     /* OBJ_BUILTIN: BUILTIN_* */
	bool param;      /* OBJ_VAR: a parameter or result */
	bool global;     /* package-level */
	bool used;
	bool addrtaken;  /* &x appears: the variable may live on the heap */
	bool captured;   /* referenced from a function literal */
	bool heap;       /* code generation: lives in a heap cell (backend holds its address) */
	int depth;       /* function-literal nesting depth of its declaration */
	/* OBJ_FUNC: the package variables and functions its body refers to
	 * (initialization order follows references through functions) */
	struct { struct Object **v; int n, cap; } refs;
	int state;       /* package-level constants: 0 unresolved, 1 resolving, 2 done */
	Node *spec;      /* OBJ_CONST: its N_CONSTDECL; Node *valexpr its value, typeexpr its type */
	Node *valexpr, *typeexpr;
	Type *recv;      /* methods: the receiver type (T or *T) */
	struct Package *pkg;      /* package-level objects: the package that declares it */
	struct Scope *fscope;     /* package-level objects: the file scope of their declaration */
	struct Package *imported; /* OBJ_PKGNAME: the package an import names */
	void *backend;   /* the code generator's value for this object (its own package's module) */
};

typedef struct Scope Scope;

typedef struct Package {
	const Str *name;
	const char *path;
	Node **files;
	int nfiles;
	Scope *scope;
	VEC(Object *) funcs; /* package functions in source order */
	VEC(Node *) inits;   /* package-level N_VARDECLs in initialization order */
	VEC(Object *) globals; /* package-level variables in declaration order */
	VEC(struct Package *) imports; /* each imported package once, in import order (unsafe excluded) */
} Package;

/* The checker asks an importer for each package a file imports. It returns
 * the imported package, checked, or NULL with *err set to the message to
 * report at the import. The driver's importer finds and checks packages
 * from source; export data can stand in behind the same call. */
typedef struct Importer {
	Package *(*import)(void *ctx, const char *path, const char **err);
	void *ctx;
} Importer;

/* How a package is checked. ignore_func_bodies (go/types' IgnoreFuncBodies):
 * declarations only, the bodies of functions and function literals left
 * unchecked: enough for an importer that only type-checks, never compiles. */
typedef struct CheckOptions {
	bool ignore_func_bodies;
} CheckOptions;

extern Type *ty_bool, *ty_int, *ty_string, *ty_untyped_int, *ty_untyped_string,
	*ty_untyped_bool, *ty_invalid, *ty_int64, *ty_float64, *ty_uint8, *ty_int32;

bool type_is_untyped(const Type *t);
bool type_is_integer(const Type *t);
bool type_is_string(const Type *t);
const char *type_string(const Type *t); /* as types2 prints it, relative to the package being checked */
const char *type_string_qualified(const Type *t); /* every named type qualified: main.T, []strings.Builder */
const char *type_string_reflect(const Type *t);   /* as reflect's Type.String: struct { a int }, interface {} */
const Package *type_string_package(const Package *p); /* sets the package type_string is relative to; returns the old one */

/* Checks a package made of parsed files; reports errors to diag. Imports
 * are resolved through imp (NULL: a package that imports nothing but
 * unsafe). */
Package *check_package(const char *path, Node **files, int nfiles, const Importer *imp);
Package *check_package_opts(const char *path, Node **files, int nfiles, const Importer *imp, CheckOptions opts);

/* A package-level object by name, or NULL. */
Object *package_lookup(Package *p, const char *name);

/* The import path an N_IMPORTDECL names (its literal unquoted). */
const char *import_path(const Node *importdecl);

#endif
