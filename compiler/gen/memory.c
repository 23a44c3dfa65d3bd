/* memory.c: values that live in memory: addresses of addressable
 * expressions (variables, fields, elements, *p), field selection through
 * embedded fields, indexing and slicing with Go's bounds checks, composite
 * literals, and the allocating builtins (new, make, append, copy).
 *
 * Heap allocation goes through rt_new/rt_makeslice/rt_growslice with the
 * type's descriptor, so the collector knows every object's pointers. A
 * local whose address is taken is allocated on the heap for now (escape
 * analysis, issue 7's, will keep most of them on the stack). */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

static LLVMValueRef i64c(Gen *g, int64_t v) { return LLVMConstInt(g->i64, (unsigned long long)v, 1); }

/* rt_new(&type): a zeroed heap object of type t */
LLVMValueRef gen_new(Gen *g, Type *t) {
	LLVMTypeRef pt[1] = {g->ptr};
	LLVMValueRef args[1] = {gen_typedesc(g, t)};
	return gen_call_rt(g, "rt_new", g->ptr, pt, args, 1);
}

/* if (i >= len) panic: index out of range [i] with length len (unsigned
 * compare catches negative i too) */
void gen_bounds_check(Gen *g, LLVMValueRef i, LLVMValueRef len) {
	LLVMValueRef bad = LLVMBuildICmp(g->b, LLVMIntUGE, i, len, "oob");
	LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "bounds.fail");
	LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "bounds.ok");
	LLVMBuildCondBr(g->b, bad, fail, ok);
	LLVMPositionBuilderAtEnd(g->b, fail);
	LLVMTypeRef pt[2] = {g->i64, g->i64};
	LLVMValueRef args[2] = {i, len};
	gen_call_rt(g, "rt_panicindex", g->voidt, pt, args, 2);
	LLVMBuildUnreachable(g->b);
	LLVMPositionBuilderAtEnd(g->b, ok);
}

/* A nil check before using pointer p to a value of type t: explicit where
 * the access might not fault (a zero-size value is never loaded; a field
 * far into a large value lies beyond the unmapped page at address 0) or
 * t is NULL (a receiver copied into a method value may never be used, and
 * LLVM deletes unused loads); otherwise the fault itself becomes the panic
 * (signal.c). */
void gen_nilcheck(Gen *g, LLVMValueRef p, Type *t) {
	int64_t size = t ? type_size(t) : 0;
	/* (a large value's load may become a memmove, which runs outside Go
	 * code, where a fault is not a panic: BIG_AGGREGATE below) */
	if (size != 0 && size <= 128 && !g->explicit_nilchecks) return;
	LLVMValueRef bad = LLVMBuildICmp(g->b, LLVMIntEQ, p, LLVMConstNull(g->ptr), "isnil");
	LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "nil.fail");
	LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "nil.ok");
	LLVMBuildCondBr(g->b, bad, fail, ok);
	LLVMPositionBuilderAtEnd(g->b, fail);
	gen_call_rt(g, "rt_panicnil", g->voidt, NULL, NULL, 0);
	LLVMBuildUnreachable(g->b);
	LLVMPositionBuilderAtEnd(g->b, ok);
}

/* v, an integer of Go type t, widened to int64 by t's signedness */
LLVMValueRef gen_to_i64(Gen *g, Type *t, LLVMValueRef v) {
	if (LLVMGetIntTypeWidth(LLVMTypeOf(v)) == 64) return v;
	return gen_signed(t) ? LLVMBuildSExt(g->b, v, g->i64, "") : LLVMBuildZExt(g->b, v, g->i64, "");
}

/* Follows a selection path of field indices from the address p of a value
 * of type t, loading embedded pointers on the way. */
static LLVMValueRef walk_path(Gen *g, LLVMValueRef p, Type *t, const int *path, int n) {
	for (int i = 0; i < n; i++) {
		if (under(t)->kind == TY_POINTER) {
			p = LLVMBuildLoad2(g->b, g->ptr, p, "embedded.ptr");
			t = under(t)->elem;
			gen_nilcheck(g, p, t);
		}
		Type *st = under(t);
		p = LLVMBuildStructGEP2(g->b, gen_type(g, st), p, (unsigned)path[i], st->fields[path[i]].name->s);
		t = st->fields[path[i]].type;
	}
	return p;
}

/* The address of the operand of a selector, as a pointer to the value the
 * selector starts from (through a pointer if the operand is one). */
