/* expr.c: lowering expressions. */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

#include <gmp.h>

static LLVMValueRef const_value(Gen *g, Node *n) {
	Const *k = n->val;
	LLVMTypeRef t = gen_type(g, n->type);
	switch (k->kind) {
	case CV_BOOL: return LLVMConstInt(g->i1, k->b, 0);
	case CV_STRING: return gen_string(g, k->s, k->len);
	case CV_INT: case CV_FLOAT: case CV_COMPLEX:
		if (LLVMGetTypeKind(t) == LLVMIntegerTypeKind) {
			/* the checker proved the value fits; take its low 64 bits */
			mpz_t m;
			mpz_init(m);
			if (k->kind == CV_INT) mpz_set(m, k->z);
			else mpz_set_q(m, k->re);
			mpz_fdiv_r_2exp(m, m, 64);
			unsigned long long v = mpz_get_ui(m);
			return LLVMConstInt(t, v, 0);
		}
		if (LLVMGetTypeKind(t) == LLVMStructTypeKind) return gen_complex_const(g, t, k);
		return LLVMConstReal(t, const_float64(k));
	}
	return NULL;
}


/* One operand of print/println, by its type (gc's printint, printstring ...) */
void gen_print_typed(Gen *g, LLVMValueRef v, Type *t) {
	if (type_is_string(t)) {
		LLVMTypeRef pt[2] = {g->ptr, g->i64};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		gen_call_rt(g, "rt_printstring", g->voidt, pt, args, 2);
	} else if (under(t)->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL) {
		LLVMTypeRef pt[1] = {g->i8};
		LLVMValueRef args[1] = {LLVMBuildZExt(g->b, v, g->i8, "")};
		gen_call_rt(g, "rt_printbool", g->voidt, pt, args, 1);
	} else if (under(t)->kind == TY_INTERFACE) {
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		gen_call_rt(g, "rt_printiface", g->voidt, pt, args, 2);
	} else if (under(t)->kind == TY_POINTER || under(t)->kind == TY_MAP || under(t)->kind == TY_CHAN ||
	           under(t)->kind == TY_FUNC || under(t)->kind == TY_UNSAFEPTR || t->kind == TY_UNTYPED_NIL) {
		LLVMTypeRef pt[1] = {g->ptr};
		LLVMValueRef args[1] = {v};
		gen_call_rt(g, "rt_printpointer", g->voidt, pt, args, 1);
	} else if (under(t)->kind == TY_SLICE) {
		LLVMTypeRef pt[3] = {g->ptr, g->i64, g->i64};
		LLVMValueRef args[3] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, ""), LLVMBuildExtractValue(g->b, v, 2, "")};
		gen_call_rt(g, "rt_printslice", g->voidt, pt, args, 3);
	} else if (gen_complex(t)) {
		LLVMTypeRef pt[2] = {g->f64, g->f64};
		v = gen_complex_convert(g, v, LLVMStructTypeInContext(g->ctx, pt, 2, 0));
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		gen_call_rt(g, "rt_printcomplex", g->voidt, pt, args, 2);
	} else if (gen_float(t)) {
		LLVMTypeRef pt[1] = {g->f64};
		LLVMValueRef args[1] = {under(t)->kind == TY_FLOAT32 ? LLVMBuildFPExt(g->b, v, g->f64, "") : v};
		gen_call_rt(g, "rt_printfloat", g->voidt, pt, args, 1);
	} else if (type_is_integer(t)) {
		LLVMTypeRef pt[1] = {g->i64};
		LLVMValueRef args[1] = {gen_to_i64(g, t, v)};
		gen_call_rt(g, gen_signed(t) ? "rt_printint" : "rt_printuint", g->voidt, pt, args, 1);
	}
}

