/* parse.c: drives the lemon parser over one file.
 *
 * The file is lexed whole into a token array first. A classification pass
 * over the array then settles the two places where Go needs more than one
 * token of lookahead, renaming tokens so the LALR(1) grammar can stay
 * conflict-free (grammar.y explains the grammar side):
 *
 *  - In the header of if, for, switch and select, the first '{' at the
 *    header's own nesting level opens the body (LBODY), except the braces of
 *    a composite literal whose type is a type literal ([]T{}, map[K]V{},
 *    struct{}{}) and of a function literal: these are found by skipping the
 *    type from where it starts. A composite literal of a named type must be
 *    parenthesized there, as the spec says.
 *  - After `type Name`, a '[' opens a type parameter list (LBRACK_TP) or an
 *    array length; the choice follows gc's rule (syntax/parser.go typeDecl).
 *
 * Then the tokens are fed to lemon one by one; syntax errors are worded in
 * parse_syntax_error from the set of tokens the parser would have accepted.
 */
#include <stdio.h>
#include <stdlib.h>

#include "parse_int.h"
#include "grammar.h"

bool parse_gofmt_checks;

static bool bad_type_case(const Node *e);
static bool bad_import_path(const Node *p);

/* ---- node builders for the grammar's actions ----------------------------- */

Node *mk(NodeKind k, Pos p) { return node_new(k, p); }

const Str *tokname(const Token *t) { return intern(t->lit, t->len); }

Node *name(const Token *t) {
	Node *n = mk(N_NAME, t->pos);
	n->name = tokname(t);
	return n;
}

Node *basiclit(const Token *t) {
	Node *n = mk(N_BASICLIT, t->pos);
	n->op = (uint8_t)t->kind;
	n->lit = t->lit;
	n->litlen = t->len;
	if (t->bad) n->flags |= NF_BAD;
	return n;
}

Node *unary(const Token *op, Node *x) {
	Node *n = mk(N_UNARY, op->pos);
	n->op = (uint8_t)op->kind;
	n->a = x;
	if (op->kind != T_STAR && op->kind != T_TILDE) need_value(x);
	return n;
}

Node *binary(const Token *op, Node *x, Node *y) {
	Node *n = mk(N_BINARY, op->pos);
	n->op = (uint8_t)op->kind;
	n->a = x;
	n->b = y;
	need_value(x); /* a union's terms too: the walk decides */
	need_value(y);
	return n;
}

/* `<-x` is a receive, unless x is a channel type: `<-chan T` is the type of
 * a receive-only channel (and `<-chan chan T` is <-chan (chan T)), as gc's
 * unaryExpr decides. */
Node *recv_or_chantype(const Token *op, Node *x) {
	if (x->kind != N_CHANTYPE) return unary(op, x);
	/* Re-associate as gc does: walk down the element chain while the
	 * original direction is send-only, making each level receive-only. */
	int dir = CHAN_SEND;
	Node *t = x;
	while (dir == CHAN_SEND) {
		if (!t || t->kind != N_CHANTYPE) break;
		dir = t->op;
		if (dir == CHAN_RECV) diag_syntax(op->pos, "syntax error: unexpected <-, expecting chan");
		t->op = CHAN_RECV;
		t = t->b;
	}
	if (dir == CHAN_SEND) diag_syntax(op->pos, "syntax error: unexpected <-, expecting chan");
	x->pos = op->pos;
	return x;
}

Node *selector(Node *x, const Token *dot, const Token *sel) {
	Node *n = mk(N_SELECTOR, dot->pos);
	n->a = x;
	n->name = tokname(sel);
	n->end = sel->pos; /* where types2 reports selector errors */
	return n;
}

Node *slice3(const Token *lbrack, Node *x, Node *i, Node *j, Node *k, Pos colon2, Pos rbrack) {
	Node *n = mk(N_SLICE, lbrack->pos);
	n->a = x;
	need_value(x);
	n->b = i;
	n->c = j;
	n->d = k;
	n->flags |= NF_FULL;
	/* gc's words and places: at the second colon, at the ] */
	n->end = rbrack;
	/* not syntax errors for gc: the type checker still runs */
	if (!j) diag_soft(colon2, "middle index required in 3-index slice");
	if (!k) diag_soft(rbrack, "final index required in 3-index slice");
	return n;
}

Node *chantype(Pos p, int dir, Node *elem) {
	Node *n = mk(N_CHANTYPE, p);
	n->op = (uint8_t)dir;
	n->b = elem;
	return n;
}

Node *field(const Str *nm, Node *type) {
	Node *f = mk(N_FIELD, type ? type->pos : 0);
	f->name = nm;
	f->a = type;
	return f;
}

Node *fieldtag(const Str *nm, Pos p, Node *type, Node *tag) {
	Node *f = field(nm, type);
	f->pos = p;
	f->b = tag;
	return f;
}

Node *embedded(Node *type, Node *tag) {
	Node *f = field(NULL, type);
	f->b = tag;
	return f;
}

List fieldgroup(Node *first, List rest, Node *type, Node *tag) {
	List l = list_one(fieldtag(first->name, first->pos, type, tag));
	for (Node *n = rest.head, *nx; n; n = nx) {
		nx = n->next;
		l = list_add(l, fieldtag(n->name, n->pos, type, tag));
	}
	return l;
}

Node *instance(const Token *nm, const Token *lbrack, List args) {
	Node *n = mk(N_INDEX, lbrack->pos);
	n->a = name(nm);
	n->list = args.head;
	return n;
}

Node *arraytype(Parser *P, const Token *lbrack, List len, int comma, Node *elem) {
	(void)P;
	if (len.n != 1 || comma) diag_syntax(lbrack->pos, "syntax error: unexpected comma; expecting ]");
	Node *t = mk(N_ARRAYTYPE, lbrack->pos);
	t->a = len.head;
	if (t->a) t->a->next = NULL;
	t->b = elem;
	return t;
}

Node *functype(Node *params, Node *results) {
	Node *t = mk(N_FUNCTYPE, params ? params->pos : 0);
	t->list = params;
	t->list2 = results;
	return t;
}

List list_concat(List a, List b) {
	if (!b.head) return a;
	if (!a.head) return b;
	a.tail->next = b.head;
	a.tail = b.tail;
	a.n += b.n;
	return a;
}

List group(List l) {
	for (Node *n = l.head; n; n = n->next) n->flags |= NF_GROUP;
	return l;
}

/* A parameter list where some entries are `name Type` and others a lone
 * name: the lone names are names sharing the next entry's type (`a, b int`).
 * If no entry has a name, every entry is a type. gc reports a mix of named
 * and unnamed entries as "mixed named and unnamed parameters". */
