/* bce.c: bounds checks removed from counted loops (-O2).
 *
 *	for j := a; j <= n; j += s { ... x[j] ... }     (or j < n, or j++)
 *
 * If, when the loop starts, a >= 0, s > 0, n <= MaxInt-s (so j += s never
 * wraps while j <= n) and n < len(x) (n <= len(x) for <), then every j the
 * body sees lies in [0, len(x)) and x[j] needs no check. LLVM cannot find
 * this itself: Go's j += s may wrap, so it knows no lower bound for j (even
 * a C loop with those facts tested before it keeps its check under clang
 * -O2). So goc tests the facts once before the loop and generates the loop
 * twice: without those checks when they hold, exactly as written when they
 * do not. gc keeps the check in such loops (the sieve's inner loop).
 *
 * Only the simplest loops qualify, so that the facts stay true inside:
 * j, n, s and x are locals in registers or stack slots (never captured,
 * never address-taken), n and s ints or constants, x of an unnamed slice
 * type, and the body assigns none of them. The body is small and made
 * only of assignments, expression statements, ifs, blocks, returns and
 * unlabeled break/continue: nothing that would be emitted twice under one
 * name (function literals, labels) or that needs a unique site (defer, go),
 * and no nested loop, which bounds the growth of the code to one copy. */
#include "gen_int.h"

enum { BODY_MAX_NODES = 48 };

/* A local the loop may rely on: not global, captured or address-taken. */
static bool plain_local(Node *n, bool want_int) {
	while (n && n->kind == N_PAREN) n = n->a;
	if (!n || n->kind != N_NAME || !n->obj) return false;
	Object *o = n->obj;
	if (o->kind != OBJ_VAR || o->global || o->captured || o->addrtaken || o->heap) return false;
	return want_int ? o->type->kind == TY_INT : o->type->kind == TY_SLICE;
}

static Object *name_obj(Node *n) {
	while (n && n->kind == N_PAREN) n = n->a;
	return n && n->kind == N_NAME ? n->obj : NULL;
}

/* An int loop bound or step: a constant, or a plain int local. */
static bool invariant_int(Node *n) {
	if (!n || !n->type || under(n->type)->kind != TY_INT) return false;
	return n->mode == M_CONST || plain_local(n, true);
}

typedef struct Scan {
	Object *fixed[3]; /* j, n, s: never assigned in the body */
	int nfixed;
	Object *iv;
	Object *slices[4];
	Node *slicenames[4]; /* a use of each, to load its length */
	int nslices;
	int nodes;
	bool bad;
} Scan;

static bool is_fixed(Scan *sc, Object *o) {
	for (int i = 0; i < sc->nfixed; i++)
		if (sc->fixed[i] == o) return true;
	return false;
}

/* Statements the body may hold, and what x[j] it indexes. */
static void scan(Scan *sc, Node *n) {
	for (; n && !sc->bad; n = n->next) {
		if (++sc->nodes > BODY_MAX_NODES) {
			sc->bad = true;
			return;
		}
		switch (n->kind) {
		case N_FUNCLIT: case N_FOR: case N_LABELED: case N_GOSTMT: case N_DEFERSTMT: case N_SWITCH:
		case N_SELECT: case N_RANGECLAUSE:
			sc->bad = true;
			return;
		case N_BRANCH:
			if (n->op == T_GOTO || n->op == T_FALLTHROUGH || n->name) sc->bad = true;
			break;
		case N_ASSIGN:
			/* x = append(x, ...), j = ..., n++: the facts would not hold */
			for (Node *l = n->list; l; l = l->next) {
				Object *o = name_obj(l);
				if (o && n->op != T_DEFINE && is_fixed(sc, o)) sc->bad = true;
				for (int i = 0; o && n->op != T_DEFINE && i < sc->nslices; i++)
					if (sc->slices[i] == o) sc->bad = true;
			}
			break;
		case N_INDEX:
			if (n->list && !n->list->next && name_obj(n->list) == sc->iv && plain_local(n->a, false)) {
				Object *x = name_obj(n->a);
				bool have = false;
				for (int i = 0; i < sc->nslices; i++)
					if (sc->slices[i] == x) have = true;
				if (!have && sc->nslices < 4) {
					sc->slicenames[sc->nslices] = n->a;
					sc->slices[sc->nslices++] = x;
				}
			}
			break;
		default:
			break;
		}
		Node *kids[6] = {n->a, n->b, n->c, n->d, n->list, n->list2};
		for (int i = 0; i < 6; i++) scan(sc, kids[i]);
	}
}