static LLVMValueRef selector_root(Gen *g, Node *x, Type **t) {
	if (under(x->type)->kind == TY_POINTER) {
		*t = under(x->type)->elem;
		LLVMValueRef p = gen_expr(g, x);
		gen_nilcheck(g, p, *t);
		return p;
	}
	*t = x->type;
	if (x->mode == M_VAR) return gen_addr(g, x);
	/* a non-addressable value: spill it to a temporary */
	LLVMValueRef tmp = gen_temp(g, gen_type(g, x->type), "sel.tmp");
	LLVMBuildStore(g->b, gen_expr(g, x), tmp);
	return tmp;
}

/* For a method selector x.m found through embedded fields: the address of
 * the embedded value that has the method (or the pointer itself). */
LLVMValueRef gen_selector_base_addr(Gen *g, Node *sel) {
	Type *t;
	/* an address is taken, nothing loaded: a nil pointer on the way must
	 * be caught here (m.F() with F promoted through a nil *M2 panics, as
	 * does m.M.F(), which takes &m.M); a pointer operand itself is the
	 * receiver, and may be nil */
	int saved = g->explicit_nilchecks;
	g->explicit_nilchecks = sel->sel->npath > 0 || under(sel->a->type)->kind != TY_POINTER;
	LLVMValueRef p = selector_root(g, sel->a, &t);
	p = walk_path(g, p, t, sel->sel->path, sel->sel->npath);
	g->explicit_nilchecks = saved;
	/* the path may end at an embedded *T: the method's receiver is that pointer */
	Type *last = t;
	for (int i = 0; i < sel->sel->npath; i++) {
		Type *st = under(last);
		if (st->kind == TY_POINTER) st = under(st->elem);
		last = st->fields[sel->sel->path[i]].type;
	}
	if (sel->sel->npath > 0 && under(last)->kind == TY_POINTER) {
		p = LLVMBuildLoad2(g->b, g->ptr, p, "recv.ptr");
		gen_nilcheck(g, p, under(last)->elem);
	}
	return p;
}

/* The receiver for a method of type recv found through the embedded-field
 * path from a value v of type t (a method expression's first argument). */
LLVMValueRef gen_embedded_recv(Gen *g, LLVMValueRef v, Type *t, const int *path, int n, Type *recv) {
	LLVMValueRef p;
	Type *cur;
	if (under(t)->kind == TY_POINTER) {
		p = v;
		cur = under(t)->elem;
		gen_nilcheck(g, p, cur);
	} else {
		p = gen_temp(g, LLVMTypeOf(v), "recv.tmp");
		LLVMBuildStore(g->b, v, p);
		cur = t;
	}
	for (int i = 0; i < n; i++) {
		Type *st = under(cur);
		p = LLVMBuildStructGEP2(g->b, gen_type(g, st), p, (unsigned)path[i], "");
		cur = st->fields[path[i]].type;
		if (under(cur)->kind == TY_POINTER) {
			p = LLVMBuildLoad2(g->b, g->ptr, p, "embedded.ptr");
			cur = under(cur)->elem;
			/* (the last pointer, when it is the receiver, may be nil) */
			if (i < n - 1 || recv->kind != TY_POINTER) gen_nilcheck(g, p, cur);
		}
	}
	return recv->kind == TY_POINTER ? p : LLVMBuildLoad2(g->b, gen_type(g, recv), p, "recv");
}