List finish_params(Parser *P, List l, bool tparams) {
	/* As gc's paramList: a lone name is a name (gc: Name, no Type), any other
	 * lone entry a type (Type, no Name). */
	int named = 0, typed = 0, len = 0;
	for (Node *f = l.head; f; f = f->next) {
		len++;
		if (f->name) named++, typed++;
		else if (!(f->a && f->a->kind == N_NAME)) typed++;
	}
	if ((named == 0 && !tparams) || named == len) return l;
	/* some named: all must have names and types; types distribute from
	 * right to left and the error goes at the left-most culprit */
	Node **v = NEWARR(Node *, len);
	int i = 0;
	for (Node *f = l.head; f; f = f->next) v[i++] = f;
	Pos errpos = NOPOS;
	Node *typ = NULL;
	for (i = len - 1; i >= 0; i--) {
		Node *f = v[i];
		if (f->name) typ = f->a;
		else if (!(f->a && f->a->kind == N_NAME)) {
			typ = f->a;
			errpos = f->a ? node_startpos(f->a) : f->pos;
		} else if (typ) {
			f->name = f->a->name;
			f->pos = f->a->pos;
			f->a = typ;
		} else errpos = f->a->pos;
	}
	if (errpos != NOPOS) {
		if (!tparams) diag_syntax(errpos, "syntax error: mixed named and unnamed parameters");
		else if (named == typed) P->tp_missing = true; /* reported at the ] (tparams_end) */
		else diag_syntax(errpos, "syntax error: type parameters must be named");
	}
	return l;
}

void tparams_end(Parser *P, Pos rbrack) {
	if (P->tp_missing) diag_syntax(rbrack, "syntax error: missing type constraint");
	P->tp_missing = false;
}

/* `if init; {`: gc words it by what the semicolon was. */
void missing_if_cond(const Token *semi) {
	if (semi->op == SEMI_NEWLINE) diag_syntax(semi->pos, "syntax error: unexpected newline, expecting { after if clause");
	else diag_syntax(semi->pos, "syntax error: missing condition in if statement");
}

Node *funcdecl(Parser *P, Node *recv, const Token *nm, Node *tparams, Node *sig, Node *body) {
	Node *f = mk(N_FUNCDECL, nm->pos);
	f->name = tokname(nm);
	f->list = tparams;
	f->a = sig;
	f->b = body;
	f->c = recv; /* several receivers: reported by the checker */
	(void)P;
	return f;
}

Node *branch(const Token *k, const Token *label) {
	Node *n = mk(N_BRANCH, k->pos);
	n->op = (uint8_t)k->kind;
	if (label) {
		n->name = tokname(label);
		n->end = label->pos; /* messages about the label point at it */
	}
	return n;
}

Node *assign(const Token *op, List lhs, List rhs) {
	Node *n = mk(N_ASSIGN, op->pos);
	switch (op->kind) {
	case T_ASSIGN: n->op = 0; break;
	case T_OPASSIGN: n->op = op->op; break;
	default: n->op = (uint8_t)op->kind; break; /* T_DEFINE, T_INC, T_DEC */
	}
	n->list = lhs.head;
	n->list2 = rhs.head;
	need_values(lhs.head);
	need_values(rhs.head);
	if (n->op == T_DEFINE)
		for (const Node *l = lhs.head; l; l = l->next)
			if (l->kind != N_NAME) need_walk();
	return n;
}

/* A simple statement as gc's syntax.String prints it in messages. */
static const char *list_string(const Node *l) {
	char *out = "";
	for (; l; l = l->next) out = arena_printf(g_arena, "%s%s%s", out, expr_string(l), l->next ? ", " : "");
	return out;
}

static const char *stmt_string(const Node *s) {
	switch (s->kind) {
	case N_ASSIGN:
		switch (s->op) {
		case 0: return arena_printf(g_arena, "%s = %s", list_string(s->list), list_string(s->list2));
		case T_DEFINE: return arena_printf(g_arena, "%s := %s", list_string(s->list), list_string(s->list2));
		case T_INC: return arena_printf(g_arena, "%s++", list_string(s->list));
		case T_DEC: return arena_printf(g_arena, "%s--", list_string(s->list));
		default: return arena_printf(g_arena, "%s %s= %s", list_string(s->list), tok_name(s->op), list_string(s->list2));
		}
	case N_SENDSTMT: return arena_printf(g_arena, "%s <- %s", expr_string(s->a), expr_string(s->b));
	case N_EXPRSTMT: return expr_string(s->a);
	}
	return "statement";
}

/* The condition of if/for/switch must be an expression: gc's header()
 * reports anything else as "cannot use S as value", spelling a plain
 * assignment as "assignment (lhs) = (rhs)". */
static Node *cond_expr(Node *s) {
	if (!s) return NULL;
	if (s->kind == N_EXPRSTMT) return s->a;
	if (s->kind == N_ASSIGN && s->op == 0)
		diag_syntax(s->pos, "syntax error: cannot use assignment (%s) = (%s) as value", list_string(s->list), list_string(s->list2));
	else diag_syntax(s->pos, "syntax error: cannot use %s as value", stmt_string(s));
	return NULL;
}

Node *ifstmt(Parser *P, const Token *k, Node *init, Node *cond, Node *then, Node *els) {
	(void)P;
	Node *n = mk(N_IF, k->pos);
	n->a = init;
	if (!cond && !init) diag_syntax(then->pos, "syntax error: missing condition in if statement");
	else n->b = cond_expr(cond);
	need_value(n->b);
	n->c = then;
	n->d = els;
	return n;
}

Node *forcond(Parser *P, const Token *k, Node *cond, Node *body) {
	(void)P;
	Node *n = mk(N_FOR, k->pos);
	n->b = cond_expr(cond);
	need_value(n->b);
	n->d = body;
	return n;
}

Node *forclause(Parser *P, const Token *k, Node *init, Node *cond, Node *post, Node *body) {
	(void)P;
	Node *n = mk(N_FOR, k->pos);
	n->a = init;
	n->b = cond_expr(cond);
	need_value(n->b);
	n->c = post;
	/* `for ;; x := 1` is reported by the checker, as gofmt accepts it */
	n->d = body;
	return n;
}

Node *switchstmt(Parser *P, const Token *k, Node *init, Node *tag, List clauses, const Token *rbrace) {
	(void)P;
	Node *n = mk(N_SWITCH, k->pos);
	n->a = init;
	if (tag) {
		if (tag->kind == N_EXPRSTMT) n->b = tag->a;
		else if (tag->kind == N_ASSIGN && tag->op == T_DEFINE && tag->list2 && !tag->list2->next &&
		         tag->list2->kind == N_TYPESWITCHGUARD && tag->list && !tag->list->next && tag->list->kind == N_NAME) {
			n->b = tag->list2;
			n->b->name = tag->list->name;
			n->b->end = tag->list->pos; /* the bound name's position, for messages */
		} else (void)cond_expr(tag);
	}
	n->list = clauses.head;
	need_value(n->b);
	bool ts = n->b && n->b->kind == N_TYPESWITCHGUARD;
	for (const Node *c = n->list; c; c = c->next)
		for (const Node *e = c->list; e; e = e->next) {
			if (!ts) need_value(e);
			else if (bad_type_case(e)) need_walk();
		}
	n->end = rbrace->pos;
	return n;
}

