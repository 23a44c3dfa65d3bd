/* ast.c: node construction and the tree dump used by `goc tool syntax -ast`. */
#include <stdio.h>

#include "ast.h"

Node *node_new(NodeKind k, Pos p) {
	Node *n = NEW(Node);
	n->kind = (uint8_t)k;
	n->pos = p;
	return n;
}

List list_one(Node *n) {
	List l = {n, n, n ? 1 : 0};
	return l;
}

List list_add(List l, Node *n) {
	if (!n) return l;
	if (l.tail) l.tail->next = n;
	else l.head = n;
	l.tail = n;
	l.n++;
	return l;
}

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
	[N_UNARY] = "Unary", [N_BINARY] = "Binary", [N_ARRAYTYPE] = "ArrayType",
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