LLVMValueRef gen_addr(Gen *g, Node *n) {
	switch (n->kind) {
	case N_PAREN: return gen_addr(g, n->a);
	case N_NAME: {
		Object *o = n->obj;
		if (o->heap) return LLVMBuildLoad2(g->b, g->ptr, gen_objval(g, o), o->name->s);
		return gen_objval(g, o);
	}
	case N_UNARY: { /* *p */
		LLVMValueRef p = gen_expr(g, n->a);
		if (g->explicit_nilchecks) gen_nilcheck(g, p, NULL);
		return p;
	}
	case N_SELECTOR: {
		Type *t;
		LLVMValueRef p = selector_root(g, n->a, &t);
		return walk_path(g, p, t, n->sel->path, n->sel->npath);
	}
	case N_INDEX: {
		Node *x = n->a;
		Type *u = under(x->type);
		if (u->kind == TY_MAP) return gen_mapassign_addr(g, n);
		LLVMValueRef i = gen_to_i64(g, n->list->type, gen_expr(g, n->list));
		if (u->kind == TY_SLICE) {
			LLVMValueRef s = gen_expr(g, x);
			if (!gen_index_in_bounds(g, x, n->list)) gen_bounds_check(g, i, LLVMBuildExtractValue(g->b, s, 1, "len"));
			LLVMValueRef base = LLVMBuildExtractValue(g->b, s, 0, "ptr");
			return LLVMBuildGEP2(g->b, gen_type(g, u->elem), base, &i, 1, "elem");
		}
		LLVMValueRef base;
		if (u->kind == TY_POINTER) {
			base = gen_expr(g, x);
			u = under(u->elem);
			gen_nilcheck(g, base, u);
		} else base = gen_addr(g, x);
		gen_bounds_check(g, i, i64c(g, u->len));
		LLVMValueRef idx[2] = {i64c(g, 0), i};
		return LLVMBuildGEP2(g->b, gen_type(g, u), base, idx, 2, "elem");
	}
	case N_COMPOSITELIT: {
		LLVMValueRef p = gen_new(g, n->type);
		gen_complit_into(g, n, p, true);
		return p;
	}
	default:
		/* a value that is not addressable (a call's or an assertion's
		 * result, an element of one) read through an index or a field:
		 * the checker allows only reads here, so a stack copy serves */
		if (n->type && n->mode != M_TYPEEXPR) {
			LLVMValueRef v = gen_expr(g, n);
			LLVMValueRef p = gen_temp(g, gen_type(g, n->type), "rvalue");
			LLVMBuildStore(g->b, v, p);
			return p;
		}
		break;
	}
	diag_error(n->pos, "internal error: no address for %s", node_kind_name(n->kind));
	return LLVMGetUndef(g->ptr);
}

/* ---- composite literals ------------------------------------------------------------ */

/* Stores the literal's elements into memory at p (zeroed already when
 * heap is true, else zeroed here). */
void gen_complit_into(Gen *g, Node *n, LLVMValueRef p, bool heap) {
	Type *t = n->type, *u = under(t);
	if (!heap) LLVMBuildStore(g->b, LLVMConstNull(gen_type(g, t)), p);
	switch (u->kind) {
	case TY_STRUCT:
		for (Node *e = n->list; e; e = e->next) {
			Node *v = e->kind == N_KEYVALUE ? e->b : e;
			int f = e->iota;
			LLVMValueRef fp = LLVMBuildStructGEP2(g->b, gen_type(g, u), p, (unsigned)f, "");
			gen_store(g, fp, gen_expr(g, v), u->fields[f].type, heap);
		}
		return;
	case TY_ARRAY:
		for (Node *e = n->list; e; e = e->next) {
			Node *v = e->kind == N_KEYVALUE ? e->b : e;
			LLVMValueRef idx[2] = {i64c(g, 0), i64c(g, e->iota)};
			LLVMValueRef ep = LLVMBuildGEP2(g->b, gen_type(g, u), p, idx, 2, "");
			gen_store(g, ep, gen_expr(g, v), u->elem, heap);
		}
		return;
	default:
		/* a slice or map literal (&[]T{...}, &M{...}): its value */
		gen_store(g, p, gen_complit(g, n), t, heap);
		return;
	}
}

LLVMValueRef gen_complit(Gen *g, Node *n) {
	Type *u = under(n->type);
	if (u->kind == TY_SLICE) {
		/* a slice literal: a heap backing array of the literal's length */
		int64_t len = n->litlen;
		Type *arr = type_array(u->elem, len);
		LLVMValueRef p = gen_new(g, arr);
		for (Node *e = n->list; e; e = e->next) {
			Node *v = e->kind == N_KEYVALUE ? e->b : e;
			LLVMValueRef idx = i64c(g, e->iota);
			LLVMValueRef ep = LLVMBuildGEP2(g->b, gen_type(g, u->elem), p, &idx, 1, "");
			gen_store(g, ep, gen_expr(g, v), u->elem, true);
		}
		LLVMValueRef s = LLVMGetUndef(g->slice);
		s = LLVMBuildInsertValue(g->b, s, p, 0, "");
		s = LLVMBuildInsertValue(g->b, s, i64c(g, len), 1, "");
		return LLVMBuildInsertValue(g->b, s, i64c(g, len), 2, "");
	}
	if (u->kind == TY_MAP) return gen_maplit(g, n);
	LLVMValueRef tmp = gen_temp(g, gen_type(g, n->type), "lit");
	gen_complit_into(g, n, tmp, false);
	return LLVMBuildLoad2(g->b, gen_type(g, n->type), tmp, "");
}

