/* parse_int.h: what the grammar's actions use (private to parse/). */
#ifndef GOC_PARSE_INT_H
#define GOC_PARSE_INT_H

#include "parse.h"

typedef struct Parser {
	Node *file;
	List decls;
	bool seen_nonimport; /* imports must come first */
	bool failed;
	Pos tok_pos;     /* position of the token being fed */
	const Token *toks; /* the whole file's tokens, for messages */
	int itok, ntoks;
	bool tp_missing; /* a type parameter list lacks its last constraint */
	void *lemon;     /* the lemon parser, for computing what it expected */
	/* A copy of lemon's state stack taken before token snap_tok was fed
	 * (-1: none valid), from which parse_syntax_error replays the tokens up
	 * to the offending one (goparse_sim) to see what the parser expected. */
	uint16_t *snap;
	int snap_n, snap_cap, snap_tok;
} Parser;

/* node builders used by the actions (parse.c) */
Node *mk(NodeKind k, Pos p);
const Str *tokname(const Token *t);
Node *name(const Token *t);
Node *basiclit(const Token *t);
Node *unary(const Token *op, Node *x);
Node *binary(const Token *op, Node *x, Node *y);
Node *recv_or_chantype(const Token *op, Node *x);
Node *selector(Node *x, const Token *dot, const Token *sel);
Node *slice3(const Token *lbrack, Node *x, Node *i, Node *j, Node *k, Pos colon2, Pos rbrack);
Node *chantype(Pos p, int dir, Node *elem);
Node *field(const Str *name, Node *type);
Node *fieldtag(const Str *name, Pos p, Node *type, Node *tag);
Node *embedded(Node *type, Node *tag);
List fieldgroup(Node *first, List rest, Node *type, Node *tag);
Node *instance(const Token *n, const Token *lbrack, List args);
Node *arraytype(Parser *P, const Token *lbrack, List len, int comma, Node *elem);
Node *functype(Node *params, Node *results);
List finish_params(Parser *P, List l, bool tparams);
void tparams_end(Parser *P, Pos rbrack); /* reports a missing constraint at ] */
void missing_if_cond(const Token *semi);
List list_concat(List a, List b);
List group(List l);
Node *funcdecl(Parser *P, Node *recv, const Token *name, Node *tparams, Node *sig, Node *body);
Node *branch(const Token *k, const Token *label);
Node *assign(const Token *op, List lhs, List rhs);
Node *ifstmt(Parser *P, const Token *k, Node *init, Node *cond, Node *then, Node *els);
Node *forcond(Parser *P, const Token *k, Node *cond, Node *body);
Node *forclause(Parser *P, const Token *k, Node *init, Node *cond, Node *post, Node *body);
Node *switchstmt(Parser *P, const Token *k, Node *init, Node *tag, List clauses, const Token *rbrace);
void add_import(Parser *P, Pos kw, Node *spec);
void add_decls(Parser *P, List l);

/* The value checks (parse.c) walk only files where a builder noted
 * something they could report. */
void need_value(const Node *x);   /* x stands where only a value may */
void need_values(const Node *l);  /* need_value for each element of l */
void need_walk(void);             /* a node the walk reports on by itself */
void note_operand_type(const Node *t); /* pexpr ::= arrtype: t may be a [...]T outside a literal */
void note_complit_type(const Node *t); /* t is the type of a composite literal */
Node *rangeclause(const Token *at, List lhs, int op, Node *x);
void const_specs_at(Node *spec, int iota); /* a const spec's index in its group is known */

/* errors: called from %syntax_error with the lemon state */
void parse_syntax_error(Parser *P, int state, int major, const Token *tok);
/* generated in grammar.c: does the parser in its current state accept tok? */
bool goparse_accepts(void *lemon, int tok);
bool goparse_accepts_st(const uint16_t *st, int n, int tok);
int goparse_stack(void *lemon, uint16_t *out, int cap);
int goparse_sim(uint16_t *st, int n, int cap, int tok);

/* lemon's entry points */
void *goparseAlloc(void *(*mallocProc)(size_t));
void goparseFree(void *p, void (*freeProc)(void *));
void goparse(void *p, int kind, Token tok, Parser *P);

#endif