void add_import(Parser *P, Pos kw, Node *spec) {
	if (!spec) return;
	/* gc's file loop takes imports only before other declarations */
	if (P->seen_nonimport) diag_syntax(kw, "syntax error: non-declaration statement outside function body");
	if (bad_import_path(spec->a)) need_walk();
	P->decls = list_add(P->decls, spec);
}

void add_decls(Parser *P, List l) {
	P->seen_nonimport = true;
	P->decls = list_concat(P->decls, l);
}

/* ---- syntax errors ----------------------------------------------------- */

static const char *tok_text(const Token *t, char *buf, size_t n) {
	switch (t->kind) {
	case 0: return "EOF";
	case T_IDENT: snprintf(buf, n, "%.*s", (int)(t->len > 200 ? 200 : t->len), t->lit); return buf;
	case T_SEMI:
		return t->op == SEMI_NEWLINE ? "newline" : t->op == SEMI_EOF ? "EOF" : "semicolon";
	case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
		snprintf(buf, n, "literal %.*s", (int)(t->len > 200 ? 200 : t->len), t->lit);
		return buf;
	case T_OPASSIGN: snprintf(buf, n, "%s=", tok_name(t->op)); return buf;
	}
	return tok_name(t->kind);
}

/* The parser's state stack just before the offending token was fed:
 * replayed from the last snapshot. NULL if there is none to replay from. */
static uint16_t *stack_before(Parser *P, int *depth) {
	if (P->snap_tok < 0 || P->snap_tok > P->itok) return NULL;
	int cap = P->snap_n + 64 * (P->itok - P->snap_tok + 1);
	uint16_t *st = xmalloc(sizeof(uint16_t) * (size_t)cap);
	memcpy(st, P->snap, sizeof(uint16_t) * (size_t)P->snap_n);
	int n = P->snap_n;
	for (int k = P->snap_tok; k < P->itok && n > 0; k++) n = goparse_sim(st, n, cap, P->toks[k].kind);
	if (n <= 0 || goparse_accepts_st(st, n, P->toks[P->itok].kind)) {
		free(st);
		return NULL;
	}
	*depth = n;
	return st;
}

/* Tokens that only continue what came before (operators, selectors, calls,
 * indexing): left out when listing what was expected, as gc's recursive
 * descent never mentions them. */
static bool continues(int t) {
	switch (t) {
	case T_PLUS: case T_MINUS: case T_STAR: case T_DIV: case T_MOD: case T_AND: case T_OR:
	case T_XOR: case T_SHL: case T_SHR: case T_ANDNOT: case T_ANDAND: case T_OROR:
	case T_EQ: case T_NE: case T_LT: case T_LE: case T_GT: case T_GE: case T_ARROW:
	case T_DOT: case T_LPAREN: case T_LBRACK: case T_LBRACE: case T_INC: case T_DEC:
	case T_OPASSIGN: case T_ASSIGN: case T_DEFINE:
		return true;
	}
	return false;
}

/* The keyword of the if/for/switch/select header the offending token is in
 * (0 if none): the nearest one before it outside any bracket still open. */
static int header_keyword(const Parser *P) {
	int depth = 0;
	for (int k = P->itok - 1; k >= 0; k--) {
		switch (P->toks[k].kind) {
		case T_RPAREN: case T_RBRACK: case T_RBRACE: depth++; break;
		case T_LPAREN: case T_LBRACK: case T_LBRACE: case T_LBODY: case T_LBRACK_TP:
			if (--depth < 0) return 0;
			break;
		case T_IF: case T_FOR: case T_SWITCH: case T_SELECT:
			if (depth == 0) return P->toks[k].kind;
			break;
		}
	}
	return 0;
}

/* The keyword of the top-level declaration the offending token ends: the
 * first token after the last semicolon outside brackets. */
static int decl_keyword(const Parser *P) {
	int depth = 0, k = P->itok - 1;
	for (; k >= 0; k--) {
		int t = P->toks[k].kind;
		if (t == T_RPAREN || t == T_RBRACK || t == T_RBRACE) depth++;
		else if (t == T_LPAREN || t == T_LBRACK || t == T_LBRACE || t == T_LBODY || t == T_LBRACK_TP) depth--;
		else if (t == T_SEMI && depth <= 0) break;
	}
	return k + 1 < P->itok ? P->toks[k + 1].kind : 0;
}

/* Is anything but a comma and continuations accepted? gc names a comma
 * only in "expecting comma, : or ]". */
static bool nacc_other(const bool *acc) {
	for (int t = 1; t <= T_LBRACK_TP; t++)
		if (acc[t] && t != T_COMMA && !continues(t)) return true;
	return false;
}

/* Words a syntax error as gc's recursive-descent parser would: from the set
 * of tokens the parser accepted just before tok, recognise which of gc's
 * contexts it was in (a statement list, an argument list, ...). */
