/* util.c: small pieces every part of the code generator uses: runtime
 * calls, string constants, blocks and locals. */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

Jump *gen_jump(Gen *g, Node *stmt) {
	for (int i = g->jumps.n - 1; i >= 0; i--)
		if (g->jumps.v[i].stmt == stmt) return &g->jumps.v[i];
	Jump j = {stmt, NULL, NULL};
	vec_push(&g->jumps, j);
	return &g->jumps.v[g->jumps.n - 1];
}

/* The body of a for or range statement loop: break goes to brk, continue
 * to cont, and so does falling off the end; leaves the builder at cont. */
void gen_loop_body(Gen *g, Node *loop, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont) {
	Jump *j = gen_jump(g, loop);
	j->brk = brk;
	j->cont = cont;
	gen_stmt(g, loop->d);
	if (!gen_terminated(g)) LLVMBuildBr(g->b, cont);
	LLVMPositionBuilderAtEnd(g->b, cont);
}

/* A runtime function, declared on first use. */
LLVMValueRef gen_rtfn(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, unsigned n, LLVMTypeRef *ft) {
	*ft = LLVMFunctionType(ret, params, n, 0);
	LLVMValueRef f = LLVMGetNamedFunction(g->mod, name);
	if (!f) f = LLVMAddFunction(g->mod, name, *ft);
	return f;
}

LLVMValueRef gen_call_rt(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *pt, LLVMValueRef *args, unsigned n) {
	LLVMTypeRef ft;
	LLVMValueRef f = gen_rtfn(g, name, ret, pt, n, &ft);
	return LLVMBuildCall2(g->b, ft, f, args, n, "");
}

LLVMValueRef gen_string(Gen *g, const char *s, int64_t len) {
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


/* A local variable, at its declaration. Allocas go in the entry block,
 * where mem2reg finds them. A variable whose address is taken lives in a
 * heap cell allocated here (each execution of the declaration makes a new
 * variable, as Go's semantics want); its alloca holds the cell's address. */
LLVMValueRef gen_local(Gen *g, Object *o) {
	bool cell = o->addrtaken || o->captured;
	LLVMValueRef a = gen_temp(g, cell ? g->ptr : gen_type(g, o->type), o->name->s);
	o->backend = a;
	if (cell) {
		o->heap = true;
		LLVMBuildStore(g->b, gen_new(g, o->type), a);
	}
	return a;
}

bool gen_terminated(Gen *g) { return LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(g->b)) != NULL; }

/* After a return, code in the same block is dead: give it a block of its own. */
void gen_ensure_block(Gen *g) {
	if (gen_terminated(g)) LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, g->fn, "dead"));
}


void gen_stmts(Gen *g, Node *l) {
	for (; l; l = l->next) {
		gen_ensure_block(g);
		gen_stmt(g, l);
	}
}


/* The first store into a variable just declared (gen_local). */
void gen_init_var(Gen *g, Object *o, LLVMValueRef v) {
	if (o->heap) {
		LLVMValueRef cell = LLVMBuildLoad2(g->b, g->ptr, gen_objval(g, o), "");
		gen_store(g, cell, v, o->type, true);
		return;
	}
	LLVMBuildStore(g->b, v, gen_objval(g, o));
}

/* A stack temporary. Every alloca goes in the entry block: one elsewhere
 * would be dynamic, and a split-stack function with a dynamic alloca calls
 * libgcc's __morestack_allocate_stack_space, which is not ours. */
LLVMValueRef gen_temp(Gen *g, LLVMTypeRef t, const char *name) {
	LLVMBasicBlockRef cur = LLVMGetInsertBlock(g->b);
	/* positioning before an instruction takes its debug location: keep ours */
	LLVMMetadataRef loc = LLVMGetCurrentDebugLocation2(g->b);
	LLVMValueRef first = LLVMGetFirstInstruction(g->entry);
	if (first) LLVMPositionBuilderBefore(g->b, first);
	else LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMValueRef a = LLVMBuildAlloca(g->b, t, name);
	LLVMPositionBuilderAtEnd(g->b, cur);
	LLVMSetCurrentDebugLocation2(g->b, loc);
	return a;
}

/* The address of a variable: its alloca, its heap cell, or its global. */
LLVMValueRef gen_var_addr(Gen *g, Object *o) {
	if (o->heap) return LLVMBuildLoad2(g->b, g->ptr, gen_objval(g, o), o->name->s);
	return gen_objval(g, o);
}