/* A slice assigned anywhere in the body (scan saw its index first). */
static void rescan_assigned(Scan *sc, Node *n) {
	for (; n && !sc->bad; n = n->next) {
		if (n->kind == N_ASSIGN && n->op != T_DEFINE)
			for (Node *l = n->list; l; l = l->next)
				for (int i = 0; i < sc->nslices; i++)
					if (name_obj(l) == sc->slices[i]) sc->bad = true;
		Node *kids[6] = {n->a, n->b, n->c, n->d, n->list, n->list2};
		for (int i = 0; i < 6; i++) rescan_assigned(sc, kids[i]);
	}
}

bool gen_counted_loop(Gen *g, Node *n) {
	if (!g->optimize || g->bce.iv) return false;
	/* j := a */
	Node *init = n->a, *cond = n->b, *post = n->c;
	if (!init || init->kind != N_ASSIGN || init->op != T_DEFINE || !init->list || init->list->next ||
	    !init->list2 || init->list2->next || !plain_local(init->list, true))
		return false;
	Object *iv = init->list->obj;
	/* j < n, j <= n */
	if (!cond || cond->kind != N_BINARY || (cond->op != T_LT && cond->op != T_LE) || name_obj(cond->a) != iv ||
	    !invariant_int(cond->b))
		return false;
	/* j++, j += s */
	Node *step = NULL;
	if (!post || post->kind != N_ASSIGN || !post->list || post->list->next || name_obj(post->list) != iv) return false;
	if (post->op == T_PLUS) {
		step = post->list2;
		if (!invariant_int(step)) return false;
	} else if (post->op != T_INC) return false;

	Scan sc = {.iv = iv};
	sc.fixed[sc.nfixed++] = iv;
	if (name_obj(cond->b)) sc.fixed[sc.nfixed++] = name_obj(cond->b);
	if (step && name_obj(step)) sc.fixed[sc.nfixed++] = name_obj(step);
	scan(&sc, n->d);
	if (!sc.bad) rescan_assigned(&sc, n->d);
	if (sc.bad || sc.nslices == 0) return false;

	gen_stmt(g, init);
	LLVMValueRef zero = LLVMConstInt(g->i64, 0, 0);
	LLVMValueRef a = gen_expr(g, cond->a); /* j, just set */
	LLVMValueRef bound = gen_expr(g, cond->b);
	LLVMValueRef s = step ? gen_expr(g, step) : LLVMConstInt(g->i64, 1, 0);
	LLVMValueRef maxj = LLVMBuildSub(g->b, LLVMConstInt(g->i64, INT64_MAX, 0), s, "");
	LLVMValueRef ok = LLVMBuildAnd(g->b, LLVMBuildICmp(g->b, LLVMIntSGE, a, zero, ""),
	                               LLVMBuildICmp(g->b, LLVMIntSGT, s, zero, ""), "");
	ok = LLVMBuildAnd(g->b, ok, LLVMBuildICmp(g->b, LLVMIntSLE, bound, maxj, ""), "");
	for (int i = 0; i < sc.nslices; i++) {
		LLVMValueRef len = LLVMBuildExtractValue(g->b, gen_expr(g, sc.slicenames[i]), 1, "len");
		ok = LLVMBuildAnd(g->b, ok, LLVMBuildICmp(g->b, cond->op == T_LE ? LLVMIntSLT : LLVMIntSLE, bound, len, ""), "");
	}
	LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.inbounds");
	LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.checked");
	LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.join");
	LLVMBuildCondBr(g->b, ok, fast, slow);

	LLVMPositionBuilderAtEnd(g->b, fast);
	g->bce.iv = iv;
	g->bce.nslices = sc.nslices;
	for (int i = 0; i < sc.nslices; i++) g->bce.slices[i] = sc.slices[i];
	gen_for_loop(g, n);
	g->bce.iv = NULL;
	g->bce.nslices = 0;
	if (!gen_terminated(g)) LLVMBuildBr(g->b, join);

	LLVMPositionBuilderAtEnd(g->b, slow);
	gen_for_loop(g, n);
	if (!gen_terminated(g)) LLVMBuildBr(g->b, join);
	LLVMPositionBuilderAtEnd(g->b, join);
	return true;
}

/* Whether x[index] is known in bounds: the loop above proved it. */
bool gen_index_in_bounds(Gen *g, Node *x, Node *index) {
	if (!g->bce.iv || name_obj(index) != g->bce.iv) return false;
	Object *o = name_obj(x);
	for (int i = 0; o && i < g->bce.nslices; i++)
		if (g->bce.slices[i] == o) return true;
	return false;
}