static LLVMValueRef builtin_call(Gen *g, Node *n, int id) {
	if (id == BUILTIN_PRINT || id == BUILTIN_PRINTLN) {
		/* every operand is evaluated before anything is printed, as gc does */
		int nv = 0;
		LLVMValueRef *vals;
		Type **types;
		if (n->list && !n->list->next && n->list->type && n->list->type->kind == TY_TUPLE) {
			/* println(f()) with several results */
			LLVMValueRef agg = gen_expr(g, n->list);
			Type *tt = n->list->type;
			vals = NEWARR(LLVMValueRef, tt->nresults + 1);
			types = tt->results;
			for (; nv < tt->nresults; nv++) vals[nv] = LLVMBuildExtractValue(g->b, agg, (unsigned)nv, "");
		} else {
			vals = NEWARR(LLVMValueRef, list_len(n->list) + 1);
			types = NEWARR(Type *, list_len(n->list) + 1);
			for (Node *a = n->list; a; a = a->next, nv++) {
				vals[nv] = gen_expr(g, a);
				types[nv] = a->type;
			}
		}
		gen_call_rt(g, "rt_printlock", g->voidt, NULL, NULL, 0);
		for (int i = 0; i < nv; i++) {
			if (id == BUILTIN_PRINTLN && i) gen_call_rt(g, "rt_printsp", g->voidt, NULL, NULL, 0);
			gen_print_typed(g, vals[i], types[i]);
		}
		if (id == BUILTIN_PRINTLN) gen_call_rt(g, "rt_printnl", g->voidt, NULL, NULL, 0);
		gen_call_rt(g, "rt_printunlock", g->voidt, NULL, NULL, 0);
		return NULL;
	}
	switch (id) {
	case BUILTIN_LEN: return gen_len_cap(g, n, false);
	case BUILTIN_CAP: return gen_len_cap(g, n, true);
	case BUILTIN_APPEND: return gen_append(g, n);
	case BUILTIN_MAKE: return gen_make(g, n);
	case BUILTIN_NEW: return gen_new(g, under(n->type)->elem);
	case BUILTIN_COPY: return gen_copy(g, n);
	case BUILTIN_DELETE: gen_mapdelete(g, n); return NULL;
	case BUILTIN_CLOSE: gen_close(g, n); return NULL;
	case BUILTIN_COMPLEX: {
		LLVMValueRef re = gen_expr(g, n->list), im = gen_expr(g, n->list->next);
		return gen_make_complex(g, gen_type(g, n->type), re, im);
	}
	case BUILTIN_REAL: case BUILTIN_IMAG:
		return LLVMBuildExtractValue(g->b, gen_expr(g, n->list), id == BUILTIN_IMAG, "");
	case BUILTIN_RECOVER: {
		/* only a function called directly by a deferred call's thunk, run
		 * by a panic, recovers: its caller's frame must be that thunk's */
		LLVMValueRef fr = gen_frameaddress(g, 1);
		LLVMTypeRef pt[1] = {g->ptr};
		return gen_call_rt(g, "rt_gorecover", g->iface, pt, &fr, 1);
	}
	case BUILTIN_ADD: { /* unsafe.Add(p, n) */
		LLVMValueRef p = gen_expr(g, n->list);
		LLVMValueRef off = gen_to_i64(g, n->list->next->type, gen_expr(g, n->list->next));
		return LLVMBuildGEP2(g->b, g->i8, p, &off, 1, "");
	}
	case BUILTIN_SLICE: { /* unsafe.Slice(p, n): {p, n, n}, after gc's unsafeslice checks */
		LLVMValueRef p = gen_expr(g, n->list);
		LLVMValueRef len = gen_to_i64(g, n->list->next->type, gen_expr(g, n->list->next));
		LLVMTypeRef cpt[3] = {g->i64, g->ptr, g->i64};
		LLVMValueRef cargs[3] = {LLVMConstInt(g->i64, (unsigned long long)type_size(under(n->list->type)->elem), 0), p, len};
		gen_call_rt(g, "rt_unsafeslice", g->voidt, cpt, cargs, 3);
		LLVMValueRef s = LLVMGetUndef(g->slice);
		s = LLVMBuildInsertValue(g->b, s, p, 0, "");
		s = LLVMBuildInsertValue(g->b, s, len, 1, "");
		return LLVMBuildInsertValue(g->b, s, len, 2, "");
	}
	case BUILTIN_PANIC: {
		LLVMValueRef v = gen_expr(g, n->list);
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		gen_call_rt(g, "rt_gopanic", g->voidt, pt, args, 2);
		LLVMBuildUnreachable(g->b);
		return NULL;
	}
	}
	diag_error(n->pos, "%s is not supported by the code generator yet", expr_string(n->a));
	return n->type ? LLVMGetUndef(gen_type(g, n->type)) : NULL;
}

