/* gen.c: lowering the typed AST to LLVM IR.
 *
 * One LLVM module per package. Each Go function becomes an LLVM function
 * named by its Go symbol. Locals and parameters get an alloca in the entry
 * block; mem2reg (run at every level, -N included) turns those whose address
 * is never taken into SSA values, so the IR handed to the backend stays
 * small. Go values map to LLVM types as gc lays them out: int is i64, bool
 * i1 in registers, string the pair {ptr, i64}. Multiple results return as a
 * struct. Calls into the runtime pass strings as two scalars, which is how
 * the x86-64 C ABI passes the 16-byte GoString the runtime declares.
 *
 * Status: covers the constructs the checker skeleton accepts; issue 4 grows
 * it one feature file at a time (the TinyGo layout: calls.c, interface.c,
 * map.c, defer.c, ...).
 */
#include <stdio.h>
#include <stdlib.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "gen.h"
#include "grammar.h"

/* Where break, continue, fallthrough and goto go: blocks by statement. */
typedef struct Jump {
	Node *stmt; /* for, switch or select; or a labeled statement (goto) */
	LLVMBasicBlockRef brk, cont;
} Jump;

typedef struct Gen {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMBuilderRef b;
	LLVMTypeRef i1, i8, i32, i64, f64, ptr, str, voidt;
	LLVMValueRef fn;        /* current function */
	Type *sig;              /* its Go signature */
	LLVMBasicBlockRef entry;
	VEC(Jump) jumps;
} Gen;

static Jump *jump_for(Gen *g, Node *stmt) {
	for (int i = g->jumps.n - 1; i >= 0; i--)
		if (g->jumps.v[i].stmt == stmt) return &g->jumps.v[i];
	Jump j = {stmt, NULL, NULL};
	vec_push(&g->jumps, j);
	return &g->jumps.v[g->jumps.n - 1];
}

static LLVMTypeRef lt(Gen *g, Type *t) {
	if (!t) return g->voidt;
	switch (t->kind) {
	case TY_BOOL: case TY_UNTYPED_BOOL: return g->i1;
	case TY_INT: case TY_INT64: case TY_UINT: case TY_UINT64: case TY_UINTPTR: case TY_UNTYPED_INT: return g->i64;
	case TY_INT32: case TY_UINT32: case TY_UNTYPED_RUNE: return g->i32;
	case TY_INT16: case TY_UINT16: return LLVMInt16TypeInContext(g->ctx);
	case TY_INT8: case TY_UINT8: return g->i8;
	case TY_FLOAT64: return g->f64;
	case TY_FLOAT32: return LLVMFloatTypeInContext(g->ctx);
	case TY_STRING: case TY_UNTYPED_STRING: return g->str;
	case TY_FUNC: {
		LLVMTypeRef *ps = NEWARR(LLVMTypeRef, t->nparams + 1);
		for (int i = 0; i < t->nparams; i++) ps[i] = lt(g, t->params[i]);
		LLVMTypeRef rt = g->voidt;
		if (t->nresults == 1) rt = lt(g, t->results[0]);
		else if (t->nresults > 1) {
			LLVMTypeRef *rs = NEWARR(LLVMTypeRef, t->nresults);
			for (int i = 0; i < t->nresults; i++) rs[i] = lt(g, t->results[i]);
			rt = LLVMStructTypeInContext(g->ctx, rs, (unsigned)t->nresults, 0);
		}
		return LLVMFunctionType(rt, ps, (unsigned)t->nparams, 0);
	}
	default: break;
	}
	return g->i64;
}

static bool is_signed(Type *t) { return t->kind >= TY_INT && t->kind <= TY_INT64; }
static bool is_floatk(Type *t) { return t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 || t->kind == TY_UNTYPED_FLOAT; }

/* A runtime function, declared on first use. */
static LLVMValueRef rtfn(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, unsigned n, LLVMTypeRef *ft) {
	*ft = LLVMFunctionType(ret, params, n, 0);
	LLVMValueRef f = LLVMGetNamedFunction(g->mod, name);
	if (!f) f = LLVMAddFunction(g->mod, name, *ft);
	return f;
}

static LLVMValueRef call_rt(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *pt, LLVMValueRef *args, unsigned n) {
	LLVMTypeRef ft;
	LLVMValueRef f = rtfn(g, name, ret, pt, n, &ft);
	return LLVMBuildCall2(g->b, ft, f, args, n, "");
}

