/* stmt.c: lowering statements, and the stores with their write barrier. */
#include <stdio.h>
#include <stdlib.h>

#include <llvm-c/DebugInfo.h> /* LLVMTemporaryMDNode: self-referential loop metadata */

#include "gen_int.h"

/* ---- statements ------------------------------------------------------------ */

/* ---- stores: the one place pointer writes to memory are emitted ----------
 * A pointer stored outside the goroutine stack (heap or globals) goes
 * through the collector's write barrier (runtime.h):
 *     if (rt_wbenabled) rt_gowbstore(slot, val); else *slot = val;
 * Stack slots need none: stacks are scanned at the end of marking. */


void gen_barrier_store(Gen *g, LLVMValueRef slot, LLVMValueRef ptr) {
	LLVMValueRef flag = LLVMGetNamedGlobal(g->mod, "rt_wbenabled");
	if (!flag) {
		flag = LLVMAddGlobal(g->mod, g->i32, "rt_wbenabled");
		LLVMSetExternallyInitialized(flag, 1);
	}
	LLVMValueRef on = LLVMBuildLoad2(g->b, g->i32, flag, "wb");
	LLVMSetVolatile(on, 1);
	LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "wb.slow");
	LLVMBasicBlockRef fast = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "wb.fast");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "wb.done");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntNE, on, LLVMConstInt(g->i32, 0, 0), ""), slow, fast);
	LLVMPositionBuilderAtEnd(g->b, slow);
	LLVMTypeRef pt[2] = {g->ptr, g->ptr};
	LLVMValueRef args[2] = {slot, ptr};
	gen_call_rt(g, "rt_gowbstore", g->voidt, pt, args, 2); /* runtime/goentry.c */
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, fast);
	LLVMBuildStore(g->b, ptr, slot);
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, done);
}

void gen_store(Gen *g, LLVMValueRef addr, LLVMValueRef v, Type *t, bool offstack) {
	if (gen_store_big(g, addr, v, t, offstack)) return;
	if (!offstack || !type_has_pointers(t)) {
		LLVMBuildStore(g->b, v, addr);
		return;
	}
	Type *u = under(t);
	LLVMTypeRef lt = gen_type(g, t);
	switch (u->kind) {
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFEPTR:
		gen_barrier_store(g, addr, v);
		return;
	case TY_STRING: case TY_SLICE: case TY_INTERFACE: {
		/* word 0 is a pointer (both words for an interface); the rest are not */
		unsigned n = u->kind == TY_SLICE ? 3 : 2;
		for (unsigned i = 0; i < n; i++) {
			LLVMValueRef fp = LLVMBuildStructGEP2(g->b, lt, addr, i, "");
			LLVMValueRef fv = LLVMBuildExtractValue(g->b, v, i, "");
			if (i == 0 || u->kind == TY_INTERFACE) gen_barrier_store(g, fp, fv);
			else LLVMBuildStore(g->b, fv, fp);
		}
		return;
	}
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			gen_store(g, LLVMBuildStructGEP2(g->b, lt, addr, (unsigned)i, ""), LLVMBuildExtractValue(g->b, v, (unsigned)i, ""),
			          u->fields[i].type, true);
		return;
	case TY_ARRAY:
		if (u->len > 16) {
			/* a big array: through a temporary and the collector's typed copy */
			LLVMValueRef tmp = gen_temp(g, lt, "arr.store");
			LLVMBuildStore(g->b, v, tmp);
			LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
			LLVMValueRef args[3] = {gen_typedesc(g, t), addr, tmp};
			gen_call_rt(g, "rt_typedmemmove", g->voidt, pt, args, 3);
			return;
		}
		for (int64_t i = 0; i < u->len; i++) {
			LLVMValueRef idx[2] = {LLVMConstInt(g->i64, 0, 0), LLVMConstInt(g->i64, (unsigned long long)i, 0)};
			gen_store(g, LLVMBuildGEP2(g->b, lt, addr, idx, 2, ""), LLVMBuildExtractValue(g->b, v, (unsigned)i, ""), u->elem, true);
		}
		return;
	default:
		LLVMBuildStore(g->b, v, addr);
	}
}