/* string <-> []byte / []rune, string(rune) */
static LLVMValueRef string_conversion(Gen *g, LLVMValueRef v, Type *from, Type *to) {
	Type *fu = under(from), *tu = under(to);
	if (type_is_string(tu)) {
		if (type_is_integer(fu)) {
			LLVMValueRef w = gen_to_i64(g, fu, v);
			LLVMTypeRef pt[1] = {g->i64};
			return gen_call_rt(g, "rt_intstring", g->str, pt, &w, 1);
		}
		bool runes = under(fu->elem)->kind == TY_INT32;
		LLVMTypeRef pt[2] = {g->ptr, g->i64};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		return gen_call_rt(g, runes ? "rt_slicerunetostring" : "rt_slicebytetostring", g->str, pt, args, 2);
	}
	bool runes = under(tu->elem)->kind == TY_INT32;
	LLVMValueRef out = gen_temp(g, g->slice, "conv");
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->i64};
	LLVMValueRef args[3] = {out, LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
	gen_call_rt(g, runes ? "rt_stringtoslicerune" : "rt_stringtoslicebyte", g->voidt, pt, args, 3);
	return LLVMBuildLoad2(g->b, g->slice, out, "");
}

/* T(x) between basic types */
static LLVMValueRef conversion(Gen *g, Node *n) {
	Node *x = n->list;
	LLVMValueRef v = gen_expr(g, x);
	Type *from = x->type, *to = n->type;
	LLVMTypeRef lto = gen_type(g, to);
	if ((type_is_string(to) && !type_is_string(from) && (under(from)->kind == TY_SLICE || type_is_integer(from))) ||
	    (type_is_string(from) && under(to)->kind == TY_SLICE))
		return string_conversion(g, v, from, to);
	if (under(to)->kind == TY_INTERFACE && under(from)->kind != TY_INTERFACE) {
		Node tmp = *n;
		tmp.kind = N_CONVERT;
		tmp.a = x;
		return gen_convert(g, &tmp);
	}
	if (gen_complex(from) && gen_complex(to)) return gen_complex_convert(g, v, lto);
	if (under(from)->kind == TY_SLICE && under(to)->kind == TY_POINTER) {
		/* (*[N]T)(s): s's array, if it has at least N elements */
		LLVMValueRef len = LLVMBuildExtractValue(g->b, v, 1, "len");
		LLVMValueRef n = LLVMConstInt(g->i64, (unsigned long long)under(under(to)->elem)->len, 0);
		LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "conv.fail");
		LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "conv.ok");
		LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, len, n, ""), fail, ok);
		LLVMPositionBuilderAtEnd(g->b, fail);
		LLVMTypeRef pt[2] = {g->i64, g->i64};
		LLVMValueRef args[2] = {len, n};
		gen_call_rt(g, "rt_panicsliceconvert", g->voidt, pt, args, 2);
		LLVMBuildUnreachable(g->b);
		LLVMPositionBuilderAtEnd(g->b, ok);
		return LLVMBuildExtractValue(g->b, v, 0, "");
	}
	bool fi = type_is_integer(from), ti = type_is_integer(to);
	if (fi && ti) {
		unsigned a = LLVMGetIntTypeWidth(LLVMTypeOf(v)), b = LLVMGetIntTypeWidth(lto);
		if (a == b) return v;
		if (a > b) return LLVMBuildTrunc(g->b, v, lto, "");
		return gen_signed(from) ? LLVMBuildSExt(g->b, v, lto, "") : LLVMBuildZExt(g->b, v, lto, "");
	}
	if (fi && gen_float(to)) return gen_signed(from) ? LLVMBuildSIToFP(g->b, v, lto, "") : LLVMBuildUIToFP(g->b, v, lto, "");
	if (gen_float(from) && ti) return gen_signed(to) ? LLVMBuildFPToSI(g->b, v, lto, "") : LLVMBuildFPToUI(g->b, v, lto, "");
	if (gen_float(from) && gen_float(to)) {
		if (LLVMTypeOf(v) == lto) return v;
		return under(to)->kind == TY_FLOAT32 ? LLVMBuildFPTrunc(g->b, v, lto, "") : LLVMBuildFPExt(g->b, v, lto, "");
	}
	/* unsafe.Pointer <-> uintptr */
	if (ti && LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind) return LLVMBuildPtrToInt(g->b, v, lto, "");
	if (fi && LLVMGetTypeKind(lto) == LLVMPointerTypeKind) return LLVMBuildIntToPtr(g->b, gen_to_i64(g, from, v), lto, "");
	return v;
}

/* The arguments of call n to a function of signature ft, appended to
 * args from index i (returns the new count): f(g()) spreads g's results,
 * and a variadic tail becomes a slice unless passed as s... */
