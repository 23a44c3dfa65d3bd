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
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "gen_int.h"


/* Every Go function runs on a goroutine's small, growable stack: LLVM's
 * split-stack prologue checks the limit and calls the runtime's
 * __morestack; the section go_text tells the runtime's preemption signal
 * handler that a PC is in Go code (docs/scheduler.md, "The contract"). */
void gen_function_attrs(Gen *g, LLVMValueRef f) {
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(g->ctx, "split-stack", 11, "", 0));
	/* frame pointers, as gc keeps them: profilers and debuggers walk
	 * them, and recover's check compares frames (defer.c) */
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(g->ctx, "frame-pointer", 13, "all", 3));
	/* a nil dereference is a Go panic (the fault becomes one, signal.c),
	 * not undefined behaviour the optimizer may delete */
	unsigned k = LLVMGetEnumAttributeKindForName("null_pointer_is_valid", 21);
	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(g->ctx, k, 0));
	LLVMSetSection(f, "go_text");
}

/* Small leaf functions run without the split-stack check, as gc's small
 * leaves are NOSPLIT: a function that calls nothing (intrinsics that never
 * become calls aside), has no stack slots of its own and at most
 * LEAF_MAX_INSNS instructions needs a few dozen bytes below its caller's
 * frame, and the runtime keeps STACK_RESERVE (512) bytes under every
 * segment's limit, of which LLVM's prologue lets a checked frame use 255.
 * Run after the optimization passes, when inlining has made the leaves;
 * the frame pointer stays, so traces and profilers still walk the frames. */
enum { LEAF_MAX_INSNS = 32 };

static bool small_leaf(LLVMValueRef f) {
	int n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
			if (++n > LEAF_MAX_INSNS || LLVMIsAAllocaInst(in) || LLVMIsAInvokeInst(in) || LLVMIsACallBrInst(in))
				return false;
			if (!LLVMIsACallInst(in)) continue;
			LLVMValueRef callee = LLVMGetCalledValue(in);
			if (!LLVMIsAFunction(callee) || !LLVMGetIntrinsicID(callee)) return false;
			size_t len;
			const char *name = LLVMGetValueName2(callee, &len);
			/* these may be lowered to calls of the C library's */
			if (!strncmp(name, "llvm.mem", 8)) return false;
		}
	return n > 0;
}

static void unsplit_small_leaves(LLVMModuleRef mod) {
	for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
		if (LLVMGetStringAttributeAtIndex(f, LLVMAttributeFunctionIndex, "split-stack", 11) && small_leaf(f))
			LLVMRemoveStringAttributeAtIndex(f, LLVMAttributeFunctionIndex, "split-stack", 11);
}

/* llvm.frameaddress(level) in the current function, which then keeps its
 * frame pointer (recover's check compares frames: defer.c) */
LLVMValueRef gen_frameaddress(Gen *g, unsigned level) {
	unsigned id = LLVMLookupIntrinsicID("llvm.frameaddress", 17);
	LLVMTypeRef pt = g->ptr;
	LLVMValueRef fn = LLVMGetIntrinsicDeclaration(g->mod, id, &pt, 1);
	LLVMValueRef arg = LLVMConstInt(g->i32, level, 0);
	LLVMAddAttributeAtIndex(g->fn, LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(g->ctx, "frame-pointer", 13, "all", 3));
	unsigned k = LLVMGetEnumAttributeKindForName("noinline", 8);
	LLVMAddAttributeAtIndex(g->fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(g->ctx, k, 0));
	return LLVMBuildCall2(g->b, LLVMIntrinsicGetType(g->ctx, id, &pt, 1), fn, &arg, 1, "frame");
}

/* A generic function, or a method of a generic type. */
bool gen_is_generic(Object *o) {
	if (!o || o->kind != OBJ_FUNC || !o->type) return false;
	if (o->type->ntparams) return true;
	Type *r = o->recv;
	if (r && r->kind == TY_POINTER) r = r->elem;
	return r && r->kind == TY_NAMED && r->ntparams;
}

