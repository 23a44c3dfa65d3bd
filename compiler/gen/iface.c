/* iface.c: interfaces. An interface value is two words: for interface{}
 * the dynamic type's descriptor, for other interfaces an itab
 * {inter, type, hash, pad, fun[]} (runtime/type.h); then the data word:
 * the value itself when it is pointer-shaped, else a pointer to a heap
 * copy. Itabs for conversions the compiler sees are static, linkonce
 * constants; their fun[] entries are the methods, through a small wrapper
 * for value receivers (which get the data word, a pointer to the copy).
 */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

static bool is_empty_iface(Type *t) { return under(t)->methods.n == 0; }

/* Pointer-shaped values are stored directly in the data word. */
static bool direct(Type *t) {
	Type *u = under(t);
	switch (u->kind) {
	case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFEPTR: return true;
	default: return false;
	}
}

/* The function an itab (or a method table) holds for method selection s
 * of concrete type t. It is called with the data word: a pointer method
 * of *T, or a method of a pointer-shaped map, chan or func type, takes it
 * as is; any other
 * gets a wrapper that finds the receiver (through the boxed value and the
 * embedded-field path, or an embedded interface) and calls the method. */
LLVMValueRef gen_iface_method(Gen *g, Type *t, const Selection *s) {
	Method *m = s->method;
	TypeKind k = under(t)->kind;
	if (s->npath == 0 && !s->iface &&
	    (m->ptrrecv || (direct(t) && k != TY_POINTER && k != TY_STRUCT && k != TY_ARRAY)))
		return gen_objval(g, m->obj);
	const char *name = arena_printf(g_arena, "go.imethod.%s.%s", gen_type_name(g, t), m->name->s);
	LLVMValueRef w = LLVMGetNamedFunction(g->mod, name);
	if (w) return w;
	Type *sig = m->type;
	w = LLVMAddFunction(g->mod, name, gen_sig(g, sig, basic_type(TY_UNSAFEPTR)));
	gen_function_attrs(g, w);
	LLVMSetLinkage(w, LLVMLinkOnceODRLinkage);
	LLVMBuilderRef saved_b = g->b;
	LLVMValueRef saved_fn = g->fn;
	LLVMBasicBlockRef saved_entry = g->entry;
	int saved_nilchecks = g->explicit_nilchecks;
	g->explicit_nilchecks = 0;
	LLVMMetadataRef saved_disp = g->disp;
	g->disp = NULL; /* generated code: no source lines */
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->fn = w;
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, w, "entry");
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	unsigned n = LLVMCountParams(w);
	LLVMValueRef *args = NEWARR(LLVMValueRef, n);
	for (unsigned i = 1; i < n; i++) args[i] = LLVMGetParam(w, i);
	/* p points at the value of type t */
	LLVMValueRef p = LLVMGetParam(w, 0);
	Type *pt = under(t)->kind == TY_POINTER ? t : type_pointer(t);
	if (under(t)->kind != TY_POINTER && direct(t)) {
		LLVMValueRef tmp = gen_temp(g, g->ptr, "dataword");
		LLVMBuildStore(g->b, p, tmp);
		p = tmp;
	}
	LLVMValueRef r;
	if (s->iface) {
		/* an embedded interface: call its method on its dynamic value */
		Type *it = under(t)->kind == TY_POINTER ? under(t)->elem : t;
		for (int i = 0; i < s->npath; i++) {
			Type *st = under(it);
			if (st->kind == TY_POINTER) st = under(st->elem);
			it = st->fields[s->path[i]].type;
		}
		it = under(it);
		int idx = 0;
		for (int i = 0; i < it->methods.n; i++)
			if (it->methods.v[i].name == m->name) idx = i;
		LLVMValueRef addr = gen_embedded_recv(g, p, pt, s->path, s->npath, type_pointer(basic_type(TY_UINT8)));
		LLVMValueRef v = LLVMBuildLoad2(g->b, g->iface, addr, "iface");
		LLVMValueRef off = LLVMConstInt(g->i64, 24 + 8 * (unsigned long long)idx, 0);
		LLVMValueRef fp = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, LLVMBuildExtractValue(g->b, v, 0, ""), &off, 1, ""), "");
		args[0] = LLVMBuildExtractValue(g->b, v, 1, "");
		r = LLVMBuildCall2(g->b, gen_sig(g, sig, basic_type(TY_UNSAFEPTR)), fp, args, n, "");
	} else {
		args[0] = gen_embedded_recv(g, p, pt, s->path, s->npath, m->obj->recv);
		r = LLVMBuildCall2(g->b, gen_sig(g, sig, m->obj->recv), gen_objval(g, m->obj), args, n, "");
	}
	if (sig->nresults == 0) LLVMBuildRetVoid(g->b);
	else LLVMBuildRet(g->b, r);
	LLVMDisposeBuilder(g->b);
	g->b = saved_b;
	g->fn = saved_fn;
	g->entry = saved_entry;
	g->explicit_nilchecks = saved_nilchecks;
	g->disp = saved_disp;
	return w;
}