/* f(a, b, c) for a variadic f: a heap slice of the trailing arguments */
LLVMValueRef gen_variadic_slice(Gen *g, Node *first, Type *slicet) {
	Type *elem = under(slicet)->elem;
	int64_t n = 0;
	for (Node *a = first; a; a = a->next) n++;
	LLVMValueRef p = gen_new(g, type_array(elem, n));
	int64_t i = 0;
	for (Node *a = first; a; a = a->next, i++) {
		LLVMValueRef idx = i64c(g, i);
		gen_store(g, LLVMBuildGEP2(g->b, gen_type(g, elem), p, &idx, 1, ""), gen_expr(g, a), elem, true);
	}
	LLVMValueRef s = LLVMGetUndef(g->slice);
	s = LLVMBuildInsertValue(g->b, s, p, 0, "");
	s = LLVMBuildInsertValue(g->b, s, i64c(g, n), 1, "");
	return LLVMBuildInsertValue(g->b, s, i64c(g, n), 2, "");
}

/* ---- slicing ----------------------------------------------------------------------------- */

static void slice_fail(Gen *g, LLVMValueRef bad, const char *fn, LLVMValueRef a, LLVMValueRef b) {
	LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "slice.fail");
	LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "slice.ok");
	LLVMBuildCondBr(g->b, bad, fail, ok);
	LLVMPositionBuilderAtEnd(g->b, fail);
	LLVMTypeRef pt[2] = {g->i64, g->i64};
	LLVMValueRef args[2] = {a, b};
	gen_call_rt(g, fn, g->voidt, pt, args, 2);
	LLVMBuildUnreachable(g->b);
	LLVMPositionBuilderAtEnd(g->b, ok);
}

/* s[lo:hi:max] on strings, slices, arrays and pointers to arrays, with gc's
 * checks in gc's order: hi against cap (len for strings), lo against hi. */
LLVMValueRef gen_slice(Gen *g, Node *n) {
	Node *x = n->a;
	Type *u = under(x->type);
	LLVMValueRef base, len, cap;
	Type *elem;
	bool str = type_is_string(u);
	if (str) {
		LLVMValueRef s = gen_expr(g, x);
		base = LLVMBuildExtractValue(g->b, s, 0, "");
		len = cap = LLVMBuildExtractValue(g->b, s, 1, "");
		elem = basic_type(TY_UINT8);
	} else if (u->kind == TY_SLICE) {
		LLVMValueRef s = gen_expr(g, x);
		base = LLVMBuildExtractValue(g->b, s, 0, "");
		len = LLVMBuildExtractValue(g->b, s, 1, "");
		cap = LLVMBuildExtractValue(g->b, s, 2, "");
		elem = u->elem;
	} else {
		Type *arr = u->kind == TY_POINTER ? under(u->elem) : u;
		if (u->kind == TY_POINTER) {
			base = gen_expr(g, x);
			gen_nilcheck(g, base, NULL); /* p[:] loads nothing, yet panics on nil */
		} else {
			/* (a[:] takes a's address: as &a, it panics if a is behind nil) */
			int saved = g->explicit_nilchecks;
			g->explicit_nilchecks = 1;
			base = gen_addr(g, x);
			g->explicit_nilchecks = saved;
		}
		len = cap = i64c(g, arr->len);
		elem = arr->elem;
	}
	LLVMValueRef lo = n->b ? gen_to_i64(g, n->b->type, gen_expr(g, n->b)) : i64c(g, 0);
	LLVMValueRef hi = n->c ? gen_to_i64(g, n->c->type, gen_expr(g, n->c)) : len;
	LLVMValueRef max = n->d ? gen_to_i64(g, n->d->type, gen_expr(g, n->d)) : cap;
	bool arraylike = !str && u->kind != TY_SLICE;
	if (n->d) {
		slice_fail(g, LLVMBuildICmp(g->b, LLVMIntUGT, max, cap, ""), arraylike ? "rt_panicslice3alen" : "rt_panicslice3acap", max, cap);
		slice_fail(g, LLVMBuildICmp(g->b, LLVMIntUGT, hi, max, ""), "rt_panicslice3b", hi, max);
		slice_fail(g, LLVMBuildICmp(g->b, LLVMIntUGT, lo, hi, ""), "rt_panicslice3c", lo, hi);
	} else {
		if (n->c) slice_fail(g, LLVMBuildICmp(g->b, LLVMIntUGT, hi, cap, ""), str || arraylike ? "rt_panicslicealen" : "rt_panicsliceacap", hi, cap);
		slice_fail(g, LLVMBuildICmp(g->b, LLVMIntUGT, lo, hi, ""), "rt_panicsliceb", lo, hi);
	}
	/* as gc: an empty result keeps the base, never pointing past the end
	 * of the operand (where it could keep the next object alive) */
	LLVMValueRef nl = LLVMBuildSub(g->b, hi, lo, "");
	LLVMValueRef nc = str ? nl : LLVMBuildSub(g->b, max, lo, "");
	LLVMValueRef off = LLVMBuildSelect(g->b, LLVMBuildICmp(g->b, LLVMIntEQ, nc, i64c(g, 0), ""), i64c(g, 0), lo, "");
	LLVMValueRef p = LLVMBuildGEP2(g->b, gen_type(g, elem), base, &off, 1, "");
	if (str) {
		LLVMValueRef s = LLVMGetUndef(g->str);
		s = LLVMBuildInsertValue(g->b, s, p, 0, "");
		return LLVMBuildInsertValue(g->b, s, nl, 1, "");
	}
	LLVMValueRef s = LLVMGetUndef(g->slice);
	s = LLVMBuildInsertValue(g->b, s, p, 0, "");
	s = LLVMBuildInsertValue(g->b, s, nl, 1, "");
	return LLVMBuildInsertValue(g->b, s, nc, 2, "");
}