/* Go's symbol names, qualified by the import path as gc's are:
 * main.f, main.T.M, main.(*T).M, main.init.0, unicode/utf8.RuneLen */
static const char *symbol(Object *o, int index) {
	const char *pkg = o->pkg ? o->pkg->path : "main";
	if (o->recv) {
		Type *r = o->recv;
		if (r->kind == TY_POINTER)
			return arena_printf(g_arena, "%s.(*%s).%s", pkg, r->elem->obj ? r->elem->obj->name->s : "?", o->name->s);
		return arena_printf(g_arena, "%s.%s.%s", pkg, r->obj ? r->obj->name->s : "?", o->name->s);
	}
	if (!strcmp(o->name->s, "init") && o->kind == OBJ_FUNC) return arena_printf(g_arena, "%s.init.%d", pkg, index);
	return arena_printf(g_arena, "%s.%s", pkg, o->name->s);
}

/* The LLVM value of an object: this package's functions and globals and
 * every local were made when declared; a function or variable of an
 * imported package is declared in this module on first use (its backend
 * field belongs to the module of its own package). */
LLVMValueRef gen_objval(Gen *g, Object *o) {
	if (!o) return NULL;
	if (gen_is_generic(o)) {
		/* reported at each use; the caller gets a placeholder */
		diag_error(o->pos, "%s: generic code is not supported by the code generator yet", o->name->s);
		return LLVMConstNull(g->ptr);
	}
	if (!o->global || !o->pkg || o->pkg == g->pkg) return (LLVMValueRef)o->backend;
	const char *name = symbol(o, 0);
	if (o->kind == OBJ_FUNC) {
		LLVMValueRef f = LLVMGetNamedFunction(g->mod, name);
		if (!f) {
			f = LLVMAddFunction(g->mod, name, gen_sig(g, o->type, o->recv));
			gen_function_attrs(g, f);
		}
		return f;
	}
	if (o->kind == OBJ_VAR) {
		LLVMValueRef v = LLVMGetNamedGlobal(g->mod, name);
		if (!v) v = LLVMAddGlobal(g->mod, gen_type(g, o->type), name);
		return v;
	}
	return NULL;
}

static void function(Gen *g, Object *o) {
	Node *d = o->decl;
	g->fn = (LLVMValueRef)o->backend;
	g->sig = o->type;
	g->results = d->a->list2;
	g->nfunclit = g->nwrap = 0;
	g->in_funclit = false;
	if (!d->b) return; /* declared without body: assembly elsewhere */
	if (d->pragma & PRAGMA_NOINLINE) {
		unsigned k = LLVMGetEnumAttributeKindForName("noinline", 8);
		LLVMAddAttributeAtIndex(g->fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(g->ctx, k, 0));
	}
	gen_debug_begin(g, g->fn, d->pos);
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "entry");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "body");
	LLVMPositionBuilderAtEnd(g->b, body);
	int i = 0;
	if (d->c) {
		if (d->c->obj) {
			gen_local(g, d->c->obj);
			gen_init_var(g, d->c->obj, LLVMGetParam(g->fn, 0));
		}
		i = 1;
	}
	for (Node *f = d->a->list; f; f = f->next, i++) {
		if (!f->obj) continue;
		gen_local(g, f->obj);
		gen_init_var(g, f->obj, LLVMGetParam(g->fn, (unsigned)i));
	}
	bool defers = gen_has_defer(d->b);
	for (Node *f = d->a->list2; f; f = f->next) {
		if (!f->obj) continue;
		if (defers) f->obj->addrtaken = true; /* in memory, where a recovery reads them */
		gen_local(g, f->obj);
		gen_init_var(g, f->obj, LLVMConstNull(gen_type(g, f->obj->type)));
	}
	gen_defer_prologue(g, d->b->list, d->a->list2);
	gen_stmts(g, d->b->list);
	if (!gen_terminated(g)) {
		gen_defer_epilogue(g);
		if (o->type->nresults == 0) LLVMBuildRetVoid(g->b);
		else LLVMBuildUnreachable(g->b);
	}
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMBuildBr(g->b, body);
}