/* The static itab of concrete type t for interface type it. */
LLVMValueRef gen_itab(Gen *g, Type *t, Type *it) {
	const char *name = arena_printf(g_arena, "go.itab.%s,%s", gen_type_name(g, t), gen_type_name(g, it));
	LLVMValueRef gv = LLVMGetNamedGlobal(g->mod, name);
	if (gv) return gv;
	Type *iu = under(it);
	int n = iu->methods.n;
	LLVMTypeRef ft[5] = {g->ptr, g->ptr, g->i32, g->i32, LLVMArrayType2(g->ptr, (uint64_t)n)};
	LLVMTypeRef st = LLVMStructTypeInContext(g->ctx, ft, 5, 0);
	gv = LLVMAddGlobal(g->mod, st, name);
	LLVMSetLinkage(gv, LLVMLinkOnceODRLinkage);
	LLVMSetGlobalConstant(gv, 1);
	LLVMValueRef *fns = NEWARR(LLVMValueRef, n + 1);
	for (int i = 0; i < n; i++) {
		Selection s = lookup_field_or_method(t, iu->methods.v[i].name);
		if (s.kind != SEL_METHOD || (!s.iface && (!s.method->obj || !gen_objval(g, s.method->obj)))) {
			fns[i] = LLVMConstNull(g->ptr);
			continue;
		}
		fns[i] = gen_iface_method(g, t, &s);
	}
	LLVMValueRef hash = LLVMConstInt(g->i32, 0, 0);
	LLVMValueRef fv[5] = {gen_typedesc(g, it), gen_typedesc(g, t), hash, LLVMConstInt(g->i32, 0, 0),
	                      LLVMConstArray2(g->ptr, fns, (uint64_t)n)};
	LLVMSetInitializer(gv, LLVMConstStructInContext(g->ctx, fv, 5, 0));
	return gv;
}

/* The data word for value v of concrete type t. */
static LLVMValueRef box(Gen *g, LLVMValueRef v, Type *t) {
	if (direct(t)) return v;
	LLVMValueRef p = gen_new(g, t); /* zero-size values box to the runtime's zerobase */
	if (type_size(t) == 0) return p;
	gen_store(g, p, v, t, true);
	return p;
}

/* N_CONVERT: a value becomes an interface value. */
LLVMValueRef gen_convert(Gen *g, Node *n) { return gen_convert_value(g, gen_expr(g, n->a), n->a->type, n->type); }

/* Value v of type from as a value of interface type to. */
LLVMValueRef gen_convert_value(Gen *g, LLVMValueRef v, Type *from, Type *to) {
	if (under(from)->kind == TY_INTERFACE) {
		if (is_empty_iface(to)) {
			if (is_empty_iface(from)) return v;
			/* I -> interface{}: the itab's type, or nil */
			LLVMValueRef tab = LLVMBuildExtractValue(g->b, v, 0, "tab");
			LLVMValueRef isnil = LLVMBuildICmp(g->b, LLVMIntEQ, tab, LLVMConstNull(g->ptr), "");
			LLVMValueRef tp = LLVMBuildGEP2(g->b, g->i8, tab, (LLVMValueRef[]){LLVMConstInt(g->i64, 8, 0)}, 1, "");
			LLVMValueRef ty = LLVMBuildSelect(g->b, isnil, LLVMConstNull(g->ptr), tp, "");
			ty = LLVMBuildSelect(g->b, isnil, LLVMConstNull(g->ptr), LLVMBuildLoad2(g->b, g->ptr, ty, ""), "");
			return LLVMBuildInsertValue(g->b, v, ty, 0, "");
		}
		/* I -> J: the runtime finds (or builds) the itab */
		LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
		LLVMValueRef args[3] = {gen_typedesc(g, to), LLVMBuildExtractValue(g->b, v, 0, ""), LLVMConstInt(g->i1, is_empty_iface(from), 0)};
		args[2] = LLVMBuildIntToPtr(g->b, LLVMConstInt(g->i64, is_empty_iface(from), 0), g->ptr, "");
		LLVMValueRef tab = gen_call_rt(g, "rt_convI2I", g->ptr, pt, args, 3);
		return LLVMBuildInsertValue(g->b, v, tab, 0, "");
	}
	LLVMValueRef w0 = is_empty_iface(to) ? gen_typedesc(g, from) : gen_itab(g, from, to);
	LLVMValueRef r = LLVMGetUndef(g->iface);
	r = LLVMBuildInsertValue(g->b, r, w0, 0, "");
	return LLVMBuildInsertValue(g->b, r, box(g, v, from), 1, "");
}