static LLVMValueRef ll_string(Gen *g, const char *s, int64_t len) {
	LLVMValueRef data;
	if (len == 0) data = LLVMConstNull(g->ptr);
	else {
		LLVMValueRef init = LLVMConstStringInContext(g->ctx, s, (unsigned)len, 1);
		data = LLVMAddGlobal(g->mod, LLVMTypeOf(init), "go.string");
		LLVMSetInitializer(data, init);
		LLVMSetGlobalConstant(data, 1);
		LLVMSetLinkage(data, LLVMPrivateLinkage);
		LLVMSetUnnamedAddress(data, LLVMGlobalUnnamedAddr);
		LLVMSetAlignment(data, 1);
	}
	LLVMValueRef fields[2] = {data, LLVMConstInt(g->i64, (unsigned long long)len, 0)};
	return LLVMConstNamedStruct(g->str, fields, 2);
}

static LLVMValueRef expr(Gen *g, Node *n);

static LLVMValueRef const_value(Gen *g, Node *n) {
	Const *k = n->val;
	LLVMTypeRef t = lt(g, n->type);
	switch (k->kind) {
	case CV_BOOL: return LLVMConstInt(g->i1, k->b, 0);
	case CV_STRING: return ll_string(g, k->s, k->len);
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
		return LLVMConstReal(t, const_float64(k));
	}
	return NULL;
}

static void print_value(Gen *g, Node *a) {
	LLVMValueRef v = expr(g, a);
	Type *t = a->type;
	if (type_is_string(t)) {
		LLVMTypeRef pt[2] = {g->ptr, g->i64};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, v, 0, ""), LLVMBuildExtractValue(g->b, v, 1, "")};
		call_rt(g, "rt_printstring", g->voidt, pt, args, 2);
	} else if (t->kind == TY_BOOL) {
		LLVMTypeRef pt[1] = {g->i8};
		LLVMValueRef args[1] = {LLVMBuildZExt(g->b, v, g->i8, "")};
		call_rt(g, "rt_printbool", g->voidt, pt, args, 1);
	} else if (is_floatk(t)) {
		LLVMTypeRef pt[1] = {g->f64};
		LLVMValueRef args[1] = {t->kind == TY_FLOAT32 ? LLVMBuildFPExt(g->b, v, g->f64, "") : v};
		call_rt(g, "rt_printfloat", g->voidt, pt, args, 1);
	} else if (type_is_integer(t)) {
		LLVMTypeRef pt[1] = {g->i64};
		LLVMValueRef w = v;
		if (LLVMGetIntTypeWidth(LLVMTypeOf(v)) < 64) w = is_signed(t) ? LLVMBuildSExt(g->b, v, g->i64, "") : LLVMBuildZExt(g->b, v, g->i64, "");
		LLVMValueRef args[1] = {w};
		call_rt(g, is_signed(t) ? "rt_printint" : "rt_printuint", g->voidt, pt, args, 1);
	}
}

static LLVMValueRef builtin_call(Gen *g, Node *n, int id) {
	if (id == BUILTIN_PRINT || id == BUILTIN_PRINTLN) {
		call_rt(g, "rt_printlock", g->voidt, NULL, NULL, 0);
		for (Node *a = n->list; a; a = a->next) {
			if (id == BUILTIN_PRINTLN && a != n->list) call_rt(g, "rt_printsp", g->voidt, NULL, NULL, 0);
			print_value(g, a);
		}
		if (id == BUILTIN_PRINTLN) call_rt(g, "rt_printnl", g->voidt, NULL, NULL, 0);
		call_rt(g, "rt_printunlock", g->voidt, NULL, NULL, 0);
		return NULL;
	}
	if (id == BUILTIN_LEN) {
		LLVMValueRef s = expr(g, n->list);
		return LLVMBuildExtractValue(g->b, s, 1, "len");
	}
	return NULL;
}

