/* maps.c: maps, lowered to runtime/map.c: a map value is a pointer to the
 * runtime's header (nil for a nil map); keys go to the runtime by address;
 * lookups return the element's address (or a zero value's). */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

/* string(b) with b a []byte, as the key of a map with string keys: the
 * operation may read b's bytes in place instead of copying them into a new
 * string (gc's slicebytetostringtmp), since the runtime call that consumes
 * the key comes right after it is evaluated. */
static Node *borrowed_bytes_key(Node *k, Type *kt) {
	while (k->kind == N_PAREN) k = k->a;
	if (!type_is_string(kt) || k->kind != N_CALL || !k->a || k->a->mode != M_TYPEEXPR || !k->type ||
	    !type_is_string(k->type))
		return NULL;
	Node *x = k->list;
	if (!x || x->next || !x->type) return NULL;
	Type *xu = under(x->type);
	if (xu->kind != TY_SLICE || under(xu->elem)->kind != TY_UINT8) return NULL;
	return x;
}

static LLVMValueRef key_addr(Gen *g, Node *k, Type *kt) {
	LLVMValueRef tmp = gen_temp(g, gen_type(g, kt), "mapkey");
	LLVMBuildStore(g->b, gen_expr(g, k), tmp);
	return tmp;
}

/* The key in a frame temporary, for an operation that may borrow it;
 * *borrowed tells whether it is a []byte's bytes seen as a string
 * (borrowed_bytes_key), which the map must copy before keeping. */
static LLVMValueRef key_addr_borrow(Gen *g, Node *k, Type *kt, bool *borrowed) {
	Node *b = borrowed_bytes_key(k, kt);
	*borrowed = b != NULL;
	if (!b) return key_addr(g, k, kt);
	LLVMValueRef tmp = gen_temp(g, gen_type(g, kt), "mapkey");
	LLVMValueRef sl = gen_expr(g, b);
	LLVMValueRef s = LLVMGetUndef(g->str);
	s = LLVMBuildInsertValue(g->b, s, LLVMBuildExtractValue(g->b, sl, 0, ""), 0, "");
	s = LLVMBuildInsertValue(g->b, s, LLVMBuildExtractValue(g->b, sl, 1, ""), 1, "");
	LLVMBuildStore(g->b, s, tmp);
	return tmp;
}

/* make(map[K]V, hint) */
LLVMValueRef gen_makemap(Gen *g, Type *t, Node *hint) {
	LLVMValueRef h = LLVMConstInt(g->i64, 0, 0);
	if (hint) {
		h = gen_expr(g, hint);
		if (LLVMGetIntTypeWidth(LLVMTypeOf(h)) < 64) h = LLVMBuildSExt(g->b, h, g->i64, "");
	}
	LLVMTypeRef pt[2] = {g->ptr, g->i64};
	LLVMValueRef args[2] = {gen_typedesc(g, t), h};
	return gen_call_rt(g, "rt_makemap", g->ptr, pt, args, 2);
}

/* m[k] as a value; with NF_COMMAOK the pair {v, ok} */
LLVMValueRef gen_mapindex(Gen *g, Node *n) {
	Type *mt = under(n->a->type);
	LLVMValueRef m = gen_expr(g, n->a);
	bool borrowed; /* a lookup keeps nothing */
	LLVMValueRef k = key_addr_borrow(g, n->list, mt->key, &borrowed);
	LLVMTypeRef et = gen_type(g, mt->elem);
	if (n->flags & NF_COMMAOK) {
		LLVMValueRef okp = gen_temp(g, g->i8, "mapok");
		LLVMTypeRef pt[4] = {g->ptr, g->ptr, g->ptr, g->ptr};
		LLVMValueRef args[4] = {gen_typedesc(g, n->a->type), m, k, okp};
		LLVMValueRef p = gen_call_rt(g, "rt_mapaccess2", g->ptr, pt, args, 4);
		LLVMValueRef v = LLVMBuildLoad2(g->b, et, p, "");
		LLVMValueRef ok = LLVMBuildICmp(g->b, LLVMIntNE, LLVMBuildLoad2(g->b, g->i8, okp, ""), LLVMConstInt(g->i8, 0, 0), "");
		LLVMTypeRef pair[2] = {et, g->i1};
		LLVMValueRef r = LLVMGetUndef(LLVMStructTypeInContext(g->ctx, pair, 2, 0));
		r = LLVMBuildInsertValue(g->b, r, v, 0, "");
		return LLVMBuildInsertValue(g->b, r, ok, 1, "");
	}
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {gen_typedesc(g, n->a->type), m, k};
	LLVMValueRef p = gen_call_rt(g, "rt_mapaccess1", g->ptr, pt, args, 3);
	return LLVMBuildLoad2(g->b, et, p, "");
}