/* Stores v into the location lhs denotes: a variable (on the stack, in a
 * heap cell or global), a field, an element, or *p. */
void gen_store_var(Gen *g, Node *lhs, LLVMValueRef v) {
	while (lhs->kind == N_PAREN) lhs = lhs->a;
	if (lhs->kind == N_NAME && lhs->name->len == 1 && lhs->name->s[0] == '_') return;
	if (lhs->kind == N_NAME) {
		Object *o = lhs->obj;
		gen_store(g, gen_addr(g, lhs), v, o->type, o->global || o->heap);
		return;
	}
	gen_store(g, gen_addr(g, lhs), v, lhs->type, true);
}

/* The i-th value of multi-value expression rhs (a call's results, or a
 * comma-ok pair), evaluated to agg, as a value of type to (NULL: as it
 * is): assignability lets a result become an interface there. */
LLVMValueRef gen_multi_value(Gen *g, LLVMValueRef agg, Node *rhs, unsigned i, Type *to) {
	LLVMValueRef v = LLVMBuildExtractValue(g->b, agg, i, "");
	Type *from = rhs->type->kind == TY_TUPLE ? rhs->type->results[i] : i == 0 ? rhs->type : NULL;
	if (to && from && under(to)->kind == TY_INTERFACE && !type_identical(from, to)) v = gen_convert_value(g, v, from, to);
	return v;
}

/* Assigns vals to lhs[0..n) (NULL or blank: skipped; range variables, a
 * tuple assignment's operands) as an assignment statement does: every left operand's index and
 * pointer operands are evaluated first, then the stores, in order. */
void gen_store_vars(Gen *g, Node **lhs, LLVMValueRef *vals, int n) {
	LLVMValueRef *addr = NEWARR(LLVMValueRef, n + 1);
	for (int i = 0; i < n; i++) {
		Node *l = lhs[i];
		while (l && l->kind == N_PAREN) l = l->a;
		lhs[i] = l;
		addr[i] = NULL;
		if (!l || !vals[i] || (l->kind == N_NAME && l->name->len == 1 && l->name->s[0] == '_')) continue;
		addr[i] = gen_addr(g, l);
	}
	for (int i = 0; i < n; i++) {
		if (!addr[i]) continue;
		Node *l = lhs[i];
		bool off = l->kind == N_NAME ? l->obj->global || l->obj->heap : true;
		gen_store(g, addr[i], vals[i], l->kind == N_NAME ? l->obj->type : l->type, off);
	}
}

/* x op= y and x++: the location is computed once */
static void update(Gen *g, Node *lhs, int op, LLVMValueRef y, Node *ynode) {
	while (lhs->kind == N_PAREN) lhs = lhs->a;
	LLVMValueRef addr = gen_addr(g, lhs);
	LLVMValueRef x = LLVMBuildLoad2(g->b, gen_type(g, lhs->type), addr, "");
	if (!y) {
		y = gen_float(lhs->type) ? LLVMConstReal(LLVMTypeOf(x), 1) : LLVMConstInt(LLVMTypeOf(x), 1, 0);
		op = op == T_INC ? T_PLUS : T_MINUS;
	}
	LLVMValueRef r = gen_arith(g, op, x, y, lhs->type, ynode ? ynode : lhs);
	bool offstack = !(lhs->kind == N_NAME && !lhs->obj->global && !lhs->obj->heap);
	gen_store(g, addr, r, lhs->type, offstack);
}

/* A call through an interface method or a function value (not a
 * function or concrete method LLVM may inline, a conversion, a builtin). */
