/* abi.c: large aggregates passed and returned through memory.
 *
 * The code generator passes Go values as first-class LLVM values, which
 * suits scalars and small aggregates; but LLVM's x86-64 lowering passes an
 * aggregate argument as one register or stack slot per element, so a
 * function taking a [16384]byte took minutes to compile. After a module is
 * generated, this pass rewrites every function type with an aggregate
 * parameter or result larger than BIG_AGGREGATE bytes, in every function
 * defined or declared and at every call (direct or through a pointer):
 *
 *   - such a parameter becomes a pointer to a copy the caller makes (in
 *     its frame); the callee loads from it where it used the parameter;
 *   - such a result (a single one, or the struct of several) becomes a
 *     first pointer parameter to memory the caller provides, and the
 *     function returns void.
 *
 * Every package's module applies the same rule to the same Go types, so
 * calls across packages agree. The loads and stores this leaves behind
 * become memmove and memset in gen_lower_big_copies, which runs next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/DebugInfo.h>

#include "gen_int.h"

enum { BIG_AGGREGATE = 128 }; /* bytes; as memory.c's */

static bool big(LLVMTargetDataRef td, LLVMTypeRef t) {
	LLVMTypeKind k = LLVMGetTypeKind(t);
	return (k == LLVMArrayTypeKind || k == LLVMStructTypeKind) && LLVMABISizeOfType(td, t) > BIG_AGGREGATE;
}

/* The memory-passing version of function type ft, or NULL if it needs none. */
static LLVMTypeRef lowered(LLVMContextRef ctx, LLVMTargetDataRef td, LLVMTypeRef ft) {
	unsigned n = LLVMCountParamTypes(ft);
	LLVMTypeRef *ps = malloc(sizeof(LLVMTypeRef) * (n + 1));
	LLVMGetParamTypes(ft, ps + 1);
	LLVMTypeRef ret = LLVMGetReturnType(ft), ptr = LLVMPointerTypeInContext(ctx, 0);
	bool change = big(td, ret);
	for (unsigned i = 1; i <= n; i++)
		if (big(td, ps[i])) {
			ps[i] = ptr;
			change = true;
		}
	LLVMTypeRef r = NULL;
	if (change) {
		bool sret = big(td, ret);
		ps[0] = ptr;
		r = LLVMFunctionType(sret ? LLVMVoidTypeInContext(ctx) : ret, sret ? ps : ps + 1, sret ? n + 1 : n, LLVMIsFunctionVarArg(ft));
	}
	free(ps);
	return r;
}

/* An alloca of t at the start of fn's entry block. */
static LLVMValueRef entry_alloca(LLVMBuilderRef b, LLVMValueRef fn, LLVMTypeRef t) {
	LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
	LLVMValueRef first = LLVMGetFirstInstruction(entry);
	if (first) LLVMPositionBuilderBefore(b, first);
	else LLVMPositionBuilderAtEnd(b, entry);
	return LLVMBuildAlloca(b, t, "abi.tmp");
}

static void lower_call(LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef fn, LLVMValueRef call, LLVMTypeRef ft, LLVMTypeRef nft) {
	unsigned n = LLVMCountParamTypes(ft);
	LLVMTypeRef ret = LLVMGetReturnType(ft);
	bool sret = big(td, ret);
	LLVMValueRef *args = malloc(sizeof(LLVMValueRef) * (n + 2));
	unsigned k = 0;
	LLVMValueRef rtmp = sret ? entry_alloca(b, fn, ret) : NULL;
	if (sret) args[k++] = rtmp;
	for (unsigned i = 0; i < n; i++) {
		LLVMValueRef a = LLVMGetOperand(call, i);
		LLVMTypeRef at = LLVMTypeOf(a);
		if (big(td, at)) {
			LLVMValueRef tmp = entry_alloca(b, fn, at);
			LLVMPositionBuilderBefore(b, call);
			LLVMBuildStore(b, a, tmp);
			a = tmp;
		}
		args[k++] = a;
	}
	LLVMPositionBuilderBefore(b, call);
	LLVMValueRef nc = LLVMBuildCall2(b, nft, LLVMGetCalledValue(call), args, k, "");
	LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(call);
	if (loc) LLVMInstructionSetDebugLoc(nc, loc);
	if (sret) LLVMReplaceAllUsesWith(call, LLVMBuildLoad2(b, ret, rtmp, "abi.ret"));
	else if (LLVMGetTypeKind(ret) != LLVMVoidTypeKind) LLVMReplaceAllUsesWith(call, nc);
	LLVMInstructionEraseFromParent(call);
	free(args);
}