/* The element slot of m[k] for an assignment (created if absent). */
LLVMValueRef gen_mapassign_addr(Gen *g, Node *n) {
	Type *mt = under(n->a->type);
	LLVMValueRef m = gen_expr(g, n->a);
	bool borrowed;
	LLVMValueRef k = key_addr_borrow(g, n->list, mt->key, &borrowed);
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {gen_typedesc(g, n->a->type), m, k};
	return gen_call_rt(g, borrowed ? "rt_mapassign_strtmp" : "rt_mapassign", g->ptr, pt, args, 3);
}

void gen_mapdelete(Gen *g, Node *call) {
	Node *mn = call->list;
	Type *mt = under(mn->type);
	LLVMValueRef m = gen_expr(g, mn);
	bool borrowed; /* delete keeps nothing */
	LLVMValueRef k = key_addr_borrow(g, mn->next, mt->key, &borrowed);
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {gen_typedesc(g, mn->type), m, k};
	gen_call_rt(g, "rt_mapdelete", g->voidt, pt, args, 3);
}

/* map[K]V{k: v, ...} */
LLVMValueRef gen_maplit(Gen *g, Node *n) {
	Type *mt = under(n->type);
	LLVMValueRef m = gen_makemap(g, n->type, NULL);
	for (Node *e = n->list; e; e = e->next) {
		LLVMValueRef k = key_addr(g, e->a, mt->key);
		LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
		LLVMValueRef args[3] = {gen_typedesc(g, n->type), m, k};
		LLVMValueRef p = gen_call_rt(g, "rt_mapassign", g->ptr, pt, args, 3);
		gen_store(g, p, gen_expr(g, e->b), mt->elem, true);
	}
	return m;
}

/* for k, v := range m: the runtime's iterator lives in the frame
 * (RtMapIter: key and elem pointers first; 96 bytes). */
void gen_maprange(Gen *g, Node *n, Node *kn, Node *vn) {
	Node *x = n->a->a;
	Type *mt = under(x->type);
	LLVMTypeRef itt = LLVMArrayType2(g->i64, 12);
	LLVMValueRef it = gen_temp(g, itt, "mapiter");
	LLVMBuildStore(g->b, LLVMConstNull(itt), it);
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {gen_typedesc(g, x->type), gen_expr(g, x), it};
	gen_call_rt(g, "rt_mapiterinit", g->voidt, pt, args, 3);
	LLVMBasicBlockRef cond = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "maprange.cond");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "maprange.body");
	LLVMBasicBlockRef post = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "maprange.post");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "maprange.end");
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, cond);
	LLVMValueRef kp = LLVMBuildLoad2(g->b, g->ptr, it, "key");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntNE, kp, LLVMConstNull(g->ptr), ""), body, done);
	LLVMPositionBuilderAtEnd(g->b, body);
	Node *lhs[2] = {kn, vn};
	LLVMValueRef vals[2] = {NULL, NULL};
	if (kn && !(kn->kind == N_NAME && kn->name->len == 1 && kn->name->s[0] == '_'))
		vals[0] = LLVMBuildLoad2(g->b, gen_type(g, mt->key), kp, "");
	if (vn && !(vn->kind == N_NAME && vn->name->len == 1 && vn->name->s[0] == '_')) {
		LLVMValueRef off = LLVMConstInt(g->i64, 1, 0);
		LLVMValueRef ep = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->ptr, it, &off, 1, ""), "elem");
		vals[1] = LLVMBuildLoad2(g->b, gen_type(g, mt->elem), ep, "");
	}
	gen_store_vars(g, lhs, vals, 2);
	gen_loop_body(g, n, done, post);
	LLVMTypeRef pt1[1] = {g->ptr};
	LLVMValueRef a1[1] = {it};
	gen_call_rt(g, "rt_mapiternext", g->voidt, pt1, a1, 1);
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, done);
}
