/* ast.h: the syntax tree, the data every stage after the parser reads.
 *
 * One Node struct serves every construct (as in chibicc): `kind` says which,
 * and the table below says what its fields mean. Types are expressions, as in
 * gc's syntax package: `[]int`, `*T` and `List[int]` are nodes the checker
 * interprets in type context, so the parser need not know which names denote
 * types. Lists are chains through `next`. Positions follow gc's choices (an
 * operator's position for binary expressions, the '.' of a selector, the
 * '(' of a call) because error messages are reported there.
 *
 * The checker fills `type`, `obj` and `val`; later stages only read them.
 */
#ifndef GOC_AST_H
#define GOC_AST_H

#include "../base/base.h"

typedef enum NodeKind {
	N_BAD,
	/* expressions                        fields used */
	N_NAME,          /* name; a = the package name of a qualified identifier p.name (set by the checker) */
	N_BASICLIT,      /* op = T_INT/T_FLOAT/T_IMAG/T_CHAR/T_STRING, lit/litlen, flags&NF_BAD */
	N_COMPOSITELIT,  /* a = type or NULL (elided), list = elements (exprs or N_KEYVALUE), end = '}' */
	N_KEYVALUE,      /* a = key, b = value */
	N_FUNCLIT,       /* a = N_FUNCTYPE, b = body N_BLOCK */
	N_PAREN,         /* a */
	N_SELECTOR,      /* a = operand, name = selected name */
	N_INDEX,         /* a = operand, list = indices (several: instantiation) */
	N_SLICE,         /* a = operand, b = low, c = high, d = max; flags&NF_FULL for a[i:j:k] */
	N_ASSERT,        /* a = operand, b = type */
	N_TYPESWITCHGUARD,/* a = operand of x.(type); name = bound name in `v := x.(type)` or NULL */
	N_CALL,          /* a = function, list = arguments, flags&NF_DOTS for f(s...) */
	N_UNARY,         /* op (T_PLUS, T_MINUS, T_NOT, T_XOR, T_STAR, T_AND, T_ARROW, T_TILDE), a */
	N_BINARY,        /* op, a, b */
	N_CONVERT,       /* a converted implicitly to type (into an interface); inserted by the checker */
	/* types */
	N_ARRAYTYPE,     /* a = length (NULL for [...]T), b = element */
	N_SLICETYPE,     /* b = element */
	N_DOTSTYPE,      /* b = element of a final ...T parameter */
	N_STRUCTTYPE,    /* list = N_FIELDs */
	N_FIELD,         /* name (NULL: embedded or unnamed parameter), a = type, b = tag N_BASICLIT or NULL */
	N_FUNCTYPE,      /* list = parameter N_FIELDs, list2 = result N_FIELDs */
	N_INTERFACETYPE, /* list = N_FIELDs: named ones are methods (a = N_FUNCTYPE), unnamed ones embed (a = type or union) */
	N_MAPTYPE,       /* a = key, b = element */
	N_CHANTYPE,      /* op = CHAN_BOTH/CHAN_SEND/CHAN_RECV, b = element */
	/* statements */
	N_EMPTYSTMT,
	N_LABELED,       /* name = label, a = statement */
	N_BLOCK,         /* list = statements, end = '}' */
	N_EXPRSTMT,      /* a */
	N_SENDSTMT,      /* a = channel, b = value */
	N_ASSIGN,        /* op = 0 (=), T_DEFINE, an operator (op=), T_INC, T_DEC; list = lhs, list2 = rhs */
	N_GOSTMT,        /* a = call */
	N_DEFERSTMT,     /* a = call */
	N_RETURN,        /* list = results */
	N_BRANCH,        /* op = T_BREAK/T_CONTINUE/T_GOTO/T_FALLTHROUGH, name = label or NULL */
	N_IF,            /* a = init, b = condition, c = then N_BLOCK, d = else (N_IF, N_BLOCK or NULL) */
	N_FOR,           /* a = init, b = condition, c = post, d = body; a = N_RANGECLAUSE for range loops */
	N_RANGECLAUSE,   /* list = lhs (0-2), op = 0/T_ASSIGN/T_DEFINE, a = ranged expression */
	N_SWITCH,        /* a = init, b = tag (expr, N_TYPESWITCHGUARD or NULL), list = N_CASECLAUSEs, end = '}' */
	N_CASECLAUSE,    /* list = expressions (NULL list and NF_DEFAULT for default), list2 = body; a = comm stmt in select */
	N_SELECT,        /* list = N_CASECLAUSEs, end = '}' */
	N_DECLSTMT,      /* list = declarations */
	/* declarations */
	N_IMPORTDECL,    /* name = local name or NULL ("." and "_" included), a = path N_BASICLIT */
	N_CONSTDECL,     /* list = N_NAMEs, a = type or NULL, list2 = values, iota = index in group */
	N_VARDECL,       /* list = N_NAMEs, a = type or NULL, list2 = values */
	N_TYPEDECL,      /* name, list = type parameter N_FIELDs, a = type, flags&NF_ALIAS */
	N_FUNCDECL,      /* name, c = receiver N_FIELD or NULL, list = type parameters, a = N_FUNCTYPE, b = body or NULL */
	N_FILE,          /* name = package name, list = declarations */
	N_KINDS
} NodeKind;