/* ---- builtins that allocate ---------------------------------------------------------------- */

LLVMValueRef gen_len_cap(Gen *g, Node *n, bool cap) {
	Node *x = n->list;
	Type *u = under(x->type);
	if (u->kind == TY_POINTER) u = under(u->elem);
	if (u->kind == TY_ARRAY) {
		/* not a constant when x has calls or receives: evaluate it for them */
		if (under(x->type)->kind == TY_POINTER || !n->val) gen_expr(g, x);
		return i64c(g, u->len);
	}
	LLVMValueRef v = gen_expr(g, x);
	if (type_is_string(u)) return LLVMBuildExtractValue(g->b, v, 1, "len");
	if (u->kind == TY_SLICE) return LLVMBuildExtractValue(g->b, v, cap ? 2 : 1, cap ? "cap" : "len");
	LLVMTypeRef pt[1] = {g->ptr};
	LLVMValueRef args[1] = {v};
	if (u->kind == TY_MAP) return gen_call_rt(g, "rt_maplen", g->i64, pt, args, 1);
	if (u->kind == TY_CHAN) return gen_call_rt(g, cap ? "rt_chancap" : "rt_chanlen", g->i64, pt, args, 1);
	return i64c(g, 0);
}

LLVMValueRef gen_make(Gen *g, Node *n) {
	Type *t = n->type, *u = under(t);
	if (u->kind == TY_MAP) return gen_makemap(g, t, n->list->next);
	if (u->kind == TY_CHAN) return gen_makechan(g, t, n->list->next);
	if (u->kind != TY_SLICE) {
		diag_error(n->pos, "make(%s) is not supported by the code generator yet", type_string(t));
		return LLVMConstNull(g->ptr);
	}
	Node *ln = n->list->next, *cp = ln ? ln->next : NULL;
	LLVMValueRef len = gen_to_i64(g, ln->type, gen_expr(g, ln));
	LLVMValueRef cap = cp ? gen_to_i64(g, cp->type, gen_expr(g, cp)) : len;
	LLVMTypeRef pt[3] = {g->ptr, g->i64, g->i64};
	LLVMValueRef args[3] = {gen_typedesc(g, u->elem), len, cap};
	LLVMValueRef p = gen_call_rt(g, "rt_makeslice", g->ptr, pt, args, 3);
	LLVMValueRef s = LLVMGetUndef(g->slice);
	s = LLVMBuildInsertValue(g->b, s, p, 0, "");
	s = LLVMBuildInsertValue(g->b, s, len, 1, "");
	return LLVMBuildInsertValue(g->b, s, cap, 2, "");
}

