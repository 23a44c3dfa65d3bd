/* branches.c: labels and branch statements of one function body.
 *
 * The algorithm is gc's (syntax/branches.go): walk the body block by block,
 * keeping the enclosing targets of break, continue and fallthrough; declare
 * labels in one function-wide scope; resolve gotos backward at once and
 * forward ones when their label appears in the same or an enclosing block,
 * remembering variable declarations a forward goto would jump over. What
 * remains unresolved at the end jumps into a block or names no label. Each
 * branch statement gets its target in Node.c (the for, switch or select it
 * leaves or continues, or the labeled statement a goto goes to), which is
 * what code generation uses.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check_int.h"

typedef struct Block Block;
struct Block {
	Block *parent;
	Pos start;
	Node *lstmt; /* labeled statement associated with this block */
};

typedef struct Label {
	Block *parent;
	Node *lstmt;
	bool used;
} Label;

typedef struct LabelScope {
	VEC(Label *) labels;
} LabelScope;

typedef struct Targets {
	Node *breaks;    /* for, switch, select or NULL */
	Node *continues; /* for or NULL */
	int caseIndex;   /* index of the enclosing case clause, or -1 */
	int ncases;
} Targets;

typedef VEC(Node *) NodeVec;

static const char *pos_string(Pos p) {
	LineCol lc = pos_linecol(p);
	return arena_printf(g_arena, "%s:%d:%d", lc.src ? lc.src->name : "?", lc.line, lc.col);
}

static Label *lookup(LabelScope *ls, const Str *name) {
	for (int i = 0; i < ls->labels.n; i++)
		if (ls->labels.v[i]->lstmt->name == name) return ls->labels.v[i];
	return NULL;
}

static Label *declare_label(LabelScope *ls, Block *b, Node *s) {
	Label *alt = lookup(ls, s->name);
	if (alt) {
		diag_error(s->pos, "label %s already defined at %s", s->name->s, pos_string(alt->lstmt->pos));
		return alt;
	}
	Label *l = NEW(Label);
	l->parent = b;
	l->lstmt = s;
	vec_push(&ls->labels, l);
	return l;
}

static Node *goto_target(LabelScope *ls, Block *b, const Str *name) {
	Label *l = lookup(ls, name);
	if (!l) return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->parent == b) return l->lstmt;
	return NULL;
}

static Node invalid_target;

static Node *enclosing_target(LabelScope *ls, Block *b, const Str *name) {
	Label *l = lookup(ls, name);
	if (!l) return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->lstmt == b->lstmt) return l->lstmt;
	return &invalid_target;
}

static NodeVec block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start, Node *body);

static void inner_block(LabelScope *ls, Block *b, Targets ctxt, Node *lstmt, Pos start, Node *body, NodeVec *fwd) {
	NodeVec inner = block_branches(ls, b, ctxt, lstmt, start, body);
	for (int i = 0; i < inner.n; i++) vec_push(fwd, inner.v[i]);
	free(inner.v);
}