unsigned gen_call_args(Gen *g, Node *n, Type *ft, LLVMValueRef *args, unsigned i) {
	int na = ft->nparams;
	bool dots = n->flags & NF_DOTS;
	if (n->flags & NF_SPREAD) {
		Type *tt = n->list->type;
		LLVMValueRef agg = gen_expr(g, n->list);
		int nr = tt->nresults;
		if (ft->variadic && !dots) {
			/* f(g()) with a variadic f: the results past the fixed
			 * parameters become the slice */
			for (int r = 0; r < na - 1; r++) args[i++] = gen_multi_value(g, agg, n->list, (unsigned)r, ft->params[r]);
			Type *st = ft->params[na - 1];
			int extra = nr - (na - 1);
			if (extra <= 0) {
				args[i++] = LLVMConstNull(g->slice);
				return i;
			}
			Type *at = type_array(under(st)->elem, extra);
			LLVMValueRef arr = gen_new(g, at);
			for (int r = 0; r < extra; r++) {
				LLVMValueRef idx[2] = {LLVMConstInt(g->i64, 0, 0), LLVMConstInt(g->i64, (unsigned long long)r, 0)};
				LLVMValueRef ep = LLVMBuildGEP2(g->b, gen_type(g, at), arr, idx, 2, "");
				gen_store(g, ep, gen_multi_value(g, agg, n->list, (unsigned)(na - 1 + r), under(st)->elem), under(st)->elem, true);
			}
			LLVMValueRef sv = LLVMGetUndef(g->slice);
			sv = LLVMBuildInsertValue(g->b, sv, arr, 0, "");
			sv = LLVMBuildInsertValue(g->b, sv, LLVMConstInt(g->i64, (unsigned long long)extra, 0), 1, "");
			args[i++] = LLVMBuildInsertValue(g->b, sv, LLVMConstInt(g->i64, (unsigned long long)extra, 0), 2, "");
			return i;
		}
		for (int r = 0; r < nr; r++) args[i++] = gen_multi_value(g, agg, n->list, (unsigned)r, ft->params[r]);
		return i;
	}
	int k = 0;
	for (Node *a = n->list; a; a = a->next, k++) {
		if (ft->variadic && k == na - 1 && !dots) {
			/* the variadic tail becomes a slice */
			args[i++] = gen_variadic_slice(g, a, ft->params[na - 1]);
			return i;
		}
		args[i++] = gen_expr(g, a);
	}
	if (ft->variadic && !dots && k == na - 1) args[i++] = LLVMConstNull(g->slice);
	return i;
}

/* The receiver a concrete method x.M is called with: walk the embedded
 * path to the value that has the method; its address for a pointer
 * receiver on an addressable operand (NF_ADDRRECV), the value behind a
 * pointer for a value receiver (NF_DEREFRECV). */
LLVMValueRef gen_method_recv(Gen *g, Node *fn) {
	Type *recvt = fn->obj->recv;
	if (fn->flags & NF_ADDRRECV) return gen_selector_base_addr(g, fn);
	if (fn->flags & NF_DEREFRECV) {
		LLVMValueRef p = gen_selector_base_addr(g, fn);
		/* explicit: a method that ignores its receiver, once inlined,
		 * leaves the load dead, and LLVM deletes it with its fault */
		gen_nilcheck(g, p, NULL);
		return LLVMBuildLoad2(g->b, gen_type(g, recvt), p, "recv");
	}
	if (fn->sel->npath == 0) return gen_expr(g, fn->a);
	LLVMValueRef p = gen_selector_base_addr(g, fn);
	return recvt->kind == TY_POINTER ? p : LLVMBuildLoad2(g->b, gen_type(g, recvt), p, "recv");
}

/* A call of a function or method known at compile time. Method calls pass
 * the receiver first: its address when the method has a pointer receiver
 * and the operand is addressable (NF_ADDRRECV), the value behind a pointer
 * when the method has a value receiver (NF_DEREFRECV). */