static bool indirect_call(Node *n) {
	if (n->kind != N_CALL || !n->a || n->a->mode == M_TYPEEXPR) return false;
	Node *fn = n->a;
	while (fn->kind == N_PAREN) fn = fn->a;
	if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD)
		return fn->sel->iface && !(fn->flags & NF_METHODEXPR);
	return !(fn->obj && (fn->obj->kind == OBJ_FUNC || fn->obj->kind == OBJ_BUILTIN));
}

/* Nodes of a statement's syntax tree, and whether it makes an indirect
 * call; stops counting past limit. */
static int tree_size(Node *n, int limit, bool *calls) {
	int k = 0;
	for (; n && k <= limit; n = n->next) {
		k++;
		if (n->kind == N_FUNCLIT || n->kind == N_FOR || n->kind == N_GOSTMT || n->kind == N_DEFERSTMT) return limit + 1;
		if (indirect_call(n)) *calls = true;
		Node *kids[6] = {n->a, n->b, n->c, n->d, n->list, n->list2};
		for (int i = 0; i < 6 && k <= limit; i++) k += tree_size(kids[i], limit - k, calls);
	}
	return k;
}

/* A range loop over a slice or array whose body is little more than an
 * indirect call (an interface method, a function value: total +=
 * s.Area()) is unrolled by 4 at -O2 (the metadata means nothing to the
 * default pipeline, which has no unroller): LLVM never unrolls a loop that
 * calls, and in such a loop the index update, compare and back-edge are a
 * third of the instructions and one of three taken branches per
 * iteration. Direct calls are left alone: small callees get inlined and
 * the loop is then LLVM's to judge, big ones dwarf the loop overhead. */
static void unroll_small_call_loop(Gen *g, Node *body, LLVMValueRef backedge) {
	bool calls = false;
	if (tree_size(body, 12, &calls) > 12 || !calls) return;
	LLVMMetadataRef ops[2] = {LLVMMDStringInContext2(g->ctx, "llvm.loop.unroll.count", 22),
	                          LLVMValueAsMetadata(LLVMConstInt(g->i32, 4, 0))};
	LLVMMetadataRef self = LLVMTemporaryMDNode(g->ctx, NULL, 0);
	LLVMMetadataRef lops[2] = {self, LLVMMDNodeInContext2(g->ctx, ops, 2)};
	LLVMMetadataRef loop = LLVMMDNodeInContext2(g->ctx, lops, 2);
	LLVMMetadataReplaceAllUsesWith(self, loop); /* a loop ID refers to itself */
	LLVMSetMetadata(backedge, LLVMGetMDKindIDInContext(g->ctx, "llvm.loop", 9), LLVMMetadataAsValue(g->ctx, loop));
}

/* for k, v := range x over arrays, slices and strings: x is evaluated
 * once; the iteration variables are one pair for the whole loop (Go 1.19). */