/* T(x) between basic types */
static LLVMValueRef conversion(Gen *g, Node *n) {
	Node *x = n->list;
	LLVMValueRef v = expr(g, x);
	Type *from = x->type, *to = n->type;
	LLVMTypeRef lto = lt(g, to);
	bool fi = type_is_integer(from), ti = type_is_integer(to);
	if (fi && ti) {
		unsigned a = LLVMGetIntTypeWidth(LLVMTypeOf(v)), b = LLVMGetIntTypeWidth(lto);
		if (a == b) return v;
		if (a > b) return LLVMBuildTrunc(g->b, v, lto, "");
		return is_signed(from) ? LLVMBuildSExt(g->b, v, lto, "") : LLVMBuildZExt(g->b, v, lto, "");
	}
	if (fi && is_floatk(to)) return is_signed(from) ? LLVMBuildSIToFP(g->b, v, lto, "") : LLVMBuildUIToFP(g->b, v, lto, "");
	if (is_floatk(from) && ti) return is_signed(to) ? LLVMBuildFPToSI(g->b, v, lto, "") : LLVMBuildFPToUI(g->b, v, lto, "");
	if (is_floatk(from) && is_floatk(to)) {
		if (from->kind == to->kind) return v;
		return to->kind == TY_FLOAT32 ? LLVMBuildFPTrunc(g->b, v, lto, "") : LLVMBuildFPExt(g->b, v, lto, "");
	}
	return v;
}

static LLVMValueRef call(Gen *g, Node *n) {
	Node *fn = n->a;
	if (fn->mode == M_TYPEEXPR) return conversion(g, n);
	if (fn->obj && fn->obj->kind == OBJ_BUILTIN) return builtin_call(g, n, fn->obj->builtin);
	Type *ft = fn->type;
	int na = ft->nparams;
	LLVMValueRef *args = NEWARR(LLVMValueRef, na + 1);
	int i = 0;
	for (Node *a = n->list; a; a = a->next) args[i++] = expr(g, a);
	LLVMValueRef callee = (LLVMValueRef)fn->obj->backend;
	return LLVMBuildCall2(g->b, lt(g, ft), callee, args, (unsigned)na, "");
}

static LLVMValueRef string_op(Gen *g, int op, LLVMValueRef x, LLVMValueRef y) {
	LLVMTypeRef pt[4] = {g->ptr, g->i64, g->ptr, g->i64};
	LLVMValueRef args[4] = {LLVMBuildExtractValue(g->b, x, 0, ""), LLVMBuildExtractValue(g->b, x, 1, ""),
	                        LLVMBuildExtractValue(g->b, y, 0, ""), LLVMBuildExtractValue(g->b, y, 1, "")};
	if (op == T_PLUS) return call_rt(g, "rt_concatstring2", g->str, pt, args, 4);
	LLVMValueRef c = call_rt(g, "rt_cmpstring", g->i64, pt, args, 4);
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
	LLVMValueRef x = expr(g, n->a);
	LLVMBasicBlockRef from = LLVMGetInsertBlock(g->b);
	LLVMBasicBlockRef rhs = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "rhs");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "done");
	if (n->op == T_ANDAND) LLVMBuildCondBr(g->b, x, rhs, done);
	else LLVMBuildCondBr(g->b, x, done, rhs);
	LLVMPositionBuilderAtEnd(g->b, rhs);
	LLVMValueRef y = expr(g, n->b);
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
	if (is_signed(yt)) {
		LLVMValueRef neg = LLVMBuildICmp(g->b, LLVMIntSLT, y, LLVMConstInt(LLVMTypeOf(y), 0, 0), "");
		LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "shift.neg");
		LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "shift.ok");
		LLVMBuildCondBr(g->b, neg, bad, ok);
		LLVMPositionBuilderAtEnd(g->b, bad);
		call_rt(g, "rt_panicshift", g->voidt, NULL, NULL, 0);
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
		call_rt(g, "rt_panicdivide", g->voidt, NULL, NULL, 0);
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