/* The package's initialization, PATH..inittask: once only (a package
 * imported by several runs first for whichever reaches it first), the
 * imported packages in import order, then: register the globals that hold
 * pointers with the collector, initialize the package variables in the
 * order the checker computed, and run the init functions in source order. */
static LLVMValueRef inittask(Gen *g, Package *p) {
	const char *name = arena_printf(g_arena, "%s..inittask", p->path);
	LLVMValueRef f = LLVMGetNamedFunction(g->mod, name);
	if (!f) {
		f = LLVMAddFunction(g->mod, name, LLVMFunctionType(g->voidt, NULL, 0, 0));
		gen_function_attrs(g, f);
	}
	return f;
}

static void package_init(Gen *g, Package *pkg, LLVMValueRef *inits, int ninit) {
	LLVMTypeRef ft = LLVMFunctionType(g->voidt, NULL, 0, 0);
	LLVMValueRef f = inittask(g, pkg);
	g->fn = f;
	gen_debug_begin(g, f, NOPOS);
	g->dframe = NULL;
	g->entry = LLVMAppendBasicBlockInContext(g->ctx, f, "entry");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, f, "body");
	LLVMPositionBuilderAtEnd(g->b, body);
	LLVMValueRef done = LLVMAddGlobal(g->mod, g->i8, arena_printf(g_arena, "%s..initdone", pkg->path));
	LLVMSetInitializer(done, LLVMConstInt(g->i8, 0, 0));
	LLVMSetLinkage(done, LLVMInternalLinkage);
	LLVMBasicBlockRef run = LLVMAppendBasicBlockInContext(g->ctx, f, "run");
	LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(g->ctx, f, "done");
	LLVMValueRef was = LLVMBuildLoad2(g->b, g->i8, done, "");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntNE, was, LLVMConstInt(g->i8, 0, 0), ""), out, run);
	LLVMPositionBuilderAtEnd(g->b, out);
	LLVMBuildRetVoid(g->b);
	LLVMPositionBuilderAtEnd(g->b, run);
	LLVMBuildStore(g->b, LLVMConstInt(g->i8, 1, 0), done);
	for (int i = 0; i < pkg->imports.n; i++) LLVMBuildCall2(g->b, ft, inittask(g, pkg->imports.v[i]), NULL, 0, "");
	for (int i = 0; i < pkg->globals.n; i++) {
		Object *o = pkg->globals.v[i];
		if (!type_has_pointers(o->type)) continue;
		LLVMTypeRef pt[3] = {g->ptr, g->i64, g->ptr};
		LLVMValueRef args[3] = {(LLVMValueRef)o->backend, LLVMConstInt(g->i64, (unsigned long long)gen_ptrdata(o->type), 0),
		                        gen_gcbits(g, o->type)};
		gen_call_rt(g, "rt_gc_addroots", g->voidt, pt, args, 3);
	}
	for (int i = 0; i < pkg->inits.n; i++) {
		Node *spec = pkg->inits.v[i];
		if (!spec->list2) continue;
		int cnt = list_len(spec->list2);
		if (cnt == 1 && spec->list2->type && (spec->list2->type->kind == TY_TUPLE || (spec->list2->flags & NF_COMMAOK))) {
			LLVMValueRef agg = gen_expr(g, spec->list2);
			unsigned k = 0;
			for (Node *l = spec->list; l; l = l->next, k++) gen_store_var(g, l, gen_multi_value(g, agg, spec->list2, k, l->type));
			continue;
		}
		Node *v = spec->list2;
		for (Node *l = spec->list; l && v; l = l->next, v = v->next) gen_store_var(g, l, gen_expr(g, v));
	}
	for (int i = 0; i < ninit; i++) LLVMBuildCall2(g->b, ft, inits[i], NULL, 0, "");
	LLVMBuildRetVoid(g->b);
	LLVMPositionBuilderAtEnd(g->b, g->entry);
	LLVMBuildBr(g->b, body);
}

