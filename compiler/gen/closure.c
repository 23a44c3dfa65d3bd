/* closure.c: function values. A func value points to a closure object
 * whose first word is the code pointer; the code takes the closure itself
 * as a hidden first argument, through which a function literal reaches the
 * variables it captured (each captured variable lives in a heap cell, and
 * the closure holds the cells' addresses). A top-level function used as a
 * value gets a static closure and a small wrapper that drops the context.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

/* The LLVM type of the code of a func value of signature sig. */
static LLVMTypeRef code_type(Gen *g, Type *sig) { return gen_sig(g, sig, type_pointer(basic_type(TY_UINT8))); }

/* f used as a value: a static closure {wrapper} */
LLVMValueRef gen_func_value(Gen *g, Object *f) {
	const char *cname = arena_printf(g_arena, "%s·f", LLVMGetValueName(gen_objval(g, f)));
	LLVMValueRef clo = LLVMGetNamedGlobal(g->mod, cname);
	if (clo) return clo;
	Type *sig = under(f->type);
	LLVMValueRef w = LLVMAddFunction(g->mod, arena_printf(g_arena, "%s·w", LLVMGetValueName(gen_objval(g, f))),
	                                 code_type(g, sig));
	gen_function_attrs(g, w);
	LLVMSetLinkage(w, LLVMLinkOnceODRLinkage); /* every package that takes f's value makes the same one */
	LLVMBuilderRef saved = g->b;
	g->b = LLVMCreateBuilderInContext(g->ctx);
	LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, w, "entry"));
	unsigned n = LLVMCountParams(w);
	LLVMValueRef *args = NEWARR(LLVMValueRef, n);
	for (unsigned i = 1; i < n; i++) args[i - 1] = LLVMGetParam(w, i);
	LLVMValueRef r = LLVMBuildCall2(g->b, gen_sig(g, sig, NULL), gen_objval(g, f), args, n - 1, "");
	if (sig->nresults == 0) LLVMBuildRetVoid(g->b);
	else LLVMBuildRet(g->b, r);
	LLVMDisposeBuilder(g->b);
	g->b = saved;
	LLVMValueRef init = LLVMConstStructInContext(g->ctx, &w, 1, 0);
	clo = LLVMAddGlobal(g->mod, LLVMTypeOf(init), cname);
	LLVMSetInitializer(clo, init);
	LLVMSetGlobalConstant(clo, 1);
	LLVMSetLinkage(clo, LLVMLinkOnceODRLinkage);
	return clo;
}

/* A call through a func value: code = fv[0]; code(fv, args...) */
LLVMValueRef gen_call_value(Gen *g, Node *n, LLVMValueRef fv, Type *sig) {
	LLVMValueRef *args = NEWARR(LLVMValueRef, sig->nparams + 2);
	unsigned i = 0;
	args[i++] = fv;
	i = gen_call_args(g, n, sig, args, i);
	LLVMValueRef code = LLVMBuildLoad2(g->b, g->ptr, fv, "code");
	return LLVMBuildCall2(g->b, code_type(g, sig), code, args, (unsigned)i, "");
}

/* func(...) {...}: generate the code now, then build the closure object. */
LLVMValueRef gen_funclit(Gen *g, Node *n) {
	return gen_funclit_ex(g, n, NULL, 0, NULL, NULL);
}

/* The closure object is {fn, captured cells...}, followed by nextra more
 * fields of the given types when the caller wants room of its own in the
 * same allocation (a go or defer statement's arguments); *ct_out is the
 * object's Go type and *code_out the literal's function. */