static LLVMValueRef binary(Gen *g, Node *n) {
	if (n->op == T_ANDAND || n->op == T_OROR) return logic(g, n);
	LLVMValueRef x = expr(g, n->a), y = expr(g, n->b);
	Type *t = n->a->type;
	if (type_is_string(t)) return string_op(g, n->op, x, y);
	if (is_floatk(t)) {
		switch (n->op) {
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
	bool s = is_signed(t);
	switch (n->op) {
	case T_PLUS: return LLVMBuildAdd(g->b, x, y, "");
	case T_MINUS: return LLVMBuildSub(g->b, x, y, "");
	case T_STAR: return LLVMBuildMul(g->b, x, y, "");
	case T_DIV: case T_MOD: return divide(g, n->op, x, y, s, n->b->val != NULL);
	case T_AND: return LLVMBuildAnd(g->b, x, y, "");
	case T_OR: return LLVMBuildOr(g->b, x, y, "");
	case T_XOR: return LLVMBuildXor(g->b, x, y, "");
	case T_ANDNOT: return LLVMBuildAnd(g->b, x, LLVMBuildNot(g->b, y, ""), "");
	case T_SHL: case T_SHR: return shift(g, n->op, x, y, s, n->b->type);
	case T_EQ: return LLVMBuildICmp(g->b, LLVMIntEQ, x, y, "");
	case T_NE: return LLVMBuildICmp(g->b, LLVMIntNE, x, y, "");
	case T_LT: return LLVMBuildICmp(g->b, s ? LLVMIntSLT : LLVMIntULT, x, y, "");
	case T_LE: return LLVMBuildICmp(g->b, s ? LLVMIntSLE : LLVMIntULE, x, y, "");
	case T_GT: return LLVMBuildICmp(g->b, s ? LLVMIntSGT : LLVMIntUGT, x, y, "");
	case T_GE: return LLVMBuildICmp(g->b, s ? LLVMIntSGE : LLVMIntUGE, x, y, "");
	}
	return LLVMGetUndef(lt(g, n->type));
}

static LLVMValueRef expr(Gen *g, Node *n) {
	if (n->val) return const_value(g, n);
	switch (n->kind) {
	case N_PAREN: return expr(g, n->a);
	case N_NAME: {
		Object *o = n->obj;
		if (o->kind == OBJ_VAR) return LLVMBuildLoad2(g->b, lt(g, o->type), (LLVMValueRef)o->backend, o->name->s);
		return (LLVMValueRef)o->backend;
	}
	case N_CALL: return call(g, n);
	case N_BINARY: return binary(g, n);
	case N_UNARY: {
		LLVMValueRef x = expr(g, n->a);
		switch (n->op) {
		case T_MINUS: return is_floatk(n->a->type) ? LLVMBuildFNeg(g->b, x, "") : LLVMBuildNeg(g->b, x, "");
		case T_NOT: case T_XOR: return LLVMBuildNot(g->b, x, "");
		default: return x;
		}
	}
	}
	return LLVMGetUndef(g->i64);
}

/* ---- statements ------------------------------------------------------------ */

static LLVMValueRef local(Gen *g, Object *o) {
	/* allocas go in the entry block, where mem2reg finds them */
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(g->b);
	LLVMValueRef first = LLVMGetFirstInstruction(g->entry);
	if (first) LLVMPositionBuilderBefore(g->b, first);
	else LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMValueRef a = LLVMBuildAlloca(g->b, lt(g, o->type), o->name->s);
	LLVMPositionBuilderAtEnd(g->b, cur);
	o->backend = a;
	return a;
}

static bool terminated(Gen *g) { return LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(g->b)) != NULL; }

/* After a return, code in the same block is dead: give it a block of its own. */
static void ensure_block(Gen *g) {
	if (terminated(g)) LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, g->fn, "dead"));
}

static void stmt(Gen *g, Node *n);

static void stmts(Gen *g, Node *l) {
	for (; l; l = l->next) {
		ensure_block(g);
		stmt(g, l);
	}
}

/* ---- stores: the one place pointer writes to memory are emitted ----------
 * A pointer stored outside the goroutine stack (heap or globals) goes
 * through the collector's write barrier (runtime.h):
 *     if (rt_wbenabled) rt_wbstore(slot, val); else *slot = val;
 * Stack slots need none: stacks are scanned at the end of marking. */

static bool has_pointers(Type *t) { return type_is_string(t); }

static void barrier_store(Gen *g, LLVMValueRef slot, LLVMValueRef ptr) {
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
	call_rt(g, "rt_wbstore", g->voidt, pt, args, 2);
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, fast);
	LLVMBuildStore(g->b, ptr, slot);
	LLVMBuildBr(g->b, done);
	LLVMPositionBuilderAtEnd(g->b, done);
}