void parse_syntax_error(Parser *P, int state, int major, const Token *tok) {
	(void)state;
	(void)major;
	char buf[256];
	const char *unexpected = tok_text(tok, buf, sizeof buf);
	Pos pos = tok->pos;
	int n = 0;
	uint16_t *st = stack_before(P, &n);
	P->snap_tok = -1; /* lemon's recovery changes the stack: snapshot again */
	bool acc[T_LBRACK_TP + 1];
	acc[0] = false;
	for (int t = 1; t <= T_LBRACK_TP; t++)
		acc[t] = st ? goparse_accepts_st(st, n, t) : goparse_accepts(P->lemon, t);
	/* what a statement terminator would lead to */
	bool after_semi_stmt = false, after_semi_decl = false;
	if (acc[T_SEMI] && st) {
		uint16_t *st2 = xmalloc(sizeof(uint16_t) * (size_t)(n + 64));
		memcpy(st2, st, sizeof(uint16_t) * (size_t)n);
		int n2 = goparse_sim(st2, n, n + 64, T_SEMI);
		if (n2 > 0) {
			after_semi_stmt = goparse_accepts_st(st2, n2, T_GO);
			after_semi_decl = goparse_accepts_st(st2, n2, T_IMPORT);
		}
		free(st2);
	}
	free(st);
	int prev = P->itok > 0 ? P->toks[P->itok - 1].kind : 0;

	if (!P->file->name && acc[T_PACKAGE]) {
		diag_syntax(pos, "syntax error: package statement must be first");
		return;
	}
	if (prev == T_ELSE) {
		diag_syntax(pos, "syntax error: else must be followed by if or statement block");
		return;
	}
	if (tok->kind == T_VAR && (prev == T_IF || prev == T_FOR || prev == T_SWITCH)) {
		const Token *next = &P->toks[P->itok + 1 < P->ntoks ? P->itok + 1 : P->itok];
		diag_syntax(next->pos, "syntax error: var declaration not allowed in %s initializer", tok_name(prev));
		return;
	}
	if (tok->kind == T_DEFINE && acc[T_ASSIGN]) { /* gc's gotAssign */
		diag_syntax(pos, "syntax error: unexpected :=, expecting =");
		return;
	}
	if (tok->kind == T_LBRACK && prev == T_FUNC && acc[T_LPAREN]) {
		diag_syntax(pos, "syntax error: function type must have no type parameters");
		return;
	}
	if (tok->kind == T_RBRACK && prev == T_LBRACK) { /* x[] */
		diag_syntax(pos, "syntax error: unexpected ], expecting operand");
		return;
	}
	if (acc[T_STRING] && !acc[T_INT] && !acc[T_SEMI] && tok->kind != T_INT && tok->kind != T_FLOAT &&
	    tok->kind != T_IMAG && tok->kind != T_CHAR) { /* an import spec without its path */
		diag_syntax(pos, "syntax error: missing import path");
		return;
	}
	if (acc[T_FUNC] && acc[T_IMPORT] && acc[T_VAR] && !acc[T_IDENT]) {
		Node *last = P->decls.tail;
		if (tok->kind == T_LBRACE && last && last->kind == N_FUNCDECL && !last->b)
			diag_syntax(pos, "syntax error: unexpected semicolon or newline before {");
		else diag_syntax(pos, "syntax error: non-declaration statement outside function body");
		return;
	}
	if (acc[T_GO] || (acc[T_CASE] && acc[T_DEFAULT] && acc[T_RBRACE] && !acc[T_SEMI])) {
		/* at the start of a statement, with a token that cannot start one:
		 * gc's statement list ends there and the block's closer is wanted */
		if (acc[T_CASE] && acc[T_DEFAULT]) diag_syntax(pos, "syntax error: unexpected %s, expecting case or default or }", unexpected);
		else diag_syntax(pos, "syntax error: unexpected %s, expecting }", unexpected);
		return;
	}
	if (after_semi_stmt) {
		diag_syntax(pos, "syntax error: unexpected %s at end of statement", unexpected);
		return;
	}
	if (after_semi_decl) {
		/* gc's file loop wants the semicolon itself after an import */
		if (decl_keyword(P) == T_IMPORT) diag_syntax(pos, "syntax error: unexpected %s, expecting semicolon or newline", unexpected);
		else diag_syntax(pos, "syntax error: unexpected %s after top level declaration", unexpected);
		return;
	}
	if (acc[T_COMMA] && acc[T_RPAREN] && acc[T_DOTDOTDOT]) {
		diag_syntax(pos, "syntax error: unexpected %s in argument list; possibly missing comma or )", unexpected);
		return;
	}
	if (acc[T_COMMA] && acc[T_RBRACE]) {
		diag_syntax(pos, "syntax error: unexpected %s in composite literal; possibly missing comma or }", unexpected);
		return;
	}
	if (acc[T_COMMA] && acc[T_RPAREN]) {
		diag_syntax(pos, "syntax error: unexpected %s in parameter list; possibly missing comma or )", unexpected);
		return;
	}
	if (acc[T_SEMI] && acc[T_RPAREN]) {
		diag_syntax(pos, "syntax error: unexpected %s in grouped declaration; possibly missing semicolon or newline or )", unexpected);
		return;
	}
	if (acc[T_TILDE] && acc[T_RBRACE] && !acc[T_INT]) {
		diag_syntax(pos, "syntax error: unexpected %s, expecting ~ term or type", unexpected);
		return;
	}
	if (acc[T_SEMI] && acc[T_RBRACE]) {
		diag_syntax(pos, "syntax error: unexpected %s in %s type; possibly missing semicolon or newline or }",
		            unexpected, acc[T_STRING] ? "struct" : "interface");
		return;
	}
	if (tok->kind == 0 && (acc[T_RPAREN] || acc[T_RBRACE] || acc[T_RBRACK])) {
		/* gc's lists stop at EOF and want their closer */
		diag_syntax(pos, "syntax error: unexpected EOF, expecting %s",
		            acc[T_RPAREN] ? ")" : acc[T_RBRACE] ? "}" : "]");
		return;
	}
	if (acc[T_INT]) {
		if (tok->kind == T_LBODY && prev == T_SEMI && header_keyword(P) == T_FOR)
			diag_syntax(pos, "syntax error: unexpected {, expecting for loop condition");
		else diag_syntax(pos, "syntax error: unexpected %s, expecting expression", unexpected);
		return;
	}
	if (acc[T_MAP] && acc[T_CHAN] && acc[T_STRUCT]) {
		int prev2 = P->itok > 1 ? P->toks[P->itok - 2].kind : 0;
		if (prev == T_CHAN || (prev == T_ARROW && prev2 == T_CHAN))
			diag_syntax(pos, "syntax error: missing channel element type");
		else if (prev == T_DOTDOTDOT) diag_syntax(pos, "syntax error: ... is missing type");
		else if (prev == T_IDENT && prev2 == T_TYPE)
			diag_syntax(pos, "syntax error: unexpected %s in type declaration", unexpected);
		else diag_syntax(pos, "syntax error: unexpected %s, expecting type", unexpected);
		return;
	}
	if (acc[T_LBODY]) {
		/* in the header of if/for/switch/select */
		int kw = header_keyword(P);
		if (acc[T_SEMI] || !kw) diag_syntax(pos, "syntax error: unexpected %s, expecting {", unexpected);
		else if (kw == T_IF || kw == T_FOR)
			diag_syntax(pos, "syntax error: unexpected %s, expecting { after %s clause", unexpected, tok_name(kw));
		else diag_syntax(pos, "syntax error: missing { after %s clause", tok_name(kw));
		return;
	}
	int want[4], nw = 0;
	for (int t = 1; t <= T_LBRACK_TP; t++)
		if (acc[t] && !continues(t) && !(t == T_COMMA && nacc_other(acc))) {
			if (nw < 4) want[nw] = t;
			nw++;
		}
	if (nw == 0) /* only continuations: name them */
		for (int t = 1; t <= T_LBRACK_TP; t++)
			if (acc[t]) {
				if (nw < 4) want[nw] = t;
				nw++;
			}
	if (nw == 2 && want[0] == T_RBRACK && acc[T_COMMA] && acc[T_COLON]) {
		diag_syntax(pos, "syntax error: unexpected %s, expecting comma, : or ]", unexpected);
		return;
	}
	if (nw <= 2 && acc[T_IDENT] && (nw == 1 || acc[T_LPAREN])) {
		if (prev == T_FUNC && acc[T_LPAREN]) diag_syntax(pos, "syntax error: unexpected %s, expecting name or (", unexpected);
		else diag_syntax(pos, "syntax error: unexpected %s, expecting name", unexpected);
		return;
	}
	const char *w0 = nw > 0 ? (want[0] == T_LBODY ? "{" : tok_name(want[0])) : "";
	const char *w1 = nw > 1 ? (want[1] == T_LBODY ? "{" : tok_name(want[1])) : "";
	if (nw == 1) diag_syntax(pos, "syntax error: unexpected %s, expecting %s", unexpected, w0);
	else if (nw == 2) diag_syntax(pos, "syntax error: unexpected %s, expecting %s or %s", unexpected, w0, w1);
	else diag_syntax(pos, "syntax error: unexpected %s", unexpected);
}

/* ---- the classification pass ---------------------------------------------- */

static bool ends_operand(int k) {
	switch (k) {
	case T_IDENT: case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
	case T_RPAREN: case T_RBRACK: case T_RBRACE:
		return true;
	}
	return false;
}