static LLVMValueRef call(Gen *g, Node *n) {
	Node *fn = n->a;
	if (fn->mode == M_TYPEEXPR) return conversion(g, n);
	Node *base = fn;
	while (base->kind == N_PAREN || base->kind == N_INDEX) base = base->a;
	if (gen_is_generic(base->obj)) {
		diag_error(n->pos, "%s: generic code is not supported by the code generator yet", expr_string(fn));
		return n->type && n->type->kind != TY_TUPLE ? LLVMGetUndef(gen_type(g, n->type)) : NULL;
	}
	if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD && fn->sel->iface && !(fn->flags & NF_METHODEXPR))
		return gen_iface_call(g, n);
	if (fn->obj && fn->obj->kind == OBJ_BUILTIN) return builtin_call(g, n, fn->obj->builtin);
	Type *ft = under(fn->type);
	Object *callee_obj = NULL;
	LLVMValueRef recv = NULL;
	if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD && !fn->sel->iface && !(fn->flags & NF_METHODEXPR)) {
		callee_obj = fn->obj;
		recv = gen_method_recv(g, fn);
	} else if (fn->kind == N_SELECTOR && (fn->flags & NF_METHODEXPR)) {
		/* T.m(x, ...): through the method expression's func value, whose
		 * wrapper finds the receiver in x */
		return gen_call_value(g, n, gen_method_expr_value(g, fn), ft);
	} else if (fn->kind == N_NAME && fn->obj && fn->obj->kind == OBJ_FUNC) {
		callee_obj = fn->obj;
	} else if (fn->kind == N_PAREN && fn->a->kind == N_NAME && fn->a->obj && fn->a->obj->kind == OBJ_FUNC) {
		callee_obj = fn->a->obj;
	}
	if (!callee_obj || !gen_objval(g, callee_obj)) {
		if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD) {
			diag_error(n->pos, "method values are not supported by the code generator yet");
			return LLVMGetUndef(n->type ? gen_type(g, n->type) : g->i64);
		}
		return gen_call_value(g, n, gen_expr(g, fn), ft);
	}
	LLVMValueRef *args = NEWARR(LLVMValueRef, ft->nparams + 2);
	unsigned i = 0;
	if (recv) args[i++] = recv;
	i = gen_call_args(g, n, ft, args, i);
	LLVMValueRef callee = gen_objval(g, callee_obj);
	return LLVMBuildCall2(g->b, gen_sig(g, callee_obj->type, callee_obj->recv), callee, args, (unsigned)i, "");
}

LLVMValueRef gen_string_op(Gen *g, int op, LLVMValueRef x, LLVMValueRef y) {
	LLVMTypeRef pt[4] = {g->ptr, g->i64, g->ptr, g->i64};
	LLVMValueRef args[4] = {LLVMBuildExtractValue(g->b, x, 0, ""), LLVMBuildExtractValue(g->b, x, 1, ""),
	                        LLVMBuildExtractValue(g->b, y, 0, ""), LLVMBuildExtractValue(g->b, y, 1, "")};
	if (op == T_PLUS) return gen_call_rt(g, "rt_concatstring2", g->str, pt, args, 4);
	LLVMValueRef c = gen_call_rt(g, "rt_cmpstring", g->i64, pt, args, 4);
	LLVMValueRef zero = LLVMConstInt(g->i64, 0, 0);
	switch (op) {
	case T_EQ: return LLVMBuildICmp(g->b, LLVMIntEQ, c, zero, "");
	case T_NE: return LLVMBuildICmp(g->b, LLVMIntNE, c, zero, "");
	case T_LT: return LLVMBuildICmp(g->b, LLVMIntSLT, c, zero, "");
	case T_LE: return LLVMBuildICmp(g->b, LLVMIntSLE, c, zero, "");
	case T_GT: return LLVMBuildICmp(g->b, LLVMIntSGT, c, zero, "");
	default: return LLVMBuildICmp(g->b, LLVMIntSGE, c, zero, "");
	}
}

static LLVMValueRef logic(Gen *g, Node *n) {
	/* && and || evaluate their right operand only when needed */
	LLVMValueRef x = gen_expr(g, n->a);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(g->b);
	LLVMBasicBlockRef rhs = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "rhs");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "done");
	if (n->op == T_ANDAND) LLVMBuildCondBr(g->b, x, rhs, done);
	else LLVMBuildCondBr(g->b, x, done, rhs);
	LLVMPositionBuilderAtEnd(g->b, rhs);
	LLVMValueRef y = gen_expr(g, n->b);
	LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(g->b);
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, done);
	LLVMValueRef phi = LLVMBuildPhi(g->b, g->i1, "");
	LLVMValueRef vals[2] = {LLVMConstInt(g->i1, n->op == T_OROR, 0), y};
	LLVMBasicBlockRef blocks[2] = {from, rhs_end};
	LLVMAddIncoming(phi, vals, blocks, 2);
	return phi;
}

/* Go shifts: a count at least the width gives 0 (or the sign for a signed
 * right shift) instead of LLVM's poison; a negative signed count panics. */