static void store_to(Gen *g, LLVMValueRef addr, LLVMValueRef v, Type *t, bool offstack) {
	if (!offstack || !has_pointers(t)) {
		LLVMBuildStore(g->b, v, addr);
		return;
	}
	/* a string: the data pointer through the barrier, then the length */
	barrier_store(g, LLVMBuildStructGEP2(g->b, g->str, addr, 0, ""), LLVMBuildExtractValue(g->b, v, 0, ""));
	LLVMBuildStore(g->b, LLVMBuildExtractValue(g->b, v, 1, ""), LLVMBuildStructGEP2(g->b, g->str, addr, 1, ""));
}

static void store(Gen *g, Node *lhs, LLVMValueRef v) {
	if (lhs->kind == N_NAME && lhs->name->len == 1 && lhs->name->s[0] == '_') return;
	Object *o = lhs->obj;
	store_to(g, (LLVMValueRef)o->backend, v, o->type, o->global);
}

static void stmt(Gen *g, Node *n) {
	if (!n) return;
	switch (n->kind) {
	case N_EXPRSTMT: expr(g, n->a); return;
	case N_BLOCK: stmts(g, n->list); return;
	case N_ASSIGN: {
		if (n->op == T_INC || n->op == T_DEC) {
			LLVMValueRef x = expr(g, n->list);
			LLVMValueRef one = LLVMConstInt(LLVMTypeOf(x), 1, 0);
			store(g, n->list, n->op == T_INC ? LLVMBuildAdd(g->b, x, one, "") : LLVMBuildSub(g->b, x, one, ""));
			return;
		}
		if (n->op && n->op != T_DEFINE) {
			Node tmp = *n;
			tmp.kind = N_BINARY;
			tmp.a = n->list;
			tmp.b = n->list2;
			tmp.type = n->list->type;
			tmp.val = NULL;
			store(g, n->list, binary(g, &tmp));
			return;
		}
		int cnt = list_len(n->list2);
		if (cnt == 1 && n->list2->type && n->list2->type->kind == TY_TUPLE) {
			/* a, b := f() */
			LLVMValueRef agg = expr(g, n->list2);
			unsigned i = 0;
			for (Node *l = n->list; l; l = l->next, i++) {
				if (n->op == T_DEFINE && l->obj && !l->obj->backend) local(g, l->obj);
				store(g, l, LLVMBuildExtractValue(g->b, agg, i, ""));
			}
			return;
		}
		/* evaluate all right-hand sides before storing: a, b = b, a */
		LLVMValueRef *vals = NEWARR(LLVMValueRef, cnt + 1);
		int i = 0;
		for (Node *r = n->list2; r; r = r->next) vals[i++] = expr(g, r);
		i = 0;
		for (Node *l = n->list; l; l = l->next, i++) {
			if (n->op == T_DEFINE && l->obj && !l->obj->backend) local(g, l->obj);
			store(g, l, vals[i]);
		}
		return;
	}
	case N_DECLSTMT:
		for (Node *d = n->list; d; d = d->next) {
			Node *v = d->list2;
			for (Node *l = d->list; l; l = l->next) {
				if (!l->obj) continue;
				local(g, l->obj);
				LLVMValueRef init = v ? expr(g, v) : LLVMConstNull(lt(g, l->obj->type));
				LLVMBuildStore(g->b, init, (LLVMValueRef)l->obj->backend);
				if (v) v = v->next;
			}
		}
		return;
	case N_RETURN: {
		int nr = g->sig->nresults;
		if (nr == 0) LLVMBuildRetVoid(g->b);
		else if (nr == 1) LLVMBuildRet(g->b, expr(g, n->list));
		else {
			LLVMValueRef agg = LLVMGetUndef(LLVMGetReturnType(LLVMGlobalGetValueType(g->fn)));
			int i = 0;
			for (Node *r = n->list; r; r = r->next, i++) agg = LLVMBuildInsertValue(g->b, agg, expr(g, r), (unsigned)i, "");
			LLVMBuildRet(g->b, agg);
		}
		return;
	}
	case N_IF: {
		stmt(g, n->a);
		LLVMValueRef c = expr(g, n->b);
		LLVMBasicBlockRef then = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "then");
		LLVMBasicBlockRef els = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "else");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "endif");
		LLVMBuildCondBr(g->b, c, then, els);
		LLVMPositionBuilderAtEnd(g->b, then);
		stmt(g, n->c);
		if (!terminated(g)) LLVMBuildBr(g->b, done);
		LLVMPositionBuilderAtEnd(g->b, els);
		stmt(g, n->d);
		if (!terminated(g)) LLVMBuildBr(g->b, done);
		LLVMPositionBuilderAtEnd(g->b, done);
		return;
	}
	case N_FOR: {
		stmt(g, n->a);
		LLVMBasicBlockRef cond = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.cond");
		LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.body");
		LLVMBasicBlockRef post = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.post");
		LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "for.end");
		LLVMBuildBr(g->b, cond);
		LLVMPositionBuilderAtEnd(g->b, cond);
		if (n->b) LLVMBuildCondBr(g->b, expr(g, n->b), body, done);
		else LLVMBuildBr(g->b, body);
		LLVMPositionBuilderAtEnd(g->b, body);
		Jump *j = jump_for(g, n);
		j->brk = done;
		j->cont = post;
		stmt(g, n->d);
		if (!terminated(g)) LLVMBuildBr(g->b, post);
		LLVMPositionBuilderAtEnd(g->b, post);
		stmt(g, n->c);
		LLVMBuildBr(g->b, cond);
		LLVMPositionBuilderAtEnd(g->b, done);
		return;
	}
	case N_LABELED: {
		/* a label starts a block of its own, which gotos branch to */
		Jump *j = jump_for(g, n);
		if (!j->brk) j->brk = LLVMAppendBasicBlockInContext(g->ctx, g->fn, n->name->s);
		LLVMBasicBlockRef target = j->brk;
		if (!terminated(g)) LLVMBuildBr(g->b, target);
		LLVMPositionBuilderAtEnd(g->b, target);
		stmt(g, n->a);
		return;
	}
	case N_BRANCH: {
		Node *t = n->c;
		if (!t) return;
		Jump *j = jump_for(g, t);
		if (n->op == T_GOTO) {
			if (!j->brk) j->brk = LLVMAppendBasicBlockInContext(g->ctx, g->fn, t->name->s);
			LLVMBuildBr(g->b, j->brk);
		} else if (n->op == T_BREAK) LLVMBuildBr(g->b, j->brk);
		else LLVMBuildBr(g->b, j->cont); /* continue; fallthrough: the next case body */
		return;
	}
	case N_SWITCH: {
		stmt(g, n->a);
		LLVMValueRef tag = n->b ? expr(g, n->b) : NULL;
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
				if (!tag) c = expr(g, v);
				else {
					Node eq = {.kind = N_BINARY, .op = T_EQ, .a = n->b, .b = v, .type = ty_bool};
					(void)eq;
					LLVMValueRef x = expr(g, v);
					if (type_is_string(n->b->type)) c = string_op(g, T_EQ, tag, x);
					else if (is_floatk(n->b->type)) c = LLVMBuildFCmp(g->b, LLVMRealOEQ, tag, x, "");
					else c = LLVMBuildICmp(g->b, LLVMIntEQ, tag, x, "");
				}
				LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "case.next");
				LLVMBuildCondBr(g->b, c, bodies[i], next);
				LLVMPositionBuilderAtEnd(g->b, next);
			}
		}
		LLVMBuildBr(g->b, dflt >= 0 ? bodies[dflt] : done);
		Jump *j = jump_for(g, n);
		j->brk = done;
		i = 0;
		for (Node *cc = n->list; cc; cc = cc->next, i++) {
			LLVMPositionBuilderAtEnd(g->b, bodies[i]);
			/* fallthrough jumps to the next body: point this switch's
			 * "continue" slot at it while the body is generated */
			LLVMBasicBlockRef saved = jump_for(g, n)->cont;
			jump_for(g, n)->cont = bodies[i + 1];
			stmts(g, cc->list2);
			jump_for(g, n)->cont = saved;
			if (!terminated(g)) LLVMBuildBr(g->b, done);
		}
		LLVMPositionBuilderAtEnd(g->b, done);
		return;
	}
	default: return;
	}
}