/* Index just past the bracketed group opening at i ('(' '[' or '{'). */
static int skip_group(const Token *t, int n, int i) {
	int depth = 0;
	for (; i < n; i++) {
		switch (t[i].kind) {
		case T_LPAREN: case T_LBRACK: case T_LBRACE: case T_LBRACK_TP: case T_LBODY: depth++; break;
		case T_RPAREN: case T_RBRACK: case T_RBRACE:
			if (--depth == 0) return i + 1;
			break;
		}
	}
	return n;
}

static bool starts_type(int k) {
	switch (k) {
	case T_IDENT: case T_LBRACK: case T_STAR: case T_MAP: case T_CHAN: case T_FUNC:
	case T_STRUCT: case T_INTERFACE: case T_ARROW: case T_LPAREN:
		return true;
	}
	return false;
}

/* Index just past the type starting at i. */
static int skip_type(const Token *t, int n, int i, int depth) {
	if (i >= n || depth > 200) return n;
	switch (t[i].kind) {
	case T_IDENT:
		i++;
		if (i + 1 < n && t[i].kind == T_DOT && t[i + 1].kind == T_IDENT) i += 2;
		if (i < n && t[i].kind == T_LBRACK) i = skip_group(t, n, i);
		return i;
	case T_LBRACK: return skip_type(t, n, skip_group(t, n, i), depth + 1);
	case T_STAR: return skip_type(t, n, i + 1, depth + 1);
	case T_MAP: return skip_type(t, n, skip_group(t, n, i + 1), depth + 1);
	case T_CHAN:
		i++;
		if (i < n && t[i].kind == T_ARROW) i++;
		return skip_type(t, n, i, depth + 1);
	case T_ARROW: return skip_type(t, n, i + 2, depth + 1);
	case T_FUNC:
		i = skip_group(t, n, i + 1);
		if (i < n && t[i].kind == T_LPAREN) return skip_group(t, n, i);
		if (i < n && t[i].kind != T_LBRACE && starts_type(t[i].kind)) return skip_type(t, n, i, depth + 1);
		return i;
	case T_STRUCT: case T_INTERFACE: return skip_group(t, n, i + 1);
	case T_LPAREN: return skip_group(t, n, i);
	}
	return i;
}

/* `type Name [` at i: a type parameter list or an array length? gc parses
 * an expression and splits it (syntax/parser.go: typeDecl, extractName);
 * this decides on the same shapes from the tokens. */
static bool is_tparam_list(const Token *t, int n, int i) {
	int j = i + 1;
	if (j >= n || t[j].kind != T_IDENT) return false;
	int k = j + 1;
	if (k >= n || t[k].kind == T_RBRACK) return false;
	/* a comma at the list's own level forces a parameter list */
	int end = skip_group(t, n, i) - 1, depth = 0;
	for (int q = k; q < end; q++) {
		switch (t[q].kind) {
		case T_LPAREN: case T_LBRACK: case T_LBRACE: depth++; break;
		case T_RPAREN: case T_RBRACK: case T_RBRACE: depth--; break;
		case T_COMMA: if (depth == 0) return true; break;
		}
	}
	switch (t[k].kind) {
	case T_IDENT: case T_INTERFACE: case T_STRUCT: case T_FUNC: case T_CHAN:
	case T_MAP: case T_TILDE: case T_ARROW:
		return true;
	case T_LBRACK: {
		int m = skip_group(t, n, k);
		return !(m < n && t[m].kind == T_RBRACK);
	}
	case T_STAR: {
		if (k + 1 < n) {
			switch (t[k + 1].kind) {
			case T_INTERFACE: case T_STRUCT: case T_LBRACK: case T_MAP: case T_CHAN: case T_FUNC: case T_TILDE:
				return true;
			}
		}
		for (int q = k; q < end; q++)
			if (t[q].kind == T_TILDE) return true;
		return false;
	}
	}
	return false;
}

enum { F_PAREN, F_BRACE, F_HEADER };

/* Brackets nested deeper than this are an error, as go/parser's
 * maxNestLev (gofmt: "exceeded max nesting depth"): the tree walks below
 * recurse, and a million nested blocks would overflow the C stack. */
enum { MAX_NEST = 100000 };

static bool nest_too_deep;
static void too_deep(const Token *t) {
	diag_error(t->pos, "exceeded max nesting depth");
	nest_too_deep = true;
}

/* The tokens classify looks at; it skips the others (most of a file:
 * names, literals, operators) at the cost of one load. */
static const bool classified[T_LBRACK_TP + 1] = {
	[T_IF] = true, [T_FOR] = true, [T_SWITCH] = true, [T_SELECT] = true, [T_COLON] = true,
	[T_STRUCT] = true, [T_INTERFACE] = true, [T_TYPE] = true, [T_MAP] = true, [T_FUNC] = true,
	[T_LPAREN] = true, [T_LBRACK] = true, [T_LBRACE] = true, [T_RPAREN] = true, [T_RBRACK] = true,
	[T_RBRACE] = true, [T_LBRACK_TP] = true,
};

static void classify(Token *t, int n) {
	VEC(uint8_t) stack = {0};
	uint8_t *mark = calloc((size_t)n + 1, 1); /* braces that are not bodies */
	int typegroup = -1; /* stack depth of an open `type (` group */
	for (int i = 0; i < n; i++) {
		int k = t[i].kind;
		if (!classified[k]) continue;
		bool header = stack.n > 0 && stack.v[stack.n - 1] == F_HEADER;
		switch (k) {
		case T_IF: case T_FOR: case T_SWITCH: case T_SELECT:
			vec_push(&stack, F_HEADER);
			continue;
		case T_COLON:
			/* A label must label a statement; before `case` or `default`
			 * there is none (gc: labeledStmtOrNil). */
			if (i >= 2 && i + 1 < n && t[i - 1].kind == T_IDENT &&
			    (t[i + 1].kind == T_CASE || t[i + 1].kind == T_DEFAULT)) {
				int b = t[i - 2].kind;
				if (b == T_SEMI || b == T_LBRACE || b == T_LBODY || b == T_COLON)
					diag_syntax(t[i].pos, "syntax error: missing statement after label");
			}
			break;
		case T_STRUCT: case T_INTERFACE:
			if (i + 1 < n && t[i + 1].kind == T_LBRACE) mark[i + 1] = 1;
			break;
		case T_TYPE:
			if (i + 1 < n && t[i + 1].kind == T_LPAREN) typegroup = stack.n + 1;
			else if (i + 2 < n && t[i + 1].kind == T_IDENT && t[i + 2].kind == T_LBRACK && is_tparam_list(t, n, i + 2))
				t[i + 2].kind = T_LBRACK_TP;
			break;
		case T_LBRACK:
			if (typegroup == stack.n && i >= 2 && t[i - 1].kind == T_IDENT &&
			    (t[i - 2].kind == T_SEMI || t[i - 2].kind == T_LPAREN) && is_tparam_list(t, n, i)) {
				t[i].kind = T_LBRACK_TP;
				k = T_LBRACK_TP;
			}
			break;
		}
		/* Inside a header, a type literal in operand position may be followed
		 * by its composite literal's brace, and a func literal by its body. */
		if (header && (k == T_LBRACK || k == T_MAP || k == T_STRUCT || k == T_FUNC) &&
		    !(k == T_LBRACK && i > 0 && ends_operand(t[i - 1].kind))) {
			int j = skip_type(t, n, i, 0);
			if (j < n && t[j].kind == T_LBRACE) mark[j] = 1;
		}
		switch (k) {
		case T_LPAREN: case T_LBRACK: case T_LBRACK_TP:
			vec_push(&stack, F_PAREN);
			if (stack.n == MAX_NEST + 1) too_deep(&t[i]);
			break;
		case T_RPAREN: case T_RBRACK:
			while (stack.n > 0 && stack.v[stack.n - 1] == F_HEADER) stack.n--;
			if (stack.n > 0 && stack.v[stack.n - 1] == F_PAREN) stack.n--;
			if (typegroup > stack.n) typegroup = -1;
			break;
		case T_LBRACE:
			if (header && !mark[i]) {
				t[i].kind = T_LBODY;
				stack.n--;
			}
			vec_push(&stack, F_BRACE);
			if (stack.n == MAX_NEST + 1) too_deep(&t[i]);
			break;
		case T_RBRACE:
			while (stack.n > 0 && stack.v[stack.n - 1] != F_BRACE) stack.n--;
			if (stack.n > 0) stack.n--;
			break;
		}
	}
	free(mark);
	free(stack.v);
}