LLVMValueRef gen_funclit_ex(Gen *g, Node *n, Type **extra, int nextra, Type **ct_out, LLVMValueRef *code_out) {
	Type *sig = under(n->type);
	int ncap = node_deps(n)->captures.n;
	/* gc's names: main.f.func1, main.f.func2, and inside a literal main.f.func1.1 */
	const char *name = arena_printf(g_arena, g->in_funclit ? "%s.%d" : "%s.func%d", LLVMGetValueName(g->fn), ++g->nfunclit);
	LLVMValueRef f = LLVMAddFunction(g->mod, name, code_type(g, sig));
	gen_function_attrs(g, f);

	/* the closure object, built in the enclosing function */
	Type *ct = type_new(TY_STRUCT);
	ct->nfields = ncap + 1 + nextra;
	ct->fields = NEWARR(Field, ct->nfields);
	Type *bp = type_pointer(basic_type(TY_UINT8));
	for (int i = 0; i <= ncap; i++) {
		ct->fields[i].type = bp;
		ct->fields[i].name = internz(i ? "cap" : "fn");
	}
	for (int i = 0; i < nextra; i++) {
		ct->fields[ncap + 1 + i].type = extra[i];
		ct->fields[ncap + 1 + i].name = internz("arg");
	}
	if (ct_out) *ct_out = ct;
	if (code_out) *code_out = f;
	LLVMValueRef clo = gen_new(g, ct);
	LLVMTypeRef clt = gen_type(g, ct);
	LLVMBuildStore(g->b, f, LLVMBuildStructGEP2(g->b, clt, clo, 0, ""));
	for (int i = 0; i < ncap; i++)
		gen_store(g, LLVMBuildStructGEP2(g->b, clt, clo, (unsigned)i + 1, ""), gen_var_addr(g, node_deps(n)->captures.v[i]), bp, true);

	/* the code: switch the generator to the new function, and back */
	Gen saved = *g;
	g->explicit_nilchecks = 0;
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->fn = f;
	g->in_funclit = true;
	g->nfunclit = g->nwrap = 0;
	gen_debug_begin(g, f, n->pos);
	g->sig = sig;
	g->results = n->a->list2;
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, f, "entry");
	g->jumps.v = NULL;
	g->jumps.n = g->jumps.cap = 0;
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, f, "body");
	LLVMPositionBuilderAtEnd(g->b, body);
	/* captured variables: their cells' addresses come from the closure */
	void **backend = NEWARR(void *, ncap + 1);
	bool *heap = NEWARR(bool, ncap + 1);
	LLVMValueRef ctx = LLVMGetParam(f, 0);
	for (int i = 0; i < ncap; i++) {
		Object *o = node_deps(n)->captures.v[i];
		backend[i] = o->backend;
		heap[i] = o->heap;
		LLVMValueRef slot = gen_temp(g, g->ptr, o->name->s);
		LLVMBuildStore(g->b, LLVMBuildLoad2(g->b, g->ptr, LLVMBuildStructGEP2(g->b, clt, ctx, (unsigned)i + 1, ""), ""), slot);
		o->backend = slot;
		o->heap = true;
	}
	int k = 1;
	for (Node *p = n->a->list; p; p = p->next, k++) {
		if (!p->obj) continue;
		gen_local(g, p->obj);
		gen_init_var(g, p->obj, LLVMGetParam(f, (unsigned)k));
	}
	bool defers = gen_has_defer(n->b);
	for (Node *r = n->a->list2; r; r = r->next) {
		if (!r->obj) continue;
		if (defers) r->obj->addrtaken = true;
		gen_local(g, r->obj);
		gen_init_var(g, r->obj, LLVMConstNull(gen_type(g, r->obj->type)));
	}
	gen_defer_prologue(g, n->b->list, n->a->list2);
	gen_stmts(g, n->b->list);
	if (!gen_terminated(g)) {
		gen_defer_epilogue(g);
		if (sig->nresults == 0) LLVMBuildRetVoid(g->b);
		else LLVMBuildUnreachable(g->b);
	}
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMBuildBr(g->b, body);
	for (int i = 0; i < ncap; i++) {
		node_deps(n)->captures.v[i]->backend = backend[i];
		node_deps(n)->captures.v[i]->heap = heap[i];
	}
	LLVMDisposeBuilder(g->b);
	free(g->jumps.v);
	*g = saved;
	return clo;
}

