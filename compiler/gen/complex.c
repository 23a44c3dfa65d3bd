/* complex.c: complex64 and complex128.
 *
 * A complex value is an LLVM struct {float, float} or {double, double}.
 * Addition, subtraction, multiplication and comparison are expanded inline
 * as gc expands them (no fused multiply-add, so results match bit for
 * bit); division calls rt_complex128div, which is Go's runtime
 * complex128div (Smith's algorithm with C99's inf/nan corrections), and
 * complex64 divides by widening to complex128 as gc does. */
#include "gen_int.h"

bool gen_complex(Type *t) {
	t = under(t);
	return t->kind == TY_COMPLEX64 || t->kind == TY_COMPLEX128 || t->kind == TY_UNTYPED_COMPLEX;
}

static LLVMTypeRef part_type(Gen *g, LLVMValueRef z) {
	return LLVMStructGetTypeAtIndex(LLVMTypeOf(z), 0);
}

LLVMValueRef gen_make_complex(Gen *g, LLVMTypeRef t, LLVMValueRef re, LLVMValueRef im) {
	LLVMValueRef z = LLVMGetUndef(t);
	z = LLVMBuildInsertValue(g->b, z, re, 0, "");
	return LLVMBuildInsertValue(g->b, z, im, 1, "");
}

LLVMValueRef gen_complex_const(Gen *g, LLVMTypeRef t, const Const *k) {
	LLVMTypeRef ft = LLVMStructGetTypeAtIndex(t, 0);
	LLVMValueRef parts[2] = {LLVMConstReal(ft, const_float64(k)), LLVMConstReal(ft, const_imag_float64(k))};
	return LLVMConstNamedStruct(t, parts, 2);
}

/* complex64 <-> complex128 */
LLVMValueRef gen_complex_convert(Gen *g, LLVMValueRef z, LLVMTypeRef to) {
	if (LLVMTypeOf(z) == to) return z;
	LLVMTypeRef ft = LLVMStructGetTypeAtIndex(to, 0);
	bool widen = ft == g->f64;
	LLVMValueRef re = LLVMBuildExtractValue(g->b, z, 0, ""), im = LLVMBuildExtractValue(g->b, z, 1, "");
	re = widen ? LLVMBuildFPExt(g->b, re, ft, "") : LLVMBuildFPTrunc(g->b, re, ft, "");
	im = widen ? LLVMBuildFPExt(g->b, im, ft, "") : LLVMBuildFPTrunc(g->b, im, ft, "");
	return gen_make_complex(g, to, re, im);
}

LLVMValueRef gen_complex_neg(Gen *g, LLVMValueRef z) {
	return gen_make_complex(g, LLVMTypeOf(z), LLVMBuildFNeg(g->b, LLVMBuildExtractValue(g->b, z, 0, ""), ""),
	                        LLVMBuildFNeg(g->b, LLVMBuildExtractValue(g->b, z, 1, ""), ""));
}

static LLVMValueRef divide(Gen *g, LLVMValueRef x, LLVMValueRef y) {
	LLVMTypeRef t = LLVMTypeOf(x);
	LLVMValueRef wide[4];
	for (int i = 0; i < 4; i++) {
		LLVMValueRef v = LLVMBuildExtractValue(g->b, i < 2 ? x : y, (unsigned)(i & 1), "");
		wide[i] = part_type(g, x) == g->f64 ? v : LLVMBuildFPExt(g->b, v, g->f64, "");
	}
	LLVMTypeRef ct = LLVMStructTypeInContext(g->ctx, (LLVMTypeRef[]){g->f64, g->f64}, 2, 0);
	LLVMValueRef out = gen_temp(g, ct, "cdiv");
	LLVMTypeRef pt[5] = {g->ptr, g->f64, g->f64, g->f64, g->f64};
	LLVMValueRef args[5] = {out, wide[0], wide[1], wide[2], wide[3]};
	gen_call_rt(g, "rt_complex128div", g->voidt, pt, args, 5);
	return gen_complex_convert(g, LLVMBuildLoad2(g->b, ct, out, ""), t);
}

LLVMValueRef gen_complex_arith(Gen *g, int op, LLVMValueRef x, LLVMValueRef y) {
	LLVMValueRef a = LLVMBuildExtractValue(g->b, x, 0, ""), b = LLVMBuildExtractValue(g->b, x, 1, "");
	LLVMValueRef c = LLVMBuildExtractValue(g->b, y, 0, ""), d = LLVMBuildExtractValue(g->b, y, 1, "");
	LLVMTypeRef t = LLVMTypeOf(x);
	switch (op) {
	case T_PLUS: return gen_make_complex(g, t, LLVMBuildFAdd(g->b, a, c, ""), LLVMBuildFAdd(g->b, b, d, ""));
	case T_MINUS: return gen_make_complex(g, t, LLVMBuildFSub(g->b, a, c, ""), LLVMBuildFSub(g->b, b, d, ""));
	case T_STAR: {
		/* (a+bi)(c+di) = (ac-bd) + (ad+bc)i */
		LLVMValueRef re = LLVMBuildFSub(g->b, LLVMBuildFMul(g->b, a, c, ""), LLVMBuildFMul(g->b, b, d, ""), "");
		LLVMValueRef im = LLVMBuildFAdd(g->b, LLVMBuildFMul(g->b, a, d, ""), LLVMBuildFMul(g->b, b, c, ""), "");
		return gen_make_complex(g, t, re, im);
	}
	case T_DIV: return divide(g, x, y);
	case T_EQ:
		return LLVMBuildAnd(g->b, LLVMBuildFCmp(g->b, LLVMRealOEQ, a, c, ""), LLVMBuildFCmp(g->b, LLVMRealOEQ, b, d, ""), "");
	case T_NE:
		return LLVMBuildOr(g->b, LLVMBuildFCmp(g->b, LLVMRealUNE, a, c, ""), LLVMBuildFCmp(g->b, LLVMRealUNE, b, d, ""), "");
	}
	return LLVMGetUndef(t);
}