/* ---- value checks ------------------------------------------------------------
 * Types are expressions in this grammar, so a type literal can stand where
 * only a value may (x = []int, return func()). gofmt's parser rejects those
 * (go/parser checkExpr), and so does gc's checker; this walk reports them,
 * along with the other shapes the grammar is too lenient about: [...]T
 * outside a composite literal, non-names left of :=, go/defer without a
 * call, more than two range variables, parenthesized composite literal
 * types, non-types in type switch cases and missing constant values. */

static bool is_typelit(const Node *n) {
	switch (n->kind) {
	case N_ARRAYTYPE: case N_SLICETYPE: case N_STRUCTTYPE: case N_FUNCTYPE:
	case N_INTERFACETYPE: case N_MAPTYPE: case N_CHANTYPE:
		return true;
	}
	return false;
}

static const Node *unparen(const Node *n) {
	while (n && n->kind == N_PAREN) n = n->a;
	return n;
}

/* In a type switch, a case that cannot be a type (gc: "expecting type"). */
static bool bad_type_case(const Node *e) {
	const Node *u = unparen(e);
	return u->kind == N_BASICLIT || u->kind == N_BINARY || u->kind == N_CALL || u->kind == N_COMPOSITELIT ||
	       u->kind == N_FUNCLIT || (u->kind == N_UNARY && u->op != T_STAR && u->op != T_ARROW);
}

static bool bad_import_path(const Node *p) {
	if (p->flags & NF_BAD) return false; /* reported by the lexer */
	if (p->litlen <= 2) return true;
	for (uint32_t i = 1; i + 1 < p->litlen; i++) {
		unsigned char c = (unsigned char)p->lit[i];
		if (c < 0x21 || c == '\\' || strchr("!\"#$%&'()*,:;<=>?[]^`{|}", c)) return true;
	}
	return false;
}

/* When the walk must run. It reads every node of the file again (a tenth
 * of goc tool syntax's time) and finds nothing in almost every file, so the
 * node builders note, conservatively, what it could report, and parse_file
 * walks only the files where they noted something. Whether a type literal
 * is an error depends on where it stands, so the parent that puts a node
 * where only a value may calls need_value; a [...]T operand is an error
 * unless a composite literal takes it, which the count settles. A build
 * with GOC_VERIFY_WALK (the fuzzer's) walks every file and aborts if the
 * walk reports something the builders missed. */
static bool walk_needed;
static int dots_operands; /* [...]T operands not taken by a composite literal */

void need_walk(void) { walk_needed = true; }

void need_value(const Node *x) {
	const Node *u = unparen(x);
	if (u && is_typelit(u)) walk_needed = true;
}

void need_values(const Node *l) {
	for (; l; l = l->next) need_value(l);
}

void note_operand_type(const Node *t) {
	if (t->kind == N_ARRAYTYPE && !t->a) dots_operands++;
}

void note_complit_type(const Node *t) {
	if (t->kind == N_PAREN) walk_needed = true;
	else if (t->kind == N_ARRAYTYPE && !t->a) dots_operands--;
}

void const_specs_at(Node *spec, int iota) {
	spec->iota = iota;
	if (!spec->list2 && (spec->a || iota == 0)) walk_needed = true;
}

Node *rangeclause(const Token *at, List lhs, int op, Node *x) {
	Node *n = mk(N_RANGECLAUSE, at->pos);
	n->list = lhs.head;
	n->op = (uint8_t)op;
	n->a = x;
	need_values(lhs.head);
	need_value(x);
	if (lhs.n > 2) walk_needed = true;
	if (op == T_DEFINE)
		for (const Node *l = lhs.head; l; l = l->next)
			if (l->kind != N_NAME) walk_needed = true;
	return n;
}

/* ctx: what the node stands for where it occurs */
enum { C_TYPE, C_VALUE, C_EXPRTYPE };
static void walk(const Node *n, int ctx);

static void walk_list(const Node *l, int ctx) {
	for (; l; l = l->next) walk(l, ctx);
}

static void value_of(const Node *n) {
	const Node *u = unparen(n);
	if (u && is_typelit(u)) diag_syntax(u->pos, "syntax error: unexpected type, expecting expression");
	walk(n, C_VALUE);
}

static void values(const Node *l) {
	for (; l; l = l->next) value_of(l);
}

static void walk_type(const Node *n) { walk(n, C_TYPE); }