/* append(s, a, b): grow through the runtime when cap is short, then store */
LLVMValueRef gen_append(Gen *g, Node *n) {
	Node *sn = n->list;
	Type *st = sn->type, *elem = under(st)->elem;
	LLVMTypeRef et = gen_type(g, elem);
	LLVMValueRef s = gen_expr(g, sn);
	LLVMValueRef ptr = LLVMBuildExtractValue(g->b, s, 0, ""), len = LLVMBuildExtractValue(g->b, s, 1, ""),
	             cap = LLVMBuildExtractValue(g->b, s, 2, "");
	/* the values to append, and how many */
	LLVMValueRef srcptr = NULL, count;
	int nvals = 0;
	LLVMValueRef *vals = NULL;
	if (n->flags & NF_DOTS) {
		LLVMValueRef o = gen_expr(g, sn->next);
		srcptr = LLVMBuildExtractValue(g->b, o, 0, "");
		count = LLVMBuildExtractValue(g->b, o, 1, "");
	} else {
		for (Node *a = sn->next; a; a = a->next) nvals++;
		vals = NEWARR(LLVMValueRef, nvals + 1);
		int i = 0;
		for (Node *a = sn->next; a; a = a->next) vals[i++] = gen_expr(g, a);
		count = i64c(g, nvals);
	}
	LLVMValueRef newlen = LLVMBuildAdd(g->b, len, count, "newlen");
	LLVMBasicBlockRef from = LLVMGetInsertBlock(g->b);
	LLVMBasicBlockRef grow = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "append.grow");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "append.store");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntUGT, newlen, cap, ""), grow, done);
	LLVMPositionBuilderAtEnd(g->b, grow);
	LLVMValueRef out = gen_temp(g, g->slice, "grown");
	LLVMTypeRef pt[6] = {g->ptr, g->ptr, g->ptr, g->i64, g->i64, g->i64};
	LLVMValueRef args[6] = {out, gen_typedesc(g, elem), ptr, len, cap, newlen};
	gen_call_rt(g, "rt_growslice", g->voidt, pt, args, 6);
	LLVMValueRef grown = LLVMBuildLoad2(g->b, g->slice, out, "");
	LLVMValueRef gptr = LLVMBuildExtractValue(g->b, grown, 0, ""), gcap = LLVMBuildExtractValue(g->b, grown, 2, "");
	LLVMBasicBlockRef grow_end = LLVMGetInsertBlock(g->b);
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, done);
	LLVMValueRef p2 = LLVMBuildPhi(g->b, g->ptr, "ptr");
	LLVMValueRef c2 = LLVMBuildPhi(g->b, g->i64, "cap");
	LLVMValueRef pv[2] = {ptr, gptr}, cv[2] = {cap, gcap};
	LLVMBasicBlockRef bb[2] = {from, grow_end};
	LLVMAddIncoming(p2, pv, bb, 2);
	LLVMAddIncoming(c2, cv, bb, 2);
	if (srcptr) {
		/* memmove the other slice's elements (they may overlap) */
		LLVMValueRef dst = LLVMBuildGEP2(g->b, et, p2, &len, 1, "");
		LLVMValueRef bytes = LLVMBuildMul(g->b, count, i64c(g, type_size(elem)), "");
		if (type_has_pointers(elem)) {
			LLVMTypeRef mt[4] = {g->ptr, g->ptr, g->ptr, g->i64};
			LLVMValueRef ma[4] = {gen_typedesc(g, elem), dst, srcptr, count};
			gen_call_rt(g, "rt_typedslicecopy", g->voidt, mt, ma, 4);
		} else LLVMBuildMemMove(g->b, dst, 1, srcptr, 1, bytes);
	} else {
		for (int i = 0; i < nvals; i++) {
			LLVMValueRef idx = LLVMBuildAdd(g->b, len, i64c(g, i), "");
			gen_store(g, LLVMBuildGEP2(g->b, et, p2, &idx, 1, ""), vals[i], elem, true);
		}
	}
	LLVMValueRef r = LLVMGetUndef(g->slice);
	r = LLVMBuildInsertValue(g->b, r, p2, 0, "");
	r = LLVMBuildInsertValue(g->b, r, newlen, 1, "");
	return LLVMBuildInsertValue(g->b, r, c2, 2, "");
}