/* ---- functions and the module ------------------------------------------------ */

/* Every Go function runs on a goroutine's small, growable stack: LLVM's
 * split-stack prologue checks the limit and calls the runtime's
 * __morestack; the section go_text tells the runtime's preemption signal
 * handler that a PC is in Go code (docs/scheduler.md, "The contract"). */
static void go_function_attrs(Gen *g, LLVMValueRef f) {
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(g->ctx, "split-stack", 11, "", 0));
	LLVMSetSection(f, "go_text");
}

static const char *symbol(Package *pkg, Object *o, int index) {
	if (!strcmp(o->name->s, "init")) return arena_printf(g_arena, "%s.init.%d", pkg->name->s, index);
	return arena_printf(g_arena, "%s.%s", pkg->name->s, o->name->s);
}

static void function(Gen *g, Object *o) {
	Node *d = o->decl;
	g->fn = (LLVMValueRef)o->backend;
	g->sig = o->type;
	if (!d->b) return; /* declared without body: assembly elsewhere */
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "entry");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "body");
	LLVMPositionBuilderAtEnd(g->b, body);
	int i = 0;
	for (Node *f = d->a->list; f; f = f->next, i++) {
		if (!f->obj) continue;
		local(g, f->obj);
		LLVMBuildStore(g->b, LLVMGetParam(g->fn, (unsigned)i), (LLVMValueRef)f->obj->backend);
	}
	for (Node *f = d->a->list2; f; f = f->next) {
		if (!f->obj) continue;
		local(g, f->obj);
		LLVMBuildStore(g->b, LLVMConstNull(lt(g, f->obj->type)), (LLVMValueRef)f->obj->backend);
	}
	stmts(g, d->b->list);
	if (!terminated(g)) {
		if (o->type->nresults == 0) LLVMBuildRetVoid(g->b);
		else LLVMBuildUnreachable(g->b);
	}
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMBuildBr(g->b, body);
}