static void walk(const Node *n, int ctx) {
	if (!n) return;
	switch (n->kind) {
	case N_NAME: case N_BASICLIT: case N_BAD: case N_EMPTYSTMT: case N_BRANCH:
		return;
	case N_COMPOSITELIT:
		if (n->a) {
			if (n->a->kind == N_PAREN) diag_syntax(n->pos, "syntax error: cannot parenthesize type in composite literal"); /* at the {, as gc */
			if (n->a->kind == N_ARRAYTYPE && !n->a->a) walk_type(n->a->b); /* [...]T{} is fine here */
			else walk_type(n->a);
		}
		for (const Node *e = n->list; e; e = e->next) {
			if (e->kind == N_KEYVALUE) {
				walk(e->a, C_VALUE);
				walk(e->b, C_VALUE);
			} else walk(e, C_VALUE);
		}
		return;
	case N_FUNCLIT: walk_type(n->a); walk(n->b, C_TYPE); return;
	case N_PAREN: walk(n->a, ctx == C_TYPE ? C_TYPE : C_EXPRTYPE); return;
	case N_SELECTOR: walk(n->a, C_EXPRTYPE); return;
	case N_INDEX: walk(n->a, ctx == C_TYPE ? C_TYPE : C_VALUE); walk_list(n->list, ctx == C_TYPE ? C_TYPE : C_EXPRTYPE); return;
	case N_SLICE: value_of(n->a); walk(n->b, C_VALUE); walk(n->c, C_VALUE); walk(n->d, C_VALUE); return;
	case N_ASSERT: value_of(n->a); walk_type(n->b); return;
	case N_TYPESWITCHGUARD: value_of(n->a); return;
	case N_CALL: walk(n->a, C_EXPRTYPE); walk_list(n->list, C_EXPRTYPE); return;
	case N_UNARY:
		if (n->op == T_STAR || n->op == T_TILDE) walk(n->a, ctx == C_TYPE ? C_TYPE : C_EXPRTYPE);
		else value_of(n->a);
		return;
	case N_BINARY:
		if (n->op == T_OR && ctx == C_TYPE) { walk_type(n->a); walk_type(n->b); return; } /* unions */
		value_of(n->a);
		value_of(n->b);
		return;
	case N_KEYVALUE: walk(n->a, C_VALUE); walk(n->b, C_VALUE); return;
	case N_ARRAYTYPE:
		/* [...]T outside a composite literal: gc's checker reports it (types2), gofmt's parser */
		if (!n->a && ctx != C_TYPE && parse_gofmt_checks) diag_syntax(n->pos, "invalid use of [...] array (outside a composite literal)");
		else if (n->a) walk(n->a, C_VALUE);
		walk_type(n->b);
		return;
	case N_SLICETYPE: case N_DOTSTYPE: case N_CHANTYPE: walk_type(n->b); return;
	case N_MAPTYPE: walk_type(n->a); walk_type(n->b); return;
	case N_STRUCTTYPE: case N_INTERFACETYPE:
		for (const Node *f = n->list; f; f = f->next) walk_type(f->a);
		return;
	case N_FIELD: walk_type(n->a); return;
	case N_FUNCTYPE:
		for (const Node *f = n->list; f; f = f->next) walk_type(f->a);
		for (const Node *f = n->list2; f; f = f->next) walk_type(f->a);
		return;
	case N_LABELED: walk(n->a, C_TYPE); return;
	case N_BLOCK: walk_list(n->list, C_TYPE); return;
	case N_EXPRSTMT: value_of(n->a); return;
	case N_SENDSTMT: value_of(n->a); value_of(n->b); return;
	case N_ASSIGN:
		if (n->op == T_DEFINE)
			for (const Node *l = n->list; l; l = l->next)
				if (l->kind != N_NAME) diag_syntax(node_startpos(l), "non-name %s on left side of :=", expr_string(l));
		values(n->list);
		values(n->list2);
		return;
	case N_GOSTMT: case N_DEFERSTMT: {
		const char *what = n->kind == N_GOSTMT ? "go" : "defer";
		if (n->a->kind == N_PAREN) diag_syntax(n->a->pos, "expression in %s must not be parenthesized", what);
		else if (n->a->kind != N_CALL) diag_syntax(n->a->pos, "expression in %s must be function call", what);
		walk(n->a, C_VALUE);
		return;
	}
	case N_RETURN: values(n->list); return;
	case N_IF: walk(n->a, C_TYPE); if (n->b) value_of(n->b); walk(n->c, C_TYPE); walk(n->d, C_TYPE); return;
	case N_FOR:
		walk(n->a, C_TYPE);
		if (n->b) value_of(n->b);
		walk(n->c, C_TYPE);
		walk(n->d, C_TYPE);
		return;
	case N_RANGECLAUSE:
		if (list_len(n->list) > 2) diag_syntax(n->list->next->next->pos, "range clause permits at most two iteration variables");
		if (n->op == T_DEFINE)
			for (const Node *l = n->list; l; l = l->next)
				if (l->kind != N_NAME) diag_syntax(node_startpos(l), "non-name %s on left side of :=", expr_string(l));
		values(n->list);
		value_of(n->a);
		return;
	case N_SWITCH: {
		walk(n->a, C_TYPE);
		bool ts = n->b && n->b->kind == N_TYPESWITCHGUARD;
		if (n->b) value_of(n->b);
		for (const Node *c = n->list; c; c = c->next) {
			for (const Node *e = c->list; e; e = e->next) {
				if (ts && bad_type_case(e)) diag_syntax(e->pos, "syntax error: unexpected expression, expecting type");
				if (ts) walk(e, C_TYPE);
				else value_of(e);
			}
			walk_list(c->list2, C_TYPE);
		}
		return;
	}
	case N_SELECT:
		for (const Node *c = n->list; c; c = c->next) {
			walk(c->a, C_TYPE);
			walk_list(c->list2, C_TYPE);
		}
		return;
	case N_DECLSTMT: walk_list(n->list, C_TYPE); return;
	case N_CONSTDECL:
		walk_type(n->a);
		if (!n->list2 && (n->a || n->iota == 0)) {
			/* not a syntax error for gc: the type checker still runs (and stays quiet on the spec) */
			diag_soft(n->pos, "missing init expr for %s", n->list->name->s);
			((Node *)n)->flags |= NF_BAD;
		}
		values(n->list2);
		return;
	case N_VARDECL: walk_type(n->a); values(n->list2); return;
	case N_TYPEDECL:
		for (const Node *f = n->list; f; f = f->next) walk_type(f->a);
		walk_type(n->a);
		return;
	case N_FUNCDECL:
		for (const Node *f = n->c; f; f = f->next) walk_type(f->a);
		for (const Node *f = n->list; f; f = f->next) walk_type(f->a);
		walk_type(n->a);
		walk(n->b, C_TYPE);
		return;
	case N_IMPORTDECL: {
		const Node *p = n->a;
		if (bad_import_path(p)) diag_syntax(p->pos, "invalid import path: %.*s", (int)p->litlen, p->lit);
		return;
	}
	case N_FILE: walk_list(n->list, C_TYPE); return;
	}
}

/* ---- misplaced //go: directives ------------------------------------------------ */

/* gc's noder (pragmaFlag, checkUnused): a //go: directive with a meaning
 * applies to the declaration that follows it: function directives to a
 * top-level func, //go:notinheap to a (non-alias) type spec. Anywhere else
 * it is a "misplaced compiler directive" (reported at the "go:"); gc does
 * not count it as a syntax error. Directives without a flag (go:build,
 * go:linkname, go:embed, unknown ones) are never reported here. */
static int directive_kind(const Directive *d) { /* 0 none, 1 function, 2 notinheap, 3 build */
	static const char *funcs[] = {"noescape", "norace", "nosplit", "noinline", "nocheckptr", "systemstack", "nowritebarrier",
	                              "nowritebarrierrec", "yeswritebarrierrec", "cgo_unsafe_args", "uintptrkeepalive",
	                              "uintptrescapes", "registerparams"};
	if (d->len < 4 || memcmp(d->text, "go:", 3) != 0) return 0;
	const char *v = d->text + 3;
	uint32_t n = 0;
	while (3 + n < d->len && v[n] != ' ' && v[n] != '\t' && v[n] != '\r' && v[n] != '\n') n++;
	if (n == 9 && !memcmp(v, "notinheap", 9)) return 2;
	if (n == 5 && !memcmp(v, "build", 5)) return 3; /* a build constraint: before the package clause */
	for (size_t i = 0; i < sizeof funcs / sizeof *funcs; i++)
		if (strlen(funcs[i]) == n && !memcmp(v, funcs[i], n)) return 1;
	return 0;
}