static void gen_range(Gen *g, Node *n) {
	Node *r = n->a, *x = r->a;
	Type *u = under(x->type);
	bool ptr = u->kind == TY_POINTER;
	if (ptr) u = under(u->elem);
	Node *kn = r->list, *vn = kn ? kn->next : NULL;
	if (u->kind == TY_CHAN) {
		if (r->op == T_DEFINE && kn && kn->obj) {
			gen_local(g, kn->obj);
			gen_init_var(g, kn->obj, LLVMConstNull(gen_type(g, kn->obj->type)));
		}
		gen_chanrange(g, n, kn);
		return;
	}
	if (r->op == T_DEFINE)
		for (Node *l = r->list; l; l = l->next)
			if (l->obj) {
				gen_local(g, l->obj);
				gen_init_var(g, l->obj, LLVMConstNull(gen_type(g, l->obj->type)));
			}
	if (u->kind == TY_MAP) {
		gen_maprange(g, n, kn, vn);
		return;
	}
	LLVMValueRef base, len;
	bool str = type_is_string(u);
	if (str) {
		LLVMValueRef s = gen_expr(g, x);
		base = LLVMBuildExtractValue(g->b, s, 0, "");
		len = LLVMBuildExtractValue(g->b, s, 1, "");
	} else if (u->kind == TY_SLICE) {
		LLVMValueRef s = gen_expr(g, x);
		base = LLVMBuildExtractValue(g->b, s, 0, "");
		len = LLVMBuildExtractValue(g->b, s, 1, "");
	} else {
		/* an array: range over a copy unless only the index is used */
		len = LLVMConstInt(g->i64, (unsigned long long)u->len, 0);
		if (ptr) base = gen_expr(g, x);
		else if (!vn || (vn->kind == N_NAME && vn->name->len == 1 && vn->name->s[0] == '_')) {
			base = NULL;
			if (x->mode != M_VAR) gen_expr(g, x);
		} else {
			base = gen_temp(g, gen_type(g, x->type), "range.copy");
			LLVMBuildStore(g->b, gen_expr(g, x), base);
		}
		if (base && !ptr) {
			LLVMValueRef zero = LLVMConstInt(g->i64, 0, 0);
			LLVMValueRef idx[2] = {zero, zero};
			base = LLVMBuildGEP2(g->b, gen_type(g, x->type), base, idx, 2, "");
		}
	}
	LLVMValueRef iv = gen_temp(g, g->i64, "range.i");
	LLVMBuildStore(g->b, LLVMConstInt(g->i64, 0, 0), iv);
	LLVMBasicBlockRef cond = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "range.cond");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "range.body");
	LLVMBasicBlockRef post = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "range.post");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "range.end");
	LLVMValueRef nextv = str ? gen_temp(g, g->i64, "range.next") : NULL;
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, cond);
	LLVMValueRef i = LLVMBuildLoad2(g->b, g->i64, iv, "i");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, i, len, ""), body, done);
	LLVMPositionBuilderAtEnd(g->b, body);
	bool vblank = !vn || (vn->kind == N_NAME && vn->name->len == 1 && vn->name->s[0] == '_');
	if (str) {
		LLVMValueRef rv = gen_temp(g, g->i32, "range.rune");
		LLVMTypeRef pt[4] = {g->ptr, g->i64, g->i64, g->ptr};
		LLVMValueRef args[4] = {base, len, i, rv};
		LLVMBuildStore(g->b, gen_call_rt(g, "rt_decoderune", g->i64, pt, args, 4), nextv);
		Node *lhs[2] = {kn, vn};
		LLVMValueRef vals[2] = {i, vblank ? NULL : LLVMBuildLoad2(g->b, g->i32, rv, "")};
		gen_store_vars(g, lhs, vals, 2);
	} else {
		Node *lhs[2] = {kn, vn};
		LLVMValueRef vals[2] = {i, NULL};
		if (!vblank) {
			Type *et = u->elem;
			LLVMValueRef ep = LLVMBuildGEP2(g->b, gen_type(g, et), base, &i, 1, "");
			vals[1] = LLVMBuildLoad2(g->b, gen_type(g, et), ep, "");
		}
		gen_store_vars(g, lhs, vals, 2);
	}
	gen_loop_body(g, n, done, post);
	LLVMValueRef cur = LLVMBuildLoad2(g->b, g->i64, iv, "");
	LLVMValueRef next = str ? LLVMBuildLoad2(g->b, g->i64, nextv, "") : LLVMBuildAdd(g->b, cur, LLVMConstInt(g->i64, 1, 0), "");
	LLVMBuildStore(g->b, next, iv);
	LLVMValueRef backedge = LLVMBuildBr(g->b, cond);
	if (!str) unroll_small_call_loop(g, n->d, backedge);
	LLVMPositionBuilderAtEnd(g->b, done);
}