/* Starts a wrapper function: the builder moves to its entry block; the
 * caller emits the body and calls end_wrapper. */
typedef struct Wrapper {
	LLVMBuilderRef b;
	LLVMValueRef fn;
	LLVMBasicBlockRef entry;
	LLVMValueRef dframe;
	int explicit_nilchecks;
	LLVMMetadataRef disp;
} Wrapper;

static Wrapper begin_wrapper(Gen *g, LLVMValueRef w) {
	gen_function_attrs(g, w);
	LLVMSetLinkage(w, LLVMLinkOnceODRLinkage);
	Wrapper saved = {g->b, g->fn, g->entry, g->dframe, g->explicit_nilchecks, g->disp};
	g->explicit_nilchecks = 0;
	g->disp = NULL; /* generated code: no source lines */
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->fn = w;
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, w, "entry");
	g->dframe = NULL;
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	return saved;
}

static void end_wrapper(Gen *g, Wrapper saved, Type *sig, LLVMValueRef r) {
	if (sig->nresults == 0) LLVMBuildRetVoid(g->b);
	else LLVMBuildRet(g->b, r);
	LLVMDisposeBuilder(g->b);
	g->b = saved.b;
	g->fn = saved.fn;
	g->entry = saved.entry;
	g->dframe = saved.dframe;
	g->explicit_nilchecks = saved.explicit_nilchecks;
	g->disp = saved.disp;
}

/* x.M as a value (spec: Method values): the receiver is evaluated now
 * and saved in a closure {code, receiver}; the code calls M with it. An
 * interface's method is looked up now too (a nil interface panics here,
 * as in Go), and the closure keeps {code, data word, method}. */
LLVMValueRef gen_method_value(Gen *g, Node *n) {
	Type *sig = under(n->type);
	Type *bp = type_pointer(basic_type(TY_UINT8));
	Type *ct = type_new(TY_STRUCT);
	bool iface = n->sel->iface;
	Method *m = n->sel->method;
	if (iface && n->sel->npath > 0) {
		diag_error(n->pos, "method values of interfaces embedded in structs are not supported by the code generator yet");
		return LLVMConstNull(g->ptr);
	}
	Type *recvt = iface ? bp : n->obj->recv;
	ct->nfields = iface ? 3 : 2;
	ct->fields = NEWARR(Field, 3);
	ct->fields[0] = (Field){.name = internz("fn"), .type = bp};
	ct->fields[1] = (Field){.name = internz("recv"), .type = recvt};
	if (iface) ct->fields[2] = (Field){.name = internz("method"), .type = bp};
	LLVMTypeRef clt = gen_type(g, ct);

	/* the code */
	const char *name = iface ? arena_printf(g_arena, "go.imethodvalue.%s.%s", gen_type_name(g, n->a->type), m->name->s)
	                         : arena_printf(g_arena, "%s·mv", LLVMGetValueName(gen_objval(g, n->obj)));
	LLVMValueRef w = LLVMGetNamedFunction(g->mod, name);
	if (!w) {
		w = LLVMAddFunction(g->mod, name, code_type(g, sig));
		Wrapper saved = begin_wrapper(g, w);
		unsigned np = LLVMCountParams(w);
		LLVMValueRef ctx = LLVMGetParam(w, 0);
		LLVMValueRef *args = NEWARR(LLVMValueRef, np + 1);
		args[0] = LLVMBuildLoad2(g->b, gen_type(g, recvt), LLVMBuildStructGEP2(g->b, clt, ctx, 1, ""), "recv");
		for (unsigned i = 1; i < np; i++) args[i] = LLVMGetParam(w, i);
		LLVMValueRef r;
		if (iface) {
			LLVMValueRef fp = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildStructGEP2(g->b, clt, ctx, 2, ""), "method");
			r = LLVMBuildCall2(g->b, gen_sig(g, m->type, basic_type(TY_UNSAFEPTR)), fp, args, np, "");
		} else {
			r = LLVMBuildCall2(g->b, gen_sig(g, n->obj->type, recvt), gen_objval(g, n->obj), args, np, "");
		}
		end_wrapper(g, saved, sig, r);
	}

	/* the closure, made now */
	LLVMValueRef recv, method = NULL;
	if (iface) {
		Type *it = under(n->a->type);
		int idx = 0;
		for (int i = 0; i < it->methods.n; i++)
			if (it->methods.v[i].name == n->name) idx = i;
		LLVMValueRef v = gen_expr(g, n->a);
		LLVMValueRef tab = LLVMBuildExtractValue(g->b, v, 0, "tab");
		recv = LLVMBuildExtractValue(g->b, v, 1, "data");
		LLVMValueRef off = LLVMConstInt(g->i64, 24 + 8 * (unsigned long long)idx, 0);
		method = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, tab, &off, 1, ""), "method");
	} else {
		recv = gen_method_recv(g, n);
	}
	LLVMValueRef clo = gen_new(g, ct);
	LLVMBuildStore(g->b, w, LLVMBuildStructGEP2(g->b, clt, clo, 0, ""));
	gen_store(g, LLVMBuildStructGEP2(g->b, clt, clo, 1, ""), recv, recvt, true);
	if (iface) LLVMBuildStore(g->b, method, LLVMBuildStructGEP2(g->b, clt, clo, 2, ""));
	return clo;
}