static LLVMValueRef shift(Gen *g, int op, LLVMValueRef x, LLVMValueRef y, bool sgn, Type *yt) {
	LLVMTypeRef xt = LLVMTypeOf(x);
	unsigned w = LLVMGetIntTypeWidth(xt), yw = LLVMGetIntTypeWidth(LLVMTypeOf(y));
	if (gen_signed(yt)) {
		LLVMValueRef neg = LLVMBuildICmp(g->b, LLVMIntSLT, y, LLVMConstInt(LLVMTypeOf(y), 0, 0), "");
		LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "shift.neg");
		LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "shift.ok");
		LLVMBuildCondBr(g->b, neg, bad, ok);
		LLVMPositionBuilderAtEnd(g->b, bad);
		gen_call_rt(g, "rt_panicshift", g->voidt, NULL, NULL, 0);
		LLVMBuildUnreachable(g->b);
		LLVMPositionBuilderAtEnd(g->b, ok);
	}
	/* compare the count in the wider of the two widths */
	LLVMTypeRef ct = yw > w ? LLVMTypeOf(y) : xt;
	LLVMValueRef cnt = yw == LLVMGetIntTypeWidth(ct) ? y : LLVMBuildZExt(g->b, y, ct, "");
	LLVMValueRef big = LLVMBuildICmp(g->b, LLVMIntUGE, cnt, LLVMConstInt(ct, w, 0), "");
	LLVMValueRef amt = LLVMBuildSelect(g->b, big, LLVMConstInt(ct, w - 1, 0), cnt, "");
	if (ct != xt) amt = LLVMBuildTrunc(g->b, amt, xt, "");
	if (op == T_SHL) {
		LLVMValueRef r = LLVMBuildShl(g->b, x, amt, "");
		return LLVMBuildSelect(g->b, big, LLVMConstInt(xt, 0, 0), r, "");
	}
	if (sgn) return LLVMBuildAShr(g->b, x, amt, "");
	LLVMValueRef r = LLVMBuildLShr(g->b, x, amt, "");
	return LLVMBuildSelect(g->b, big, LLVMConstInt(xt, 0, 0), r, "");
}

/* Integer division: a zero divisor panics, and x / -1 is -x (x % -1 is 0)
 * so that MinInt / -1 wraps as Go defines instead of trapping. */
static LLVMValueRef divide(Gen *g, int op, LLVMValueRef x, LLVMValueRef y, bool sgn, bool yconst) {
	LLVMTypeRef t = LLVMTypeOf(x);
	if (!yconst) {
		LLVMValueRef zero = LLVMBuildICmp(g->b, LLVMIntEQ, y, LLVMConstInt(t, 0, 0), "");
		LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "div.zero");
		LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "div.ok");
		LLVMBuildCondBr(g->b, zero, bad, ok);
		LLVMPositionBuilderAtEnd(g->b, bad);
		gen_call_rt(g, "rt_panicdivide", g->voidt, NULL, NULL, 0);
		LLVMBuildUnreachable(g->b);
		LLVMPositionBuilderAtEnd(g->b, ok);
	}
	if (!sgn) return op == T_DIV ? LLVMBuildUDiv(g->b, x, y, "") : LLVMBuildURem(g->b, x, y, "");
	LLVMValueRef m1 = LLVMBuildICmp(g->b, LLVMIntEQ, y, LLVMConstAllOnes(t), "");
	/* divide by 1 instead of -1 to stay defined, then fix the result up */
	LLVMValueRef safe = LLVMBuildSelect(g->b, m1, LLVMConstInt(t, 1, 0), y, "");
	if (op == T_DIV) {
		LLVMValueRef q = LLVMBuildSDiv(g->b, x, safe, "");
		return LLVMBuildSelect(g->b, m1, LLVMBuildNeg(g->b, x, ""), q, "");
	}
	LLVMValueRef r = LLVMBuildSRem(g->b, x, safe, "");
	return LLVMBuildSelect(g->b, m1, LLVMConstInt(t, 0, 0), r, "");
}

LLVMValueRef gen_binary(Gen *g, Node *n) {
	if (n->op == T_ANDAND || n->op == T_OROR) return logic(g, n);
	if ((n->op == T_EQ || n->op == T_NE)) {
		/* x == nil for slices (the data pointer), maps, chans, funcs, pointers */
		Node *x = n->a, *y = n->b;
		bool ynil = y->type->kind == TY_UNTYPED_NIL || (y->obj && y->obj->kind == OBJ_NIL);
		bool xnil = x->type->kind == TY_UNTYPED_NIL || (x->obj && x->obj->kind == OBJ_NIL);
		if ((xnil || ynil) && under(xnil ? y->type : x->type)->kind != TY_INTERFACE) {
			Node *v = xnil ? y : x;
			LLVMValueRef p = gen_expr(g, v);
			if (under(v->type)->kind == TY_SLICE) p = LLVMBuildExtractValue(g->b, p, 0, "");
			return LLVMBuildICmp(g->b, n->op == T_EQ ? LLVMIntEQ : LLVMIntNE, p, LLVMConstNull(g->ptr), "");
		}
	}
	if ((n->op == T_EQ || n->op == T_NE) &&
	    (under(n->a->type)->kind == TY_INTERFACE || under(n->b->type)->kind == TY_INTERFACE)) {
		LLVMValueRef eq = gen_iface_eq(g, n->a, n->b);
		return n->op == T_EQ ? eq : LLVMBuildNot(g->b, eq, "");
	}
	LLVMValueRef x = gen_expr(g, n->a), y = gen_expr(g, n->b);
	return gen_arith(g, n->op, x, y, n->a->type, n->b);
}