/* The package's initialization: register the globals that hold pointers
 * with the collector, initialize the package variables in the order the
 * checker computed, then run the init functions in source order. */
static void package_init(Gen *g, Package *pkg, LLVMValueRef *inits, int ninit) {
	LLVMTypeRef ft = LLVMFunctionType(g->voidt, NULL, 0, 0);
	LLVMValueRef f = LLVMAddFunction(g->mod, arena_printf(g_arena, "%s..inittask", pkg->name->s), ft);
	go_function_attrs(g, f);
	g->fn = f;
	LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, f, "entry"));
	for (int i = 0; i < pkg->globals.n; i++) {
		Object *o = pkg->globals.v[i];
		if (!has_pointers(o->type)) continue;
		/* a string's first word is a pointer: bitmap 0b01 */
		LLVMValueRef bm = LLVMGetNamedGlobal(g->mod, "go.gcbits.01");
		if (!bm) {
			LLVMValueRef init = LLVMConstInt(g->i8, 1, 0);
			bm = LLVMAddGlobal(g->mod, g->i8, "go.gcbits.01");
			LLVMSetInitializer(bm, init);
			LLVMSetGlobalConstant(bm, 1);
			LLVMSetLinkage(bm, LLVMLinkOnceODRLinkage);
		}
		LLVMTypeRef pt[3] = {g->ptr, g->i64, g->ptr};
		LLVMValueRef args[3] = {(LLVMValueRef)o->backend, LLVMConstInt(g->i64, 16, 0), bm};
		call_rt(g, "rt_gc_addroots", g->voidt, pt, args, 3);
	}
	for (int i = 0; i < pkg->inits.n; i++) {
		Node *spec = pkg->inits.v[i];
		if (!spec->list2) continue;
		int cnt = list_len(spec->list2);
		if (cnt == 1 && spec->list2->type && spec->list2->type->kind == TY_TUPLE) {
			LLVMValueRef agg = expr(g, spec->list2);
			unsigned k = 0;
			for (Node *l = spec->list; l; l = l->next, k++) store(g, l, LLVMBuildExtractValue(g->b, agg, k, ""));
			continue;
		}
		Node *v = spec->list2;
		for (Node *l = spec->list; l && v; l = l->next, v = v->next) store(g, l, expr(g, v));
	}
	for (int i = 0; i < ninit; i++) LLVMBuildCall2(g->b, ft, inits[i], NULL, 0, "");
	LLVMBuildRetVoid(g->b);
}

static const char *pipeline(int opt) {
	switch (opt) {
	case OPT_NONE: return "mem2reg";
	case OPT_O2: return "default<O2>";
	default: return "function(mem2reg,instcombine<no-verify-fixpoint>,simplifycfg)";
	}
}