/* T.M or (*T).M as a value: a static closure whose code takes the
 * receiver as its first argument (dereferencing a *T for a value method). */
LLVMValueRef gen_method_expr_value(Gen *g, Node *n) {
	Type *sig = under(n->type);
	Object *o = n->obj;
	Type *x = n->a->type;
	bool iface = under(x)->kind == TY_INTERFACE;
	const char *name = iface ? arena_printf(g_arena, "go.imethodexpr.%s.%s", gen_type_name(g, x), n->name->s)
	                         : arena_printf(g_arena, "go.methodexpr.%s.%s", gen_type_name(g, x), n->name->s);
	const char *cname = arena_printf(g_arena, "%s·f", name);
	LLVMValueRef clo = LLVMGetNamedGlobal(g->mod, cname);
	if (clo) return clo;
	LLVMValueRef w = LLVMAddFunction(g->mod, name, code_type(g, sig));
	Wrapper saved = begin_wrapper(g, w);
	unsigned np = LLVMCountParams(w);
	LLVMValueRef *args = NEWARR(LLVMValueRef, np + 1);
	for (unsigned i = 1; i < np; i++) args[i - 1] = LLVMGetParam(w, i);
	LLVMValueRef r;
	if (iface) {
		Type *it = under(x);
		int idx = 0;
		for (int i = 0; i < it->methods.n; i++)
			if (it->methods.v[i].name == n->name) idx = i;
		LLVMValueRef v = args[0];
		LLVMValueRef off = LLVMConstInt(g->i64, 24 + 8 * (unsigned long long)idx, 0);
		LLVMValueRef fp = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, LLVMBuildExtractValue(g->b, v, 0, ""), &off, 1, ""), "");
		args[0] = LLVMBuildExtractValue(g->b, v, 1, "");
		r = LLVMBuildCall2(g->b, gen_sig(g, it->methods.v[idx].type, basic_type(TY_UNSAFEPTR)), fp, args, np - 1, "");
	} else {
		args[0] = gen_embedded_recv(g, args[0], x, n->sel->path, n->sel->npath, o->recv);
		r = LLVMBuildCall2(g->b, gen_sig(g, o->type, o->recv), gen_objval(g, o), args, np - 1, "");
	}
	end_wrapper(g, saved, sig, r);
	LLVMValueRef init = LLVMConstStructInContext(g->ctx, &w, 1, 0);
	clo = LLVMAddGlobal(g->mod, LLVMTypeOf(init), cname);
	LLVMSetInitializer(clo, init);
	LLVMSetGlobalConstant(clo, 1);
	LLVMSetLinkage(clo, LLVMLinkOnceODRLinkage);
	return clo;
}