/* x op y on values of type t; ynode is the right operand (its type
 * matters to shifts, its constness to division). */
LLVMValueRef gen_arith(Gen *g, int op, LLVMValueRef x, LLVMValueRef y, Type *t, Node *ynode) {
	if (type_is_string(t)) return gen_string_op(g, op, x, y);
	if (gen_complex(t)) return gen_complex_arith(g, op, x, y);
	if (under(t)->kind == TY_STRUCT || under(t)->kind == TY_ARRAY) {
		/* == and != compare field by field (element by element) through
		 * the type descriptor, as gc's generated eq functions do */
		LLVMValueRef a = gen_temp(g, LLVMTypeOf(x), "eq.x"), b = gen_temp(g, LLVMTypeOf(y), "eq.y");
		LLVMBuildStore(g->b, x, a);
		LLVMBuildStore(g->b, y, b);
		LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
		LLVMValueRef args[3] = {gen_typedesc(g, t), a, b};
		LLVMValueRef eq = LLVMBuildTrunc(g->b, gen_call_rt(g, "rt_typeequal", g->i8, pt, args, 3), g->i1, "");
		return op == T_EQ ? eq : LLVMBuildNot(g->b, eq, "");
	}
	if (gen_float(t)) {
		switch (op) {
		case T_PLUS: return LLVMBuildFAdd(g->b, x, y, "");
		case T_MINUS: return LLVMBuildFSub(g->b, x, y, "");
		case T_STAR: return LLVMBuildFMul(g->b, x, y, "");
		case T_DIV: return LLVMBuildFDiv(g->b, x, y, "");
		case T_EQ: return LLVMBuildFCmp(g->b, LLVMRealOEQ, x, y, "");
		case T_NE: return LLVMBuildFCmp(g->b, LLVMRealUNE, x, y, "");
		case T_LT: return LLVMBuildFCmp(g->b, LLVMRealOLT, x, y, "");
		case T_LE: return LLVMBuildFCmp(g->b, LLVMRealOLE, x, y, "");
		case T_GT: return LLVMBuildFCmp(g->b, LLVMRealOGT, x, y, "");
		case T_GE: return LLVMBuildFCmp(g->b, LLVMRealOGE, x, y, "");
		}
	}
	bool s = gen_signed(t);
	switch (op) {
	case T_PLUS: return LLVMBuildAdd(g->b, x, y, "");
	case T_MINUS: return LLVMBuildSub(g->b, x, y, "");
	case T_STAR: return LLVMBuildMul(g->b, x, y, "");
	case T_DIV: case T_MOD: return divide(g, op, x, y, s, ynode->val != NULL);
	case T_AND: return LLVMBuildAnd(g->b, x, y, "");
	case T_OR: return LLVMBuildOr(g->b, x, y, "");
	case T_XOR: return LLVMBuildXor(g->b, x, y, "");
	case T_ANDNOT: return LLVMBuildAnd(g->b, x, LLVMBuildNot(g->b, y, ""), "");
	case T_SHL: case T_SHR: return shift(g, op, x, y, s, ynode->type);
	case T_EQ: return LLVMBuildICmp(g->b, LLVMIntEQ, x, y, "");
	case T_NE: return LLVMBuildICmp(g->b, LLVMIntNE, x, y, "");
	case T_LT: return LLVMBuildICmp(g->b, s ? LLVMIntSLT : LLVMIntULT, x, y, "");
	case T_LE: return LLVMBuildICmp(g->b, s ? LLVMIntSLE : LLVMIntULE, x, y, "");
	case T_GT: return LLVMBuildICmp(g->b, s ? LLVMIntSGT : LLVMIntUGT, x, y, "");
	case T_GE: return LLVMBuildICmp(g->b, s ? LLVMIntSGE : LLVMIntUGE, x, y, "");
	}
	return LLVMGetUndef(LLVMTypeOf(x));
}