/* The dynamic type's descriptor of interface value v (NULL for nil). */
static LLVMValueRef dyn_type(Gen *g, LLVMValueRef v, Type *it) {
	LLVMValueRef w0 = LLVMBuildExtractValue(g->b, v, 0, "");
	if (is_empty_iface(it)) return w0;
	LLVMBasicBlockRef from = LLVMGetInsertBlock(g->b);
	LLVMBasicBlockRef load = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "itab.type");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "itab.done");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntEQ, w0, LLVMConstNull(g->ptr), ""), done, load);
	LLVMPositionBuilderAtEnd(g->b, load);
	LLVMValueRef off = LLVMConstInt(g->i64, 8, 0);
	LLVMValueRef t = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, w0, &off, 1, ""), "");
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, done);
	LLVMValueRef phi = LLVMBuildPhi(g->b, g->ptr, "dyntype");
	LLVMValueRef vals[2] = {LLVMConstNull(g->ptr), t};
	LLVMBasicBlockRef bbs[2] = {from, load};
	LLVMAddIncoming(phi, vals, bbs, 2);
	return phi;
}

/* The concrete value in interface value v whose dynamic type is t. */
static LLVMValueRef unbox(Gen *g, LLVMValueRef v, Type *t) {
	LLVMValueRef data = LLVMBuildExtractValue(g->b, v, 1, "");
	if (direct(t)) return data;
	if (type_size(t) == 0) return LLVMConstNull(gen_type(g, t));
	return LLVMBuildLoad2(g->b, gen_type(g, t), data, "");
}

/* Does interface value v (of type it) hold dynamic type t / implement t? */
static LLVMValueRef type_test(Gen *g, LLVMValueRef v, Type *it, Type *t) {
	if (under(t)->kind == TY_INTERFACE) {
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef args[2] = {gen_typedesc(g, t), dyn_type(g, v, it)};
		return LLVMBuildICmp(g->b, LLVMIntNE, gen_call_rt(g, "rt_assertI2Iok", g->ptr, pt, args, 2), LLVMConstNull(g->ptr), "");
	}
	return LLVMBuildICmp(g->b, LLVMIntEQ, dyn_type(g, v, it), gen_typedesc(g, t), "");
}

/* x.(T), and v, ok := x.(T) (NF_COMMAOK: a {T, bool} pair) */
LLVMValueRef gen_assert(Gen *g, Node *n) {
	Node *x = n->a;
	Type *it = x->type, *t = n->type;
	LLVMValueRef v = gen_expr(g, x);
	LLVMValueRef ok = type_test(g, v, it, t);
	LLVMValueRef result;
	if (under(t)->kind == TY_INTERFACE) {
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef args[2] = {gen_typedesc(g, t), dyn_type(g, v, it)};
		LLVMValueRef tab = is_empty_iface(t) ? dyn_type(g, v, it) : gen_call_rt(g, "rt_assertI2Iok", g->ptr, pt, args, 2);
		result = LLVMBuildInsertValue(g->b, v, tab, 0, "");
	} else result = NULL;
	if (n->flags & NF_COMMAOK) {
		LLVMBasicBlockRef from = LLVMGetInsertBlock(g->b);
		LLVMBasicBlockRef yes = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "assert.ok");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "assert.done");
		LLVMBuildCondBr(g->b, ok, yes, done);
		LLVMPositionBuilderAtEnd(g->b, yes);
		LLVMValueRef val = result ? result : unbox(g, v, t);
		LLVMBasicBlockRef yes_end = LLVMGetInsertBlock(g->b);
		LLVMBuildBr(g->b, done);
		LLVMPositionBuilderAtEnd(g->b, done);
		LLVMTypeRef vt = gen_type(g, t);
		LLVMValueRef phi = LLVMBuildPhi(g->b, vt, "");
		LLVMValueRef vals[2] = {LLVMConstNull(vt), val};
		LLVMBasicBlockRef bbs[2] = {from, yes_end};
		LLVMAddIncoming(phi, vals, bbs, 2);
		LLVMTypeRef pair[2] = {vt, g->i1};
		LLVMValueRef r = LLVMGetUndef(LLVMStructTypeInContext(g->ctx, pair, 2, 0));
		r = LLVMBuildInsertValue(g->b, r, phi, 0, "");
		return LLVMBuildInsertValue(g->b, r, ok, 1, "");
	}
	LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "assert.fail");
	LLVMBasicBlockRef okb = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "assert.ok");
	LLVMBuildCondBr(g->b, ok, okb, fail);
	LLVMPositionBuilderAtEnd(g->b, fail);
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {dyn_type(g, v, it), gen_typedesc(g, t), gen_typedesc(g, it)};
	gen_call_rt(g, "rt_panicdottype", g->voidt, pt, args, 3);
	LLVMBuildUnreachable(g->b);
	LLVMPositionBuilderAtEnd(g->b, okb);
	return result ? result : unbox(g, v, t);
}