static void lower_function(LLVMModuleRef mod, LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef old, LLVMTypeRef nft) {
	LLVMTypeRef ft = LLVMGlobalGetValueType(old);
	size_t len;
	const char *name0 = LLVMGetValueName2(old, &len);
	char *name = strndup(name0, len);
	LLVMSetValueName2(old, "", 0);
	LLVMValueRef nf = LLVMAddFunction(mod, name, nft);
	LLVMSetLinkage(nf, LLVMGetLinkage(old));
	LLVMSetVisibility(nf, LLVMGetVisibility(old));
	if (LLVMGetSection(old)) LLVMSetSection(nf, LLVMGetSection(old));
	unsigned na = LLVMGetAttributeCountAtIndex(old, LLVMAttributeFunctionIndex);
	if (na) {
		LLVMAttributeRef *attrs = malloc(sizeof(LLVMAttributeRef) * na);
		LLVMGetAttributesAtIndex(old, LLVMAttributeFunctionIndex, attrs);
		for (unsigned i = 0; i < na; i++) LLVMAddAttributeAtIndex(nf, LLVMAttributeFunctionIndex, attrs[i]);
		free(attrs);
	}
	LLVMMetadataRef sp = LLVMGetSubprogram(old);
	if (sp) LLVMSetSubprogram(nf, sp);
	if (LLVMCountBasicBlocks(old)) {
		LLVMBasicBlockRef bb;
		while ((bb = LLVMGetFirstBasicBlock(old))) {
			LLVMRemoveBasicBlockFromParent(bb);
			LLVMAppendExistingBasicBlock(nf, bb);
		}
		bool sret = big(td, LLVMGetReturnType(ft));
		unsigned n = LLVMCountParams(old);
		LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(nf));
		for (unsigned i = 0; i < n; i++) {
			LLVMValueRef p = LLVMGetParam(old, i), np = LLVMGetParam(nf, i + sret);
			LLVMTypeRef pt = LLVMTypeOf(p);
			if (big(td, pt)) {
				/* load where the parameter is used when that is one store (its
				 * copy into the variable), so the pair becomes a memmove */
				LLVMUseRef u = LLVMGetFirstUse(p);
				LLVMValueRef user = u && !LLVMGetNextUse(u) ? LLVMGetUser(u) : NULL;
				LLVMPositionBuilderBefore(b, user && LLVMIsAStoreInst(user) ? user : first);
				np = LLVMBuildLoad2(b, pt, np, "abi.arg");
			}
			LLVMReplaceAllUsesWith(p, np);
		}
		if (sret) {
			LLVMValueRef out = LLVMGetParam(nf, 0);
			for (LLVMBasicBlockRef bb2 = LLVMGetFirstBasicBlock(nf); bb2; bb2 = LLVMGetNextBasicBlock(bb2)) {
				LLVMValueRef t = LLVMGetBasicBlockTerminator(bb2);
				if (!t || LLVMGetInstructionOpcode(t) != LLVMRet || LLVMGetNumOperands(t) == 0) continue;
				LLVMPositionBuilderBefore(b, t);
				LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(t);
				LLVMValueRef st = LLVMBuildStore(b, LLVMGetOperand(t, 0), out);
				LLVMValueRef rv = LLVMBuildRetVoid(b);
				if (loc) {
					LLVMInstructionSetDebugLoc(st, loc);
					LLVMInstructionSetDebugLoc(rv, loc);
				}
				LLVMInstructionEraseFromParent(t);
			}
		}
	}
	LLVMReplaceAllUsesWith(old, nf);
	LLVMDeleteFunction(old);
	free(name);
}

void gen_lower_abi(LLVMModuleRef mod, LLVMTargetDataRef td) {
	LLVMContextRef ctx = LLVMGetModuleContext(mod);
	LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
	/* calls first, while every function still has its old type */
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
			for (LLVMValueRef i = LLVMGetFirstInstruction(bb), next; i; i = next) {
				next = LLVMGetNextInstruction(i);
				if (!LLVMIsACallInst(i)) continue;
				LLVMTypeRef ft = LLVMGetCalledFunctionType(i), nft = lowered(ctx, td, ft);
				if (nft) lower_call(b, td, f, i, ft, nft);
			}
	/* then the functions themselves */
	VEC(LLVMValueRef) todo = {0};
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
		if (lowered(ctx, td, LLVMGlobalGetValueType(f))) vec_push(&todo, f);
	for (int i = 0; i < todo.n; i++) lower_function(mod, b, td, todo.v[i], lowered(ctx, td, LLVMGlobalGetValueType(todo.v[i])));
	free(todo.v);
	LLVMDisposeBuilder(b);
}
