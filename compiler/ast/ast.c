/* ast.c: list lengths, node names, expression strings and the tree dump
 * used by `goc tool syntax -ast` (node construction is inline in ast.h). */
#include <stdio.h>
#include <stdlib.h>

#include "ast.h"
#include "../lex/lex.h"

int list_len(const Node *head) {
	int n = 0;
	for (; head; head = head->next) n++;
	return n;
}

static const char *const kind_names[N_KINDS] = {
	[N_BAD] = "Bad", [N_NAME] = "Name", [N_BASICLIT] = "BasicLit",
	[N_COMPOSITELIT] = "CompositeLit", [N_KEYVALUE] = "KeyValue", [N_FUNCLIT] = "FuncLit",
	[N_PAREN] = "Paren", [N_SELECTOR] = "Selector", [N_INDEX] = "Index", [N_SLICE] = "Slice",
	[N_ASSERT] = "Assert", [N_TYPESWITCHGUARD] = "TypeSwitchGuard", [N_CALL] = "Call",
	[N_UNARY] = "Unary", [N_BINARY] = "Binary", [N_CONVERT] = "Convert", [N_ARRAYTYPE] = "ArrayType",
	[N_SLICETYPE] = "SliceType", [N_DOTSTYPE] = "DotsType", [N_STRUCTTYPE] = "StructType",
	[N_FIELD] = "Field", [N_FUNCTYPE] = "FuncType", [N_INTERFACETYPE] = "InterfaceType",
	[N_MAPTYPE] = "MapType", [N_CHANTYPE] = "ChanType", [N_EMPTYSTMT] = "EmptyStmt",
	[N_LABELED] = "Labeled", [N_BLOCK] = "Block", [N_EXPRSTMT] = "ExprStmt",
	[N_SENDSTMT] = "SendStmt", [N_ASSIGN] = "Assign", [N_GOSTMT] = "Go", [N_DEFERSTMT] = "Defer",
	[N_RETURN] = "Return", [N_BRANCH] = "Branch", [N_IF] = "If", [N_FOR] = "For",
	[N_RANGECLAUSE] = "Range", [N_SWITCH] = "Switch", [N_CASECLAUSE] = "Case",
	[N_SELECT] = "Select", [N_DECLSTMT] = "DeclStmt", [N_IMPORTDECL] = "Import",
	[N_CONSTDECL] = "Const", [N_VARDECL] = "Var", [N_TYPEDECL] = "Type", [N_FUNCDECL] = "Func",
	[N_FILE] = "File",
};

const char *node_kind_name(NodeKind k) { return k < N_KINDS && kind_names[k] ? kind_names[k] : "?"; }

static void dump(const Node *n, FILE *f, int depth);

static void dump_list(const char *label, const Node *l, FILE *f, int depth) {
	if (!l) return;
	fprintf(f, "%*s%s:\n", depth * 2, "", label);
	for (; l; l = l->next) dump(l, f, depth + 1);
}

static void dump(const Node *n, FILE *f, int depth) {
	if (!n) return;
	LineCol lc = pos_linecol(n->pos);
	fprintf(f, "%*s%s", depth * 2, "", node_kind_name(n->kind));
	if (n->name) fprintf(f, " %s", n->name->s);
	if (n->kind == N_BASICLIT) fprintf(f, " %.*s", (int)n->litlen, n->lit);
	if (n->op && n->kind != N_BASICLIT) fprintf(f, " op=%d", n->op);
	if (n->flags) fprintf(f, " flags=%#x", n->flags);
	fprintf(f, " @%d:%d\n", lc.line, lc.col);
	dump(n->a, f, depth + 1);
	dump(n->b, f, depth + 1);
	dump(n->c, f, depth + 1);
	dump(n->d, f, depth + 1);
	dump_list("list", n->list, f, depth + 1);
	dump_list("list2", n->list2, f, depth + 1);
}

void ast_dump(const Node *n, void *file) { dump(n, file, 0); }

/* ---- expression text, as gc's syntax.String prints it in messages ---------- */

typedef struct Buf {
	char *p;
	size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}
static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static const char *op_text(int op);

static void print_expr(Buf *b, const Node *n, int depth);

static void print_list(Buf *b, const Node *l, int depth) {
	for (; l; l = l->next) {
		print_expr(b, l, depth);
		if (l->next) puts_(b, ", ");
	}
}

static void print_fields(Buf *b, const Node *l, int depth) {
	for (; l; l = l->next) {
		if (l->name) {
			puts_(b, l->name->s);
			/* names sharing a type print once: a, b int */
			if (l->next && l->next->a == l->a && l->next->name) {
				puts_(b, ", ");
				continue;
			}
			puts_(b, " ");
		}
		print_expr(b, l->a, depth);
		if (l->next) puts_(b, ", ");
	}
}