/* switch v := x.(type) { case T1, T2: ... } */
void gen_type_switch(Gen *g, Node *n) {
	Node *guard = n->b;
	LLVMValueRef v = gen_expr(g, guard->a);
	Type *it = guard->a->type;
	LLVMValueRef dt = dyn_type(g, v, it);
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "tswitch.end");
	Jump *j = gen_jump(g, n);
	j->brk = done;
	int nc = list_len(n->list);
	LLVMBasicBlockRef *bodies = NEWARR(LLVMBasicBlockRef, nc + 1);
	int i = 0, dflt = -1;
	for (Node *cc = n->list; cc; cc = cc->next, i++) {
		bodies[i] = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "tcase");
		if (cc->flags & NF_DEFAULT) dflt = i;
	}
	i = 0;
	for (Node *cc = n->list; cc; cc = cc->next, i++) {
		for (Node *t = cc->list; t; t = t->next) {
			LLVMValueRef c;
			if (t->obj && t->obj->kind == OBJ_NIL) c = LLVMBuildICmp(g->b, LLVMIntEQ, dt, LLVMConstNull(g->ptr), "");
			else if (under(t->type)->kind == TY_INTERFACE) {
				LLVMValueRef isnil = LLVMBuildICmp(g->b, LLVMIntEQ, dt, LLVMConstNull(g->ptr), "");
				LLVMTypeRef pt[2] = {g->ptr, g->ptr};
				LLVMValueRef args[2] = {gen_typedesc(g, t->type), dt};
				LLVMValueRef tab = gen_call_rt(g, "rt_assertI2Iok", g->ptr, pt, args, 2);
				c = LLVMBuildAnd(g->b, LLVMBuildNot(g->b, isnil, ""), LLVMBuildICmp(g->b, LLVMIntNE, tab, LLVMConstNull(g->ptr), ""), "");
			} else c = LLVMBuildICmp(g->b, LLVMIntEQ, dt, gen_typedesc(g, t->type), "");
			LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "tcase.next");
			LLVMBuildCondBr(g->b, c, bodies[i], next);
			LLVMPositionBuilderAtEnd(g->b, next);
		}
	}
	LLVMBuildBr(g->b, dflt >= 0 ? bodies[dflt] : done);
	i = 0;
	for (Node *cc = n->list; cc; cc = cc->next, i++) {
		LLVMPositionBuilderAtEnd(g->b, bodies[i]);
		if (cc->obj) {
			Object *o = cc->obj;
			gen_local(g, o);
			LLVMValueRef val;
			if (under(o->type)->kind == TY_INTERFACE) {
				/* the same itab only for the same interface (or two empty ones) */
				if (type_identical(o->type, it) || (is_empty_iface(o->type) && is_empty_iface(it))) val = v;
				else if (is_empty_iface(o->type)) val = LLVMBuildInsertValue(g->b, v, dt, 0, "");
				else {
					LLVMTypeRef pt[2] = {g->ptr, g->ptr};
					LLVMValueRef args[2] = {gen_typedesc(g, o->type), dt};
					val = LLVMBuildInsertValue(g->b, v, gen_call_rt(g, "rt_assertI2Iok", g->ptr, pt, args, 2), 0, "");
				}
			} else val = unbox(g, v, o->type);
			gen_init_var(g, o, val);
		}
		gen_stmts(g, cc->list2);
		if (!gen_terminated(g)) LLVMBuildBr(g->b, done);
	}
	LLVMPositionBuilderAtEnd(g->b, done);
}