LLVMValueRef gen_copy(Gen *g, Node *n) {
	Node *d = n->list, *s = d->next;
	Type *elem = under(d->type)->elem;
	LLVMValueRef dv = gen_expr(g, d), sv = gen_expr(g, s);
	LLVMValueRef dl = LLVMBuildExtractValue(g->b, dv, 1, ""), sl = LLVMBuildExtractValue(g->b, sv, 1, "");
	LLVMValueRef nmin = LLVMBuildSelect(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, dl, sl, ""), dl, sl, "n");
	LLVMValueRef dp = LLVMBuildExtractValue(g->b, dv, 0, ""), sp = LLVMBuildExtractValue(g->b, sv, 0, "");
	if (type_has_pointers(elem)) {
		LLVMTypeRef mt[4] = {g->ptr, g->ptr, g->ptr, g->i64};
		LLVMValueRef ma[4] = {gen_typedesc(g, elem), dp, sp, nmin};
		gen_call_rt(g, "rt_typedslicecopy", g->voidt, mt, ma, 4);
	} else LLVMBuildMemMove(g->b, dp, 1, sp, 1, LLVMBuildMul(g->b, nmin, i64c(g, type_size(elem)), ""));
	return nmin;
}

/* ---- large aggregate copies -------------------------------------------------
 * Values are first-class LLVM aggregates, which is right for small ones;
 * but LLVM lowers a load or store of a [1<<20]int element by element, and
 * compile time explodes. Before the pipeline runs, a store of a large
 * aggregate that was just loaded (nothing but allocations between) becomes
 * a memmove, and a store of zero a memset. */

enum { BIG_AGGREGATE = 128 }; /* bytes */

static bool is_big(LLVMTargetDataRef td, LLVMTypeRef t) {
	LLVMTypeKind k = LLVMGetTypeKind(t);
	return (k == LLVMArrayTypeKind || k == LLVMStructTypeKind) && LLVMABISizeOfType(td, t) > BIG_AGGREGATE;
}

/* Does inst leave user memory alone? (Allocation may collect, but the
 * collector neither moves nor writes live objects.) */
static bool writes_no_memory(LLVMValueRef inst) {
	switch (LLVMGetInstructionOpcode(inst)) {
	case LLVMStore: case LLVMInvoke: case LLVMCallBr: case LLVMAtomicRMW: case LLVMAtomicCmpXchg: case LLVMFence: return false;
	case LLVMCall: break;
	default: return true;
	}
	LLVMValueRef callee = LLVMGetCalledValue(inst);
	size_t n;
	const char *name = LLVMIsAFunction(callee) ? LLVMGetValueName2(callee, &n) : "";
	return !strcmp(name, "rt_new") || !strcmp(name, "rt_newarray");
}

static bool copy_from_load(LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef store, LLVMValueRef v, LLVMValueRef dst) {
	if (!LLVMIsALoadInst(v) || LLVMGetInstructionParent(v) != LLVMGetInstructionParent(store)) return false;
	LLVMUseRef use = LLVMGetFirstUse(v);
	if (!use || LLVMGetNextUse(use)) return false;
	for (LLVMValueRef i = LLVMGetNextInstruction(v); i && i != store; i = LLVMGetNextInstruction(i))
		if (!writes_no_memory(i)) return false;
	LLVMPositionBuilderBefore(b, store);
	unsigned align = LLVMGetAlignment(store) < LLVMGetAlignment(v) ? LLVMGetAlignment(store) : LLVMGetAlignment(v);
	LLVMValueRef size = LLVMConstInt(LLVMInt64TypeInContext(LLVMGetTypeContext(LLVMTypeOf(v))), LLVMABISizeOfType(td, LLVMTypeOf(v)), 0);
	LLVMBuildMemMove(b, dst, align, LLVMGetOperand(v, 0), align, size);
	LLVMInstructionEraseFromParent(store);
	LLVMInstructionEraseFromParent(v);
	return true;
}

/* A store of a large aggregate that was just loaded (or is zero) as a
 * copy in memory: rt_typedmemmove / rt_typedmemclr where the barrier
 * applies, memmove / memset elsewhere. Returns false for other stores. */