LLVMValueRef gen_expr(Gen *g, Node *n) {
	if (n->val) return const_value(g, n);
	switch (n->kind) {
	case N_PAREN: return gen_expr(g, n->a);
	case N_NAME: {
		Object *o = n->obj;
		if (o->kind == OBJ_VAR) return LLVMBuildLoad2(g->b, gen_type(g, o->type), gen_addr(g, n), o->name->s);
		if (o->kind == OBJ_NIL) return LLVMConstNull(gen_type(g, n->type));
		if (o->kind == OBJ_FUNC) return gen_func_value(g, o);
		return gen_objval(g, o);
	}
	case N_SELECTOR:
		if (n->sel && n->sel->kind == SEL_FIELD) {
			if (n->mode == M_VAR) return LLVMBuildLoad2(g->b, gen_type(g, n->type), gen_addr(g, n), n->name->s);
			/* a field of a non-addressable struct value */
			LLVMValueRef v = gen_expr(g, n->a);
			Type *t = n->a->type;
			for (int i = 0; i < n->sel->npath; i++) {
				v = LLVMBuildExtractValue(g->b, v, (unsigned)n->sel->path[i], "");
				t = under(t)->fields[n->sel->path[i]].type;
			}
			return v;
		}
		if (n->flags & NF_METHODEXPR) return gen_method_expr_value(g, n);
		return gen_method_value(g, n);
	case N_INDEX: {
		Type *u = under(n->a->type);
		if (type_is_string(u)) {
			LLVMValueRef s = gen_expr(g, n->a);
			LLVMValueRef i = gen_to_i64(g, n->list->type, gen_expr(g, n->list));
			gen_bounds_check(g, i, LLVMBuildExtractValue(g->b, s, 1, ""));
			LLVMValueRef p = LLVMBuildGEP2(g->b, g->i8, LLVMBuildExtractValue(g->b, s, 0, ""), &i, 1, "");
			return LLVMBuildLoad2(g->b, g->i8, p, "");
		}
		if (u->kind == TY_MAP) return gen_mapindex(g, n);
		if (u->kind == TY_ARRAY && n->a->mode != M_VAR) {
			LLVMValueRef tmp = gen_temp(g, gen_type(g, n->a->type), "arr.tmp");
			LLVMBuildStore(g->b, gen_expr(g, n->a), tmp);
			Node copy = *n;
			(void)copy;
		}
		return LLVMBuildLoad2(g->b, gen_type(g, n->type), gen_addr(g, n), "");
	}
	case N_SLICE: return gen_slice(g, n);
	case N_FUNCLIT: return gen_funclit(g, n);
	case N_CONVERT: return gen_convert(g, n);
	case N_ASSERT: return gen_assert(g, n);
	case N_COMPOSITELIT:
		if (n->flags & NF_ADDRRECV) { /* an elided &T{...} element */
			LLVMValueRef p = gen_new(g, under(n->type)->elem);
			Type *saved = n->type;
			n->type = under(n->type)->elem;
			gen_complit_into(g, n, p, true);
			n->type = saved;
			return p;
		}
		return gen_complit(g, n);
	case N_CALL:
		gen_debug_loc(g, n->pos);
		return call(g, n);
	case N_BINARY: return gen_binary(g, n);
	case N_UNARY: {
		if (n->op == T_AND) {
			Node *x = n->a;
			while (x->kind == N_PAREN) x = x->a;
			if (x->kind == N_COMPOSITELIT) return gen_addr(g, x);
			/* &*p, &p.f, &p[i] panic on a nil p though nothing is loaded */
			int saved = g->explicit_nilchecks;
			g->explicit_nilchecks = 1;
			LLVMValueRef a = gen_addr(g, n->a);
			g->explicit_nilchecks = saved;
			return a;
		}
		if (n->op == T_STAR) {
			LLVMValueRef p = gen_expr(g, n->a);
			gen_nilcheck(g, p, n->type);
			return LLVMBuildLoad2(g->b, gen_type(g, n->type), p, "deref");
		}
		if (n->op == T_ARROW) return gen_recv(g, n);
		LLVMValueRef x = gen_expr(g, n->a);
		switch (n->op) {
		case T_MINUS:
			if (gen_complex(n->a->type)) return gen_complex_neg(g, x);
			return gen_float(n->a->type) ? LLVMBuildFNeg(g->b, x, "") : LLVMBuildNeg(g->b, x, "");
		case T_NOT: case T_XOR: return LLVMBuildNot(g->b, x, "");
		default: return x;
		}
	}
	}
	return LLVMGetUndef(g->i64);
}