/* The LLVM passes of each level (docs/architecture.md has the measurements
 * behind the default). GOC_PIPELINE="passes;codegen level 0-3" replaces
 * them: tools/bench_levels.py uses it to measure candidate defaults. */
static const char *pipeline(int opt) {
	const char *e = getenv("GOC_PIPELINE");
	if (e && *e) {
		const char *semi = strchr(e, ';');
		return semi ? strndup(e, (size_t)(semi - e)) : e;
	}
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
	g->slice = LLVMStructCreateNamed(g->ctx, "go.slice.hdr");
	LLVMTypeRef slf[3] = {g->ptr, g->i64, g->i64};
	LLVMStructSetBody(g->slice, slf, 3, 0);
	g->iface = LLVMStructCreateNamed(g->ctx, "go.iface.hdr");
	LLVMTypeRef ifs[2] = {g->ptr, g->ptr};
	LLVMStructSetBody(g->iface, ifs, 2, 0);
	g->pkg = pkg;

	const char *triple = "x86_64-pc-linux-gnu";
	LLVMTargetRef target;
	char *err = NULL;
	if (LLVMGetTargetFromTriple(triple, &target, &err)) {
		fprintf(stderr, "goc: %s\n", err);
		return false;
	}
	LLVMCodeGenOptLevel cg = opts->opt == OPT_NONE ? LLVMCodeGenLevelNone : opts->opt == OPT_O2 ? LLVMCodeGenLevelDefault : LLVMCodeGenLevelLess;
	const char *pe = getenv("GOC_PIPELINE");
	if (pe && strchr(pe, ';')) cg = (LLVMCodeGenOptLevel)atoi(strchr(pe, ';') + 1);
	LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "x86-64", "", cg, LLVMRelocStatic, LLVMCodeModelDefault);
	LLVMSetTarget(g->mod, triple);
	LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
	g->td = td;
	char *dl = LLVMCopyStringRepOfTargetData(td);
	LLVMSetDataLayout(g->mod, dl);
	LLVMDisposeMessage(dl);
	gen_debug_init(g, pkg, opts->opt == OPT_O2);
	g->optimize = opts->opt == OPT_O2;

	/* package variables: zeroed globals, set by the package's init */
	for (int i = 0; i < pkg->globals.n; i++) {
		Object *o = pkg->globals.v[i];
		LLVMTypeRef t = gen_type(g, o->type);
		LLVMValueRef gv = LLVMAddGlobal(g->mod, t, symbol(o, 0));
		LLVMSetInitializer(gv, LLVMConstNull(t));
		o->backend = gv;
	}
	/* declare every function first: bodies may call forward (generic
	 * code is not generated yet: its uses are reported) */
	VEC(LLVMValueRef) inits = {0};
	for (int i = 0; i < pkg->funcs.n; i++) {
		Object *o = pkg->funcs.v[i];
		if (gen_is_generic(o)) continue;
		LLVMValueRef f = LLVMAddFunction(g->mod, symbol(o, inits.n), gen_sig(g, o->type, o->recv));
		gen_function_attrs(g, f);
		o->backend = f;
		if (!strcmp(o->name->s, "init") && !o->recv) vec_push(&inits, f);
	}
	for (int i = 0; i < pkg->funcs.n; i++)
		if (!gen_is_generic(pkg->funcs.v[i])) function(g, pkg->funcs.v[i]);
	package_init(g, pkg, inits.v, inits.n);
	free(inits.v);

	if (diag_count() > 0) return false; /* what gen reported (generic code) leaves the module incomplete */
	gen_debug_finish(g);
	gen_lower_abi(g->mod, td);
	gen_lower_big_copies(g->mod, td);
	if (LLVMVerifyModule(g->mod, LLVMReturnStatusAction, &err)) {
		fprintf(stderr, "goc: internal error: invalid IR:\n%.2000s\n", err);
		if (getenv("GOC_DUMP_IR")) LLVMDumpModule(g->mod);
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
	unsplit_small_leaves(g->mod);
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