static void print_expr(Buf *b, const Node *n, int depth) {
	if (!n) return;
	if (depth > 50) {
		puts_(b, "…");
		return;
	}
	switch (n->kind) {
	case N_NAME:
		if (n->a) { /* a qualified identifier the checker resolved */
			print_expr(b, n->a, depth + 1);
			puts_(b, ".");
		}
		puts_(b, n->name->s);
		return;
	case N_BASICLIT: put(b, n->lit, n->litlen); return;
	case N_PAREN: puts_(b, "("); print_expr(b, n->a, depth + 1); puts_(b, ")"); return;
	case N_SELECTOR: print_expr(b, n->a, depth + 1); puts_(b, "."); puts_(b, n->name->s); return;
	case N_INDEX: print_expr(b, n->a, depth + 1); puts_(b, "["); print_list(b, n->list, depth + 1); puts_(b, "]"); return;
	case N_SLICE:
		print_expr(b, n->a, depth + 1);
		puts_(b, "[");
		print_expr(b, n->b, depth + 1);
		puts_(b, ":");
		print_expr(b, n->c, depth + 1);
		if (n->flags & NF_FULL) {
			puts_(b, ":");
			print_expr(b, n->d, depth + 1);
		}
		puts_(b, "]");
		return;
	case N_ASSERT: print_expr(b, n->a, depth + 1); puts_(b, ".("); print_expr(b, n->b, depth + 1); puts_(b, ")"); return;
	case N_TYPESWITCHGUARD: print_expr(b, n->a, depth + 1); puts_(b, ".(type)"); return;
	case N_CALL:
		print_expr(b, n->a, depth + 1);
		puts_(b, "(");
		print_list(b, n->list, depth + 1);
		if (n->flags & NF_DOTS) puts_(b, "...");
		puts_(b, ")");
		return;
	case N_UNARY: puts_(b, op_text(n->op)); print_expr(b, n->a, depth + 1); return;
	case N_BINARY:
		print_expr(b, n->a, depth + 1);
		puts_(b, " ");
		puts_(b, op_text(n->op));
		puts_(b, " ");
		print_expr(b, n->b, depth + 1);
		return;
	case N_KEYVALUE: print_expr(b, n->a, depth + 1); puts_(b, ": "); print_expr(b, n->b, depth + 1); return;
	case N_CONVERT: print_expr(b, n->a, depth + 1); return;
	case N_COMPOSITELIT: print_expr(b, n->a, depth + 1); puts_(b, n->list ? "{…}" : "{}"); return;
	case N_FUNCLIT: print_expr(b, n->a, depth + 1); puts_(b, " {…}"); return;
	case N_ARRAYTYPE:
		puts_(b, "[");
		if (n->a) print_expr(b, n->a, depth + 1);
		else puts_(b, "...");
		puts_(b, "]");
		print_expr(b, n->b, depth + 1);
		return;
	case N_SLICETYPE: puts_(b, "[]"); print_expr(b, n->b, depth + 1); return;
	case N_DOTSTYPE: puts_(b, "..."); print_expr(b, n->b, depth + 1); return;
	case N_MAPTYPE: puts_(b, "map["); print_expr(b, n->a, depth + 1); puts_(b, "]"); print_expr(b, n->b, depth + 1); return;
	case N_CHANTYPE:
		puts_(b, n->op == 2 /* CHAN_RECV */ ? "<-chan " : n->op == 1 ? "chan<- " : "chan ");
		print_expr(b, n->b, depth + 1);
		return;
	case N_FUNCTYPE: {
		puts_(b, "func(");
		print_fields(b, n->list, depth + 1);
		puts_(b, ")");
		if (n->list2) {
			bool paren = n->list2->next || n->list2->name;
			puts_(b, paren ? " (" : " ");
			print_fields(b, n->list2, depth + 1);
			if (paren) puts_(b, ")");
		}
		return;
	}
	case N_STRUCTTYPE:
		puts_(b, "struct{");
		for (const Node *f = n->list; f; f = f->next) {
			if (f->name) {
				puts_(b, f->name->s);
				puts_(b, " ");
			}
			print_expr(b, f->a, depth + 1);
			if (f->next) puts_(b, "; ");
		}
		puts_(b, "}");
		return;
	case N_INTERFACETYPE:
		puts_(b, "interface{");
		for (const Node *f = n->list; f; f = f->next) {
			if (f->name) {
				puts_(b, f->name->s);
				Buf sig = {0};
				print_expr(&sig, f->a, depth + 1);
				if (sig.p) puts_(b, sig.p + 4); /* drop "func" */
				free(sig.p);
			} else print_expr(b, f->a, depth + 1);
			if (f->next) puts_(b, "; ");
		}
		puts_(b, "}");
		return;
	default: puts_(b, "…"); return;
	}
}

/* Operators are stored as the lexer's token kinds. */
static const char *op_text(int op) { return tok_name(op); }

const char *expr_string(const Node *n) {
	Buf b = {0};
	print_expr(&b, n, 0);
	if (!b.p) return "";
	char *s = arena_strndup(g_arena, b.p, b.n);
	free(b.p);
	return s;
}

/* The leftmost position of an expression, where types2 reports errors. */
Pos node_startpos(const Node *n) {
	for (;;) {
		switch (n->kind) {
		/* as syntax.StartPos: slice expressions and key:value pairs keep their own position */
		case N_BINARY: case N_SELECTOR: case N_INDEX: case N_ASSERT:
		case N_TYPESWITCHGUARD: case N_CALL:
			if (!n->a) return n->pos;
			n = n->a;
			continue;
		case N_COMPOSITELIT:
			if (!n->a) return n->pos;
			n = n->a;
			continue;
		default:
			return n->pos;
		}
	}
}