enum { CHAN_BOTH, CHAN_SEND, CHAN_RECV };

enum {
	NF_BAD = 1 << 0,     /* literal with an error already reported */
	NF_FULL = 1 << 1,    /* 3-index slice */
	NF_DOTS = 1 << 2,    /* call with ... */
	NF_DEFAULT = 1 << 3, /* default clause */
	NF_ALIAS = 1 << 4,   /* type A = B */
	NF_GROUP = 1 << 5,   /* declaration written inside ( ) */
	NF_SPREAD = 1 << 6,  /* call f(g()) where g's results are f's arguments */
	NF_ADDRRECV = 1 << 7,/* method call or value through &x (pointer receiver on an addressable x) */
	NF_DEREFRECV = 1 << 8,/* method call or value through *p (value receiver on a pointer) */
	NF_METHODEXPR = 1 << 9,/* T.m or (*T).m */
	NF_COMMAOK = 1 << 10, /* v, ok := x.(T), m[k] or <-c */
	NF_GENERIC_OK = 1 << 11, /* a generic type's name being instantiated (checker) */
};

struct Type;
struct Object;
struct Const;

typedef struct Node Node;

/* What the checker records for the few nodes that need it, out of line so
 * that every other node is smaller (runtime's closure: 227,000 nodes). */
typedef struct NodeDeps {
	/* N_VARDECL at package level: the declarations its initializer uses,
	 * for the initialization order */
	struct { Node **v; int n, cap; } deps;
	struct { struct Object **v; int n, cap; } fdeps; /* functions its initializer refers to */
	int initstate;
	/* N_FUNCLIT: the variables of enclosing functions it uses */
	struct { struct Object **v; int n, cap; } captures;
} NodeDeps;

struct Node {
	uint8_t kind;
	uint8_t op;
	uint16_t flags;
	Pos pos;
	Pos end;   /* closing brace/paren where it matters for messages */
	int iota;  /* N_CONSTDECL: index in its group; composite literal elements:
	            * the field or element index (set by the checker) */
	const Str *name;
	Node *a, *b, *c, *d;
	Node *list, *list2;
	Node *next; /* next element of the list this node is in */
	const char *lit;  /* N_BASICLIT: source text */
	uint32_t litlen;
	uint32_t pragma;  /* //go: directives attached to a declaration (PRAGMA_*) */
	NodeDeps *x; /* N_VARDECL, N_FUNCLIT: see node_deps */
	/* filled by the type checker */
	uint8_t mode; /* what the expression is: types.h's M_* */
	int ntargs;   /* see targs */
	struct Type *type;
	struct Object *obj;
	struct Selection *sel; /* N_SELECTOR: how the field or method was found */
	struct Const *val;
	/* a generic function's instantiation at this name or index (checker) */
	struct Type **targs;
};

enum {
	PRAGMA_NOINLINE = 1 << 0,
	PRAGMA_NOSPLIT = 1 << 1,
	PRAGMA_NOESCAPE = 1 << 2,
	PRAGMA_NORACE = 1 << 3,
	PRAGMA_NOCHECKPTR = 1 << 4,
	PRAGMA_UINTPTRESCAPES = 1 << 5,
	PRAGMA_NOWRITEBARRIER = 1 << 6,
	PRAGMA_REGISTERPARAMS = 1 << 7,
};

/* A list under construction: the parser appends in O(1). */
typedef struct List {
	Node *head, *tail;
	int n;
} List;

/* Inline: the parser calls these for nearly every token. */
static inline Node *node_new(NodeKind k, Pos p) {
	Node *n = NEW(Node);
	n->kind = (uint8_t)k;
	n->pos = p;
	return n;
}

/* n's NodeDeps, made on first use. */
static inline NodeDeps *node_deps(Node *n) {
	if (!n->x) n->x = NEW(NodeDeps);
	return n->x;
}

static inline List list_one(Node *n) {
	List l = {n, n, n ? 1 : 0};
	return l;
}

static inline List list_add(List l, Node *n) {
	if (!n) return l;
	if (l.tail) l.tail->next = n;
	else l.head = n;
	l.tail = n;
	l.n++;
	return l;
}
int list_len(const Node *head);

const char *node_kind_name(NodeKind k);
/* The expression as Go source, as gc prints it in messages ("x + 1"). */
const char *expr_string(const Node *n);
/* The leftmost position of an expression (where types2 reports errors). */
Pos node_startpos(const Node *n);
/* Prints the tree in an indented s-expression form (goc tool syntax -ast). */
void ast_dump(const Node *n, void *file);

#endif