/* A for loop's condition, body and post statement (its init is done). */
void gen_for_loop(Gen *g, Node *n) {
	LLVMBasicBlockRef cond = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.cond");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.body");
	LLVMBasicBlockRef post = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.post");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.end");
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, cond);
	if (n->b) LLVMBuildCondBr(g->b, gen_expr(g, n->b), body, done);
	else LLVMBuildBr(g->b, body);
	LLVMPositionBuilderAtEnd(g->b, body);
	gen_loop_body(g, n, done, post);
	gen_stmt(g, n->c);
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, done);
}

void gen_stmt(Gen *g, Node *n) {
	if (!n) return;
	gen_debug_loc(g, n->pos != NOPOS ? n->pos : n->a ? node_startpos(n->a) : NOPOS);
	switch (n->kind) {
	case N_EXPRSTMT: gen_expr(g, n->a); return;
	case N_GOSTMT: gen_go(g, n); return;
	case N_DEFERSTMT: gen_defer(g, n); return;
	case N_SENDSTMT: gen_send(g, n); return;
	case N_SELECT: gen_select(g, n); return;
	case N_BLOCK: gen_stmts(g, n->list); return;
	case N_ASSIGN: {
		if (n->op == T_INC || n->op == T_DEC) {
			update(g, n->list, n->op, NULL, NULL);
			return;
		}
		if (n->op && n->op != T_DEFINE) {
			update(g, n->list, n->op, gen_expr(g, n->list2), n->list2);
			return;
		}
		int cnt = list_len(n->list2);
		if (cnt == 1 && n->list2->type && (n->list2->type->kind == TY_TUPLE || (n->list2->flags & NF_COMMAOK))) {
			/* a, b := f() */
			LLVMValueRef agg = gen_expr(g, n->list2);
			int nl = list_len(n->list), i = 0;
			Node **lhs = NEWARR(Node *, nl + 1);
			LLVMValueRef *vals = NEWARR(LLVMValueRef, nl + 1);
			for (Node *l = n->list; l; l = l->next, i++) {
				if (n->op == T_DEFINE && l->obj && !l->obj->backend) gen_local(g, l->obj);
				lhs[i] = l;
				vals[i] = gen_multi_value(g, agg, n->list2, (unsigned)i, l->type);
			}
			gen_store_vars(g, lhs, vals, nl); /* p, *p = f() stores through the old p */
			return;
		}
		/* evaluate all right-hand sides before storing: a, b = b, a */
		LLVMValueRef *vals = NEWARR(LLVMValueRef, cnt + 1);
		int i = 0;
		Node *l = n->list;
		for (Node *r = n->list2; r; r = r->next, l = l ? l->next : NULL) {
			/* _ = *p, _ = p.f: the value is dead and LLVM deletes its
			 * load, so the nil check must be explicit (gc panics) */
			bool blank = l && l->kind == N_NAME && l->name && l->name->len == 1 && l->name->s[0] == '_';
			int saved = g->explicit_nilchecks;
			if (blank) g->explicit_nilchecks = 1;
			vals[i++] = gen_expr(g, r);
			g->explicit_nilchecks = saved;
		}
		/* then every left operand's index and pointer operands (i, x[i] = 1, 100
		 * stores to the old x[i]), then the stores, left to right */
		Node **lhs = NEWARR(Node *, cnt + 1);
		i = 0;
		for (Node *l = n->list; l; l = l->next, i++) {
			if (n->op == T_DEFINE && l->obj && !l->obj->backend) gen_local(g, l->obj);
			lhs[i] = l;
		}
		if (cnt == 1) gen_store_var(g, n->list, vals[0]);
		else gen_store_vars(g, lhs, vals, cnt);
		return;
	}
	case N_DECLSTMT:
		for (Node *d = n->list; d; d = d->next) {
			Node *v = d->list2;
			if (v && !v->next && d->list && d->list->next) {
				/* var a, b = f() */
				LLVMValueRef agg = gen_expr(g, v);
				unsigned i = 0;
				for (Node *l = d->list; l; l = l->next, i++) {
					if (!l->obj) continue;
					gen_local(g, l->obj);
					gen_init_var(g, l->obj, gen_multi_value(g, agg, v, i, l->obj->type));
				}
				continue;
			}
			for (Node *l = d->list; l; l = l->next) {
				if (!l->obj) continue;
				gen_local(g, l->obj);
				LLVMValueRef init = v ? gen_expr(g, v) : LLVMConstNull(gen_type(g, l->obj->type));
				gen_init_var(g, l->obj, init);
				if (v) v = v->next;
			}
		}
		return;
	case N_RETURN: {
		int nr = g->sig->nresults;
		LLVMValueRef *vals = NEWARR(LLVMValueRef, nr + 1);
		if (nr && !n->list) {
			/* a bare return returns the named results */
			int i = 0;
			for (Node *f = g->results; f && i < nr; f = f->next, i++)
				vals[i] = LLVMBuildLoad2(g->b, gen_type(g, f->obj->type), gen_var_addr(g, f->obj), "");
		} else if (nr > 1 && n->list && !n->list->next) {
			/* return f() with several results */
			LLVMValueRef agg = gen_expr(g, n->list);
			for (int i = 0; i < nr; i++) vals[i] = gen_multi_value(g, agg, n->list, (unsigned)i, g->sig->results[i]);
		} else {
			int i = 0;
			for (Node *r = n->list; r && i < nr; r = r->next, i++) vals[i] = gen_expr(g, r);
		}
		if (g->dframe) {
			/* deferred calls run after the results are set, and may change
			 * named results: store, run them, reload */
			if (n->list && nr && g->results && g->results->obj) {
				int i = 0;
				for (Node *f = g->results; f && i < nr; f = f->next, i++)
					gen_store(g, gen_var_addr(g, f->obj), vals[i], f->obj->type, true);
			}
			gen_defer_epilogue(g);
			if (nr && g->results && g->results->obj) {
				int i = 0;
				for (Node *f = g->results; f && i < nr; f = f->next, i++)
					vals[i] = LLVMBuildLoad2(g->b, gen_type(g, f->obj->type), gen_var_addr(g, f->obj), "");
			}
		}
		if (nr == 0) LLVMBuildRetVoid(g->b);
		else if (nr == 1) LLVMBuildRet(g->b, vals[0]);
		else {
			LLVMValueRef agg = LLVMGetUndef(LLVMGetReturnType(LLVMGlobalGetValueType(g->fn)));
			for (int i = 0; i < nr; i++) agg = LLVMBuildInsertValue(g->b, agg, vals[i], (unsigned)i, "");
			LLVMBuildRet(g->b, agg);
		}
		return;
	}
	case N_IF: {
		gen_stmt(g, n->a);
		LLVMValueRef c = gen_expr(g, n->b);
		LLVMBasicBlockRef then = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "then");
		LLVMBasicBlockRef els = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "else");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "endif");
		LLVMBuildCondBr(g->b, c, then, els);
		LLVMPositionBuilderAtEnd(g->b, then);
		gen_stmt(g, n->c);
		if (!gen_terminated(g)) LLVMBuildBr(g->b, done);
		LLVMPositionBuilderAtEnd(g->b, els);
		gen_stmt(g, n->d);
		if (!gen_terminated(g)) LLVMBuildBr(g->b, done);
		LLVMPositionBuilderAtEnd(g->b, done);
		return;
	}
	case N_FOR: {
		if (n->a && n->a->kind == N_RANGECLAUSE) {
			gen_range(g, n);
			return;
		}
		if (gen_counted_loop(g, n)) return;
		gen_stmt(g, n->a);
		gen_for_loop(g, n);
		return;
	}
	case N_LABELED: {
		/* a label starts a block of its own, which gotos branch to */
		Jump *j = gen_jump(g, n);
		if (!j->brk) j->brk = LLVMAppendBasicBlockInContext(g->ctx, g->fn, n->name->s);
		LLVMBasicBlockRef target = j->brk;
		if (!gen_terminated(g)) LLVMBuildBr(g->b, target);
		LLVMPositionBuilderAtEnd(g->b, target);
		gen_stmt(g, n->a);
		return;
	}
	case N_BRANCH: {
		Node *t = n->c;
		if (!t) return;
		Jump *j = gen_jump(g, t);
		if (n->op == T_GOTO) {
			if (!j->brk) j->brk = LLVMAppendBasicBlockInContext(g->ctx, g->fn, t->name->s);
			LLVMBuildBr(g->b, j->brk);
		} else if (n->op == T_BREAK) LLVMBuildBr(g->b, j->brk);
		else LLVMBuildBr(g->b, j->cont); /* continue; fallthrough: the next case body */
		return;
	}
	case N_SWITCH: {
		if (n->b && n->b->kind == N_TYPESWITCHGUARD) {
			gen_stmt(g, n->a);
			gen_type_switch(g, n);
			return;
		}
		gen_stmt(g, n->a);
		LLVMValueRef tag = n->b ? gen_expr(g, n->b) : NULL;
		int nc = list_len(n->list);
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "switch.end");
		LLVMBasicBlockRef *bodies = NEWARR(LLVMBasicBlockRef, nc + 1);
		int i = 0, dflt = -1;
		for (Node *cc = n->list; cc; cc = cc->next, i++) {
			bodies[i] = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "case");
			if (cc->flags & NF_DEFAULT) dflt = i;
		}
		bodies[nc] = done;
		/* tests in source order; the default is taken when none matches */
		i = 0;
		for (Node *cc = n->list; cc; cc = cc->next, i++) {
			for (Node *v = cc->list; v; v = v->next) {
				LLVMValueRef c;
				if (!tag) {
					c = gen_expr(g, v);
					/* the implicit tag true compared with an interface case */
					if (under(v->type)->kind == TY_INTERFACE)
						c = gen_iface_eq_values(g, LLVMConstInt(g->i1, 1, 0), ty_bool, c, v->type);
				} else {
					/* tag == v, as the binary operator would compare them */
					LLVMValueRef x = gen_expr(g, v);
					Type *tt = n->b->type, *vt = v->type;
					if (vt->kind == TY_UNTYPED_NIL || (v->obj && v->obj->kind == OBJ_NIL))
						c = LLVMBuildICmp(g->b, LLVMIntEQ, under(tt)->kind == TY_INTERFACE || under(tt)->kind == TY_SLICE
						                                          ? LLVMBuildExtractValue(g->b, tag, 0, "") : tag,
						                  LLVMConstNull(g->ptr), "");
					else if (under(tt)->kind == TY_INTERFACE || under(vt)->kind == TY_INTERFACE)
						c = gen_iface_eq_values(g, tag, tt, x, vt);
					else c = gen_arith(g, T_EQ, tag, x, tt, v);
				}
				LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "case.next");
				LLVMBuildCondBr(g->b, c, bodies[i], next);
				LLVMPositionBuilderAtEnd(g->b, next);
			}
		}
		LLVMBuildBr(g->b, dflt >= 0 ? bodies[dflt] : done);
		Jump *j = gen_jump(g, n);
		j->brk = done;
		i = 0;
		for (Node *cc = n->list; cc; cc = cc->next, i++) {
			LLVMPositionBuilderAtEnd(g->b, bodies[i]);
			/* fallthrough jumps to the next body: point this switch's
			 * "continue" slot at it while the body is generated */
			LLVMBasicBlockRef saved = gen_jump(g, n)->cont;
			gen_jump(g, n)->cont = bodies[i + 1];
			gen_stmts(g, cc->list2);
			gen_jump(g, n)->cont = saved;
			if (!gen_terminated(g)) LLVMBuildBr(g->b, done);
		}
		LLVMPositionBuilderAtEnd(g->b, done);
		return;
	}
	default: return;
	}
}

/* ---- functions and the module ------------------------------------------------ */