static bool in_decl_group(const Token *t, int j, int *declkw) {
	/* is token j the first of a spec in a parenthesized declaration? *declkw: its keyword */
	if (j < 1 || (t[j - 1].kind != T_SEMI && t[j - 1].kind != T_LPAREN)) return false;
	int depth = 0;
	for (int k = j - 1; k >= 1; k--) {
		if (t[k].kind == T_RPAREN) depth++;
		else if (t[k].kind == T_LPAREN) {
			if (depth > 0) {
				depth--;
				continue;
			}
			*declkw = t[k - 1].kind;
			return *declkw == T_TYPE || *declkw == T_VAR || *declkw == T_CONST || *declkw == T_IMPORT;
		} else if (t[k].kind == T_LBRACE || t[k].kind == T_RBRACE || t[k].kind == T_LBODY) return false;
	}
	return false;
}

/* Directives a declaration took but does not allow: gc reports them after
 * type checking, and only if there were no errors before. */
static VEC(Pos) late_directives;

int parse_late_directives_count(void) { return late_directives.n; }

void parse_report_late_directives(int n) {
	for (int i = 0; i < n && i < late_directives.n; i++) diag_error(late_directives.v[i], "misplaced compiler directive");
	late_directives.n = 0;
}

static bool on_own_line(const Source *src, Pos p) {
	for (uint32_t o = p - src->base; o > 0; o--) {
		uint8_t ch = src->text[o - 1];
		if (ch == '\n') return true;
		if (ch != ' ' && ch != '\t' && ch != '\r') return false;
	}
	return true;
}

static void check_directives(const Lexer *lx, const Token *t, int nt) {
	int di = 0, depth = 0;
	const Directive *dv = lx->directives.v;
	int nd = lx->directives.n;
	for (int j = 0; j < nt && di < nd; j++) {
		if (t[j].kind == T_SEMI && t[j].op != SEMI_EXPLICIT) continue; /* a newline's: not what follows a directive */
		while (di < nd && (t[j].kind == 0 || dv[di].pos < t[j].pos)) {
			const Directive *d = &dv[di++];
			Pos at = d->pos + 2;
			if (d->len >= 3 && !memcmp(d->text, "go:", 3) && !on_own_line(lx->src, d->pos)) {
				diag_soft(at, "misplaced compiler directive"); /* "must be on a line by itself" */
				continue;
			}
			int kind = directive_kind(d);
			if (!kind) continue;
			if (kind == 3) {
				if (t[j].kind != T_PACKAGE) diag_soft(at, "misplaced compiler directive");
				continue;
			}
			/* which declaration takes it, if any (else the parser drops it: reported now) */
			int kw = 0, name = -1;
			if (t[j].kind == T_PACKAGE) kw = T_PACKAGE; /* the package clause takes them (and allows none) */
			else if (t[j].kind == T_FUNC && depth == 0) kw = T_FUNC;
			else if ((t[j].kind == T_TYPE || t[j].kind == T_VAR || t[j].kind == T_CONST || t[j].kind == T_IMPORT) && j + 1 < nt &&
			         t[j + 1].kind != T_LPAREN)
				kw = t[j].kind, name = j + 1;
			else if (in_decl_group(t, j, &kw)) name = j;
			if (!kw) {
				diag_soft(at, "misplaced compiler directive");
				continue;
			}
			bool ok = (kw == T_FUNC && kind == 1) || (kw == T_TYPE && kind == 2 && name + 1 < nt && t[name + 1].kind != T_ASSIGN);
			if (!ok) vec_push(&late_directives, at);
		}
		if (t[j].kind == T_LBRACE || t[j].kind == T_LBODY) depth++;
		else if (t[j].kind == T_RBRACE && depth > 0) depth--;
		if (t[j].kind == 0) break;
	}
}

/* ---- driver ---------------------------------------------------------------- */

static void *lemon_malloc(size_t n) { return xmalloc(n); }

ParsedFile *parse_file(const Source *src) {
	Lexer lx;
	lex_init(&lx, src);
	/* The token array is kept from file to file: growing a fresh one (and
	 * faulting in its pages) for every file was a visible cost. Go source
	 * has about one token per 5 bytes; the array grows if a file has more. */
	static TokenVec toks;
	if ((size_t)toks.cap < (size_t)src->len / 3 + 16) {
		free(toks.v);
		toks.cap = (int)((size_t)src->len / 3 + 16 > 4096 ? (size_t)src->len / 3 + 16 : 4096);
		toks.v = xmalloc(sizeof(Token) * (size_t)toks.cap);
	}
	lex_all(&lx, &toks);
	nest_too_deep = false;
	walk_needed = false;
	dots_operands = 0;
	classify(toks.v, toks.n);

	int errors_before = diag_count();
	Parser P = {0};
	P.file = mk(N_FILE, src->base);
	P.toks = toks.v;
	P.ntoks = toks.n;
	P.lemon = goparseAlloc(lemon_malloc);
	P.snap_tok = -1;
	for (int i = 0; i < toks.n && !P.failed; i++) {
		P.itok = i;
		if (P.snap_tok < 0 || i - P.snap_tok >= 32) { /* cheap: every 32 tokens */
			int n = goparse_stack(P.lemon, P.snap, P.snap_cap);
			if (n > P.snap_cap) {
				P.snap_cap = n + 64;
				P.snap = xrealloc(P.snap, sizeof(uint16_t) * (size_t)P.snap_cap);
				n = goparse_stack(P.lemon, P.snap, P.snap_cap);
			}
			P.snap_n = n;
			P.snap_tok = i;
		}
		P.tok_pos = toks.v[i].pos;
		goparse(P.lemon, toks.v[i].kind, toks.v[i], &P);
	}
	goparseFree(P.lemon, free);
	free(P.snap);
	P.file->list = P.decls.head;
	if (diag_count() == errors_before && !nest_too_deep) {
		bool needed = walk_needed || dots_operands != 0;
#ifdef GOC_VERIFY_WALK
		walk(P.file, C_TYPE);
		if (!needed && diag_count() != errors_before) {
			fprintf(stderr, "goc: the value checks reported what the parser did not note\n");
			abort();
		}
#else
		if (needed) walk(P.file, C_TYPE);
#endif
	}
	if (diag_count() == errors_before && !parse_gofmt_checks) check_directives(&lx, toks.v, toks.n);

	ParsedFile *pf = NEW(ParsedFile);
	pf->file = P.file;
	pf->src = src;
	pf->directives.v = lx.directives.v;
	pf->directives.n = lx.directives.n;
	pf->directives.cap = lx.directives.cap;
	pf->ntokens = toks.n;
	return pf;
}
