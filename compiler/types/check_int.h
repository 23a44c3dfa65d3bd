/* check_int.h: what the checker's files share (private to types/). */
#ifndef GOC_CHECK_INT_H
#define GOC_CHECK_INT_H

#include "types.h"
#include "grammar.h"
#include "../lex/lex.h"

struct Scope {
	Scope *parent;
	VEC(Object *) objs; /* in declaration order */
	/* Past SCOPE_LINEAR objects (package scopes: runtime has thousands) an
	 * open-addressed index by the interned name's hash; small scopes keep
	 * the linear search, which is fastest for them. */
	Object **index;
	uint32_t index_cap; /* a power of two, or 0 */
};

typedef struct Checker {
	Package *pkg;
	Scope *scope; /* innermost */
	Type *fnsig;  /* signature of the function being checked */
	int iota;     /* value of iota in the constant being checked, or -1 */
	bool named_results; /* the current function's results have names */
	bool ignore_bodies; /* CheckOptions.ignore_func_bodies */
	Node *initdeps;     /* while checking a package var's initializer: the N_VARDECL whose deps we collect */
	Object *curfn;      /* the package-level function whose body is being checked */
	Type *empty_iface;  /* interface{} */
	int funclit_depth;  /* > 0 inside function literals */
	Node *funclits[64]; /* the enclosing function literals, innermost last */
	VEC(Object *) pkgnames; /* the package names imports declared, for "imported and not used" */
} Checker;

/* scope.c: scopes, objects, the universe */
Scope *scope_new(Scope *parent);
Object *scope_lookup_local(Scope *s, const Str *name);
Object *scope_lookup(Scope *s, const Str *name);
void declare(Scope *s, Object *o);
Object *obj_new(ObjKind k, const Str *name, Type *t, Pos p);
extern Scope *universe;
void init_universe(void);
Type *universe_empty_interface(void);

/* expr.c: expressions and operands */
enum { CU_OK, CU_OVERFLOW, CU_TRUNC, CU_MISMATCH };
bool is_unsigned(const Type *t);
bool is_float(const Type *t);
bool is_complex(const Type *t);
bool is_numeric(const Type *t);
bool is_bool(const Type *t);
bool is_basic(const Type *t);
void invalidate(Node *n);
int convert_untyped(Node *x, Type *t);
bool implements(Type *v, Type *t, const char **why);
bool type_assignable(Type *v, Type *t); /* spec: Assignability, for typed values */
const char *comparison_error(Node *x, Node *y, int op, Node **errop);
void implicit_convert(Node *x, Type *t);
const char *op_name(int op);
void check_typed_const(Node *n);
void expr(Checker *c, Node *n);
void expr_or_type(Checker *c, Node *n);
bool assign_to(Checker *c, Node *x, Type *t, const char *context);
void default_type(Checker *c, Node *x);
Type *default_of(Type *untyped);
Type *resolve_type(Checker *c, Node *n);
Type *signature(Checker *c, Node *ft);
const char *operand_string(const Node *n);
bool is_blank(const Node *n);

/* typexpr.c: types written in the source */
void resolve_typename(Checker *c, Object *o);
void check_recursive_type(Object *o);

/* lookup.c: fields and methods by name */


/* call.c: calls, builtins, conversions */
void call_expr(Checker *c, Node *n);

/* index.c: index and slice expressions */
void index_expr(Checker *c, Node *n);
void slice_expr(Checker *c, Node *n);

/* complit.c: composite and function literals */
void composite_lit(Checker *c, Node *n, Type *hint);
void func_lit(Checker *c, Node *n);

/* generic.c: instantiation and inference (the type side is in types.h) */
Type *instantiate_named(Type *orig, Type **targs, int n);
bool satisfies(Type *T, Type *bound, const char **why);
bool check_instance(Pos pos, Type **tparams, Type **targs, int n);
bool infer_targs(Pos pos, Type *sig, Type **targs, Node *args, bool spread, bool dots);
void terms_intersect(Type *iface, const Term *u, int un, bool uhas);
/* typexpr.c */
Type **declare_tparams(Checker *c, Node *list, int *n); /* into c->scope */
Type *instantiate_expr(Checker *c, Node *n, Type *generic); /* G[args] written in the source */

/* lookup.c (selectors) */
void selector_expr(Checker *c, Node *n);

/* stmt.c: statements and function bodies */
void stmt(Checker *c, Node *n);
void stmts(Checker *c, Node *l);
void open_scope(Checker *c);
void close_scope(Checker *c);
void func_body(Checker *c, Object *fn);
void func_signature(Checker *c, Object *o); /* decl.c */
bool stmt_terminates(Node *s);
void declare_params(Checker *c, Node *functype);
void var_types(Checker *c, Node *vardecl, Type **types);
Type *tuple_of(Node *rhs, int nr, int nl);

/* branches.c: labels, goto, break, continue, fallthrough */
void check_branches(Node *body);

/* import.c: imports, file scopes, qualified identifiers */
void declare_imports(Checker *c, Node *file, Scope *fscope, const Importer *imp);
void check_unused_imports(Checker *c);
Object *qualified_ident(Checker *c, Node *sel, bool *qualified);
void object_operand(Checker *c, Node *n, Object *o); /* expr.c: n denotes o */

/* decl.c: declarations */
void resolve_const(Checker *c, Object *o);
void resolve_var(Checker *c, Object *o);
void declare_consts(Checker *c, Node *spec, Node **prev, Scope *s);

#endif