static NodeVec block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start, Node *body) {
	Block *b = NEW(Block);
	b->parent = parent;
	b->start = start;
	b->lstmt = lstmt;
	Pos varpos = NOPOS;
	const char *varname = NULL;
	NodeVec fwd = {0}, bad = {0};
	/* a fallthrough counts as last even if empty statements follow it */
	int nstmts = 0;
	for (Node *s = body; s; s = s->next) nstmts++;
	while (nstmts > 0) {
		Node *last = body;
		for (int i = 1; i < nstmts; i++) last = last->next;
		if (last->kind != N_EMPTYSTMT) break;
		nstmts--;
	}
	int index = 0;
	for (Node *stmt = body; stmt && index < nstmts; stmt = stmt->next, index++) {
		Node *s = stmt;
		lstmt = NULL;
	again:
		switch (s->kind) {
		case N_DECLSTMT:
			for (Node *d = s->list; d; d = d->next)
				if (d->kind == N_VARDECL) {
					varpos = d->pos;
					varname = d->list->name->s;
					bad.n = 0;
					for (int i = 0; i < fwd.n; i++) vec_push(&bad, fwd.v[i]);
					break;
				}
			break;
		case N_LABELED:
			if (!(s->name->len == 1 && s->name->s[0] == '_')) {
				Label *l = declare_label(ls, b, s);
				int keep = 0;
				for (int i = 0; i < fwd.n; i++) {
					Node *g = fwd.v[i];
					if (g->name == s->name) {
						g->c = s;
						l->used = true;
						bool over = false;
						if (varpos)
							for (int k = 0; k < bad.n; k++)
								if (bad.v[k] == g) over = true;
						if (over)
							diag_error((g->end ? g->end : g->pos), "goto %s jumps over declaration of %s at %s", s->name->s, varname, pos_string(varpos));
					} else fwd.v[keep++] = g;
				}
				fwd.n = keep;
				lstmt = s;
			}
			s = s->a;
			goto again;
		case N_BRANCH:
			if (!s->name) {
				switch (s->op) {
				case T_BREAK:
					if (ctxt.breaks) s->c = ctxt.breaks;
					else diag_error(s->pos, "break is not in a loop, switch, or select");
					break;
				case T_CONTINUE:
					if (ctxt.continues) s->c = ctxt.continues;
					else diag_error(s->pos, "continue is not in a loop");
					break;
				case T_FALLTHROUGH: {
					const char *msg = "fallthrough statement out of place";
					Node *sw = ctxt.breaks && ctxt.breaks->kind == N_SWITCH ? ctxt.breaks : NULL;
					if (sw) {
						if (sw->b && sw->b->kind == N_TYPESWITCHGUARD) msg = "cannot fallthrough in type switch";
						else if (ctxt.caseIndex < 0 || index + 1 < nstmts) {
						} else if (ctxt.caseIndex + 1 == ctxt.ncases) msg = "cannot fallthrough final case in switch";
						else {
							s->c = sw;
							break;
						}
					}
					diag_error(s->pos, "%s", msg);
					break;
				}
				}
				break;
			}
			switch (s->op) {
			case T_BREAK: {
				Node *t = enclosing_target(ls, b, s->name);
				if (!t) diag_error((s->end ? s->end : s->pos), "break label not defined: %s", s->name->s);
				else if (t == &invalid_target || !(t->a->kind == N_SWITCH || t->a->kind == N_SELECT || t->a->kind == N_FOR))
					diag_error((s->end ? s->end : s->pos), "invalid break label %s", s->name->s);
				else s->c = t->a;
				break;
			}
			case T_CONTINUE: {
				Node *t = enclosing_target(ls, b, s->name);
				if (!t) diag_error((s->end ? s->end : s->pos), "continue label not defined: %s", s->name->s);
				else if (t == &invalid_target || t->a->kind != N_FOR) diag_error((s->end ? s->end : s->pos), "invalid continue label %s", s->name->s);
				else s->c = t->a;
				break;
			}
			case T_GOTO: {
				Node *t = goto_target(ls, b, s->name);
				if (t) s->c = t;
				else vec_push(&fwd, s);
				break;
			}
			}
			break;
		case N_ASSIGN:
			if (s->op == T_DEFINE) {
				varpos = s->pos;
				varname = expr_string(s->list);
				bad.n = 0;
				for (int i = 0; i < fwd.n; i++) vec_push(&bad, fwd.v[i]);
			}
			break;
		case N_BLOCK: {
			Targets inner = {ctxt.breaks, ctxt.continues, -1, 0};
			inner_block(ls, b, inner, lstmt, s->pos, s->list, &fwd);
			break;
		}
		case N_IF: {
			Targets inner = {ctxt.breaks, ctxt.continues, -1, 0};
			inner_block(ls, b, inner, lstmt, s->c->pos, s->c->list, &fwd);
			if (s->d) {
				Node *e = s->d;
				/* the else branch as a one-statement list */
				Node *saved = e->next;
				e->next = NULL;
				inner_block(ls, b, inner, lstmt, e->pos, e, &fwd);
				e->next = saved;
			}
			break;
		}
		case N_FOR: {
			Targets inner = {s, s, -1, 0};
			inner_block(ls, b, inner, lstmt, s->d->pos, s->d->list, &fwd);
			break;
		}
		case N_SWITCH: case N_SELECT: {
			int ncases = list_len(s->list), i = 0;
			for (Node *cc = s->list; cc; cc = cc->next, i++) {
				Targets inner = {s, ctxt.continues, s->kind == N_SWITCH ? i : -1, ncases};
				inner_block(ls, b, inner, lstmt, cc->pos, cc->list2, &fwd);
			}
			break;
		}
		}
	}
	free(bad.v);
	return fwd;
}

void check_branches(Node *body) {
	if (!body) return;
	LabelScope ls = {0};
	Targets none = {NULL, NULL, -1, 0};
	NodeVec fwd = block_branches(&ls, NULL, none, NULL, body->pos, body->list);
	for (int i = 0; i < fwd.n; i++) {
		Node *g = fwd.v[i];
		Label *l = lookup(&ls, g->name);
		if (l) {
			l->used = true;
			diag_error((g->end ? g->end : g->pos), "goto %s jumps into block starting at %s", g->name->s, pos_string(l->parent->start));
		} else diag_error((g->end ? g->end : g->pos), "label %s not defined", g->name->s);
	}
	for (int i = 0; i < ls.labels.n; i++) {
		Label *l = ls.labels.v[i];
		if (!l->used) diag_error(l->lstmt->pos, "label %s defined and not used", l->lstmt->name->s);
	}
	free(fwd.v);
	free(ls.labels.v);
}
