/* check_int.h: what the checker's files share (private to types/). */
#ifndef GOC_CHECK_INT_H
#define GOC_CHECK_INT_H

#include "types.h"
#include "grammar.h"
#include "../lex/lex.h"

struct Scope {
	Scope *parent;
	VEC(Object *) objs; /* small scopes: a linear search is fastest */
};

typedef struct Checker {
	Package *pkg;
	Scope *scope; /* innermost */
	Type *fnsig;  /* signature of the function being checked */
	int iota;     /* value of iota in the constant being checked, or -1 */
	bool named_results; /* the current function's results have names */
	Node *initdeps;     /* while checking a package var's initializer: the N_VARDECL whose deps we collect */
} Checker;

/* scope.c: scopes, objects, the universe */
Scope *scope_new(Scope *parent);
Object *scope_lookup_local(Scope *s, const Str *name);
Object *scope_lookup(Scope *s, const Str *name);
void declare(Scope *s, Object *o);
Object *obj_new(ObjKind k, const Str *name, Type *t, Pos p);
extern Scope *universe;
void init_universe(void);
Type *basic_type(TypeKind k);

/* expr.c: expressions and operands */
void expr(Checker *c, Node *n);
void expr_or_type(Checker *c, Node *n);
bool assign_to(Checker *c, Node *x, Type *t, const char *context);
void default_type(Checker *c, Node *x);
Type *resolve_type(Checker *c, Node *n);
Type *signature(Checker *c, Node *ft);
const char *operand_string(const Node *n);
bool is_blank(const Node *n);

/* typexpr.c: types written in the source */
void resolve_typename(Checker *c, Object *o);
void check_recursive_type(Object *o);

/* stmt.c: statements and function bodies */
void stmt(Checker *c, Node *n);
void stmts(Checker *c, Node *l);
void open_scope(Checker *c);
void close_scope(Checker *c);
void func_body(Checker *c, Object *fn);

/* branches.c: labels, goto, break, continue, fallthrough */
void check_branches(Node *body);

/* decl.c: declarations */
void resolve_const(Checker *c, Object *o);
void resolve_var(Checker *c, Object *o);
void declare_consts(Checker *c, Node *spec, Node **prev, Scope *s);

#endif