bool gen_store_big(Gen *g, LLVMValueRef addr, LLVMValueRef v, Type *t, bool offstack) {
	LLVMTypeRef lt = LLVMTypeOf(v);
	if (!is_big(g->td, lt)) return false;
	bool zero = LLVMIsNull(v), barrier = offstack && type_has_pointers(t);
	LLVMValueRef size = LLVMConstInt(g->i64, LLVMABISizeOfType(g->td, lt), 0);
	if (zero) {
		if (barrier) {
			LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->i64};
			LLVMValueRef args[3] = {gen_typedesc(g, t), addr, LLVMConstInt(g->i64, 1, 0)};
			gen_call_rt(g, "rt_typedmemclr", g->voidt, pt, args, 3);
		} else
			LLVMBuildMemSet(g->b, addr, LLVMConstInt(g->i8, 0, 0), size, 1);
		return true;
	}
	if (!LLVMIsALoadInst(v) || LLVMGetFirstUse(v) || LLVMGetInstructionParent(v) != LLVMGetInsertBlock(g->b)) return false;
	for (LLVMValueRef i = LLVMGetNextInstruction(v); i; i = LLVMGetNextInstruction(i))
		if (!writes_no_memory(i)) return false;
	LLVMValueRef src = LLVMGetOperand(v, 0);
	/* the load would have faulted in Go code, where a fault is a panic;
	 * the copy runs in the runtime, where it is not */
	if (!LLVMIsAAllocaInst(src) && !LLVMIsAGlobalVariable(src)) gen_nilcheck(g, src, NULL);
	if (barrier) {
		LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
		LLVMValueRef args[3] = {gen_typedesc(g, t), addr, src};
		gen_call_rt(g, "rt_typedmemmove", g->voidt, pt, args, 3);
	} else
		LLVMBuildMemMove(g->b, addr, 1, src, 1, size);
	LLVMInstructionEraseFromParent(v);
	return true;
}

void gen_lower_big_copies(LLVMModuleRef mod, LLVMTargetDataRef td) {
	LLVMBuilderRef b = LLVMCreateBuilderInContext(LLVMGetModuleContext(mod));
	LLVMTypeRef i8 = LLVMInt8TypeInContext(LLVMGetModuleContext(mod)), i64 = LLVMInt64TypeInContext(LLVMGetModuleContext(mod));
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
			for (LLVMValueRef i = LLVMGetFirstInstruction(bb), next; i; i = next) {
				next = LLVMGetNextInstruction(i);
				if (!LLVMIsAStoreInst(i) || LLVMGetVolatile(i)) continue;
				LLVMValueRef v = LLVMGetOperand(i, 0), dst = LLVMGetOperand(i, 1);
				if (!is_big(td, LLVMTypeOf(v))) continue;
				if (LLVMIsNull(v) || LLVMIsUndef(v)) {
					LLVMPositionBuilderBefore(b, i);
					if (!LLVMIsUndef(v))
						LLVMBuildMemSet(b, dst, LLVMConstInt(i8, 0, 0), LLVMConstInt(i64, LLVMABISizeOfType(td, LLVMTypeOf(v)), 0),
						                LLVMGetAlignment(i));
					LLVMInstructionEraseFromParent(i);
				} else
					copy_from_load(b, td, i, v, dst);
			}
	/* A large load whose value is stored later, with writes between (an
	 * argument read before the next one's call: f(m[k], g())): copied to
	 * a temporary where it is loaded, and from there where it is stored. */
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
			for (LLVMValueRef i = LLVMGetFirstInstruction(bb), next; i; i = next) {
				next = LLVMGetNextInstruction(i);
				if (!LLVMIsALoadInst(i) || LLVMGetVolatile(i) || !is_big(td, LLVMTypeOf(i)) || !LLVMGetFirstUse(i)) continue;
				bool stores_only = true;
				for (LLVMUseRef u = LLVMGetFirstUse(i); u && stores_only; u = LLVMGetNextUse(u)) {
					LLVMValueRef user = LLVMGetUser(u);
					stores_only = LLVMIsAStoreInst(user) && !LLVMGetVolatile(user) && LLVMGetOperand(user, 0) == i &&
					              LLVMGetOperand(user, 1) != i;
				}
				if (!stores_only) continue;
				LLVMTypeRef t = LLVMTypeOf(i);
				LLVMValueRef size = LLVMConstInt(i64, LLVMABISizeOfType(td, t), 0);
				LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f);
				LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(entry));
				LLVMValueRef tmp = LLVMBuildAlloca(b, t, "copy.tmp");
				LLVMPositionBuilderBefore(b, i);
				LLVMBuildMemMove(b, tmp, 1, LLVMGetOperand(i, 0), 1, size);
				LLVMUseRef u;
				while ((u = LLVMGetFirstUse(i))) {
					LLVMValueRef st = LLVMGetUser(u);
					LLVMPositionBuilderBefore(b, st);
					LLVMBuildMemMove(b, LLVMGetOperand(st, 1), 1, tmp, 1, size);
					if (next == st) next = LLVMGetNextInstruction(st);
					LLVMInstructionEraseFromParent(st);
				}
				LLVMInstructionEraseFromParent(i);
			}
	LLVMDisposeBuilder(b);
}