bool gen_package(Package *pkg, const char *obj_path, const GenOptions *opts) {
	LLVMInitializeX86TargetInfo();
	LLVMInitializeX86Target();
	LLVMInitializeX86TargetMC();
	LLVMInitializeX86AsmPrinter();

	Gen G = {0}, *g = &G;
	g->ctx = LLVMContextCreate();
	g->mod = LLVMModuleCreateWithNameInContext(pkg->path, g->ctx);
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->i1 = LLVMInt1TypeInContext(g->ctx);
	g->i8 = LLVMInt8TypeInContext(g->ctx);
	g->i32 = LLVMInt32TypeInContext(g->ctx);
	g->i64 = LLVMInt64TypeInContext(g->ctx);
	g->f64 = LLVMDoubleTypeInContext(g->ctx);
	g->ptr = LLVMPointerTypeInContext(g->ctx, 0);
	g->voidt = LLVMVoidTypeInContext(g->ctx);
	g->str = LLVMStructCreateNamed(g->ctx, "go.string.hdr");
	LLVMTypeRef sf[2] = {g->ptr, g->i64};
	LLVMStructSetBody(g->str, sf, 2, 0);

	const char *triple = "x86_64-pc-linux-gnu";
	LLVMTargetRef target;
	char *err = NULL;
	if (LLVMGetTargetFromTriple(triple, &target, &err)) {
		fprintf(stderr, "goc: %s\n", err);
		return false;
	}
	LLVMCodeGenOptLevel cg = opts->opt == OPT_NONE ? LLVMCodeGenLevelNone : opts->opt == OPT_O2 ? LLVMCodeGenLevelDefault : LLVMCodeGenLevelLess;
	LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "x86-64", "", cg, LLVMRelocStatic, LLVMCodeModelDefault);
	LLVMSetTarget(g->mod, triple);
	LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
	char *dl = LLVMCopyStringRepOfTargetData(td);
	LLVMSetDataLayout(g->mod, dl);
	LLVMDisposeMessage(dl);

	/* package variables: zeroed globals, set by the package's init */
	for (int i = 0; i < pkg->globals.n; i++) {
		Object *o = pkg->globals.v[i];
		LLVMTypeRef t = lt(g, o->type);
		LLVMValueRef gv = LLVMAddGlobal(g->mod, t, arena_printf(g_arena, "%s.%s", pkg->name->s, o->name->s));
		LLVMSetInitializer(gv, LLVMConstNull(t));
		o->backend = gv;
	}
	/* declare every function first: bodies may call forward */
	VEC(LLVMValueRef) inits = {0};
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		LLVMValueRef f = LLVMAddFunction(g->mod, symbol(pkg, o, inits.n), lt(g, o->type));
		go_function_attrs(g, f);
		o->backend = f;
		if (!strcmp(o->name->s, "init")) vec_push(&inits, f);
	}
	for (int i = 0; i < pkg->funcs.n; i++) function(g, pkg->funcs.v[i]);
	package_init(g, pkg, inits.v, inits.n);
	free(inits.v);

	if (LLVMVerifyModule(g->mod, LLVMReturnStatusAction, &err)) {
		fprintf(stderr, "goc: internal error: invalid IR:\n%s\n", err);
		LLVMDumpModule(g->mod);
		return false;
	}
	LLVMDisposeMessage(err);
	LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
	LLVMErrorRef e = LLVMRunPasses(g->mod, pipeline(opts->opt), tm, pbo);
	if (e) {
		char *m = LLVMGetErrorMessage(e);
		fprintf(stderr, "goc: internal error: %s\n", m);
		LLVMDisposeErrorMessage(m);
		return false;
	}
	LLVMDisposePassBuilderOptions(pbo);
	if (opts->emit_llvm) {
		char *ll = arena_printf(g_arena, "%s.ll", obj_path);
		LLVMPrintModuleToFile(g->mod, ll, NULL);
	}
	if (LLVMTargetMachineEmitToFile(tm, g->mod, obj_path, LLVMObjectFile, &err)) {
		fprintf(stderr, "goc: %s\n", err);
		return false;
	}
	LLVMDisposeTargetData(td);
	LLVMDisposeTargetMachine(tm);
	LLVMDisposeBuilder(g->b);
	LLVMDisposeModule(g->mod);
	LLVMContextDispose(g->ctx);
	return true;
}