/* x.m(args) on an interface: load fun[i] from the itab, pass the data word. */
LLVMValueRef gen_iface_call(Gen *g, Node *n) {
	Node *fn = n->a;
	/* the interface: the operand, or an embedded interface field of it */
	Type *it = fn->a->type;
	LLVMValueRef v;
	if (fn->sel->npath > 0) {
		for (int i = 0; i < fn->sel->npath; i++) {
			Type *st = under(it);
			if (st->kind == TY_POINTER) st = under(st->elem);
			it = st->fields[fn->sel->path[i]].type;
		}
		v = LLVMBuildLoad2(g->b, g->iface, gen_selector_base_addr(g, fn), "iface");
	} else v = gen_expr(g, fn->a);
	it = under(it);
	int idx = 0;
	for (int i = 0; i < it->methods.n; i++)
		if (it->methods.v[i].name == fn->name) idx = i;
	LLVMValueRef tab = LLVMBuildExtractValue(g->b, v, 0, "tab");
	LLVMValueRef data = LLVMBuildExtractValue(g->b, v, 1, "data");
	LLVMValueRef off = LLVMConstInt(g->i64, 24 + 8 * (unsigned long long)idx, 0);
	LLVMValueRef fp = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, tab, &off, 1, ""), "method");
	Type *sig = it->methods.v[idx].type;
	LLVMValueRef *args = NEWARR(LLVMValueRef, sig->nparams + 2);
	unsigned k = 0;
	args[k++] = data;
	k = gen_call_args(g, n, sig, args, k);
	return LLVMBuildCall2(g->b, gen_sig(g, sig, basic_type(TY_UNSAFEPTR)), fp, args, k, "");
}

/* x == y where one side is an interface */
LLVMValueRef gen_iface_eq(Gen *g, Node *x, Node *y) {
	LLVMValueRef a = gen_expr(g, x), b = gen_expr(g, y);
	Type *xt = x->type, *yt = y->type;
	/* nil comparisons: the first word */
	if (y->type->kind == TY_UNTYPED_NIL || (y->obj && y->obj->kind == OBJ_NIL))
		return LLVMBuildICmp(g->b, LLVMIntEQ, LLVMBuildExtractValue(g->b, a, 0, ""), LLVMConstNull(g->ptr), "");
	if (x->type->kind == TY_UNTYPED_NIL || (x->obj && x->obj->kind == OBJ_NIL))
		return LLVMBuildICmp(g->b, LLVMIntEQ, LLVMBuildExtractValue(g->b, b, 0, ""), LLVMConstNull(g->ptr), "");
	return gen_iface_eq_values(g, a, xt, b, yt);
}

/* a == b where a (of type xt) or b (of type yt) is an interface */
LLVMValueRef gen_iface_eq_values(Gen *g, LLVMValueRef a, Type *xt, LLVMValueRef b, Type *yt) {
	/* bring both to interface{} form: {type, data} */
	LLVMValueRef ea, eb;
	ea = under(xt)->kind == TY_INTERFACE ? LLVMBuildInsertValue(g->b, a, dyn_type(g, a, xt), 0, "") : NULL;
	eb = under(yt)->kind == TY_INTERFACE ? LLVMBuildInsertValue(g->b, b, dyn_type(g, b, yt), 0, "") : NULL;
	if (!ea) {
		ea = LLVMGetUndef(g->iface);
		ea = LLVMBuildInsertValue(g->b, ea, gen_typedesc(g, xt), 0, "");
		ea = LLVMBuildInsertValue(g->b, ea, box(g, a, xt), 1, "");
	}
	if (!eb) {
		eb = LLVMGetUndef(g->iface);
		eb = LLVMBuildInsertValue(g->b, eb, gen_typedesc(g, yt), 0, "");
		eb = LLVMBuildInsertValue(g->b, eb, box(g, b, yt), 1, "");
	}
	LLVMTypeRef pt[4] = {g->ptr, g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[4] = {LLVMBuildExtractValue(g->b, ea, 0, ""), LLVMBuildExtractValue(g->b, ea, 1, ""),
	                        LLVMBuildExtractValue(g->b, eb, 0, ""), LLVMBuildExtractValue(g->b, eb, 1, "")};
	LLVMValueRef r = gen_call_rt(g, "rt_efaceeq", g->i8, pt, args, 4);
	return LLVMBuildICmp(g->b, LLVMIntNE, r, LLVMConstInt(g->i8, 0, 0), "");
}
