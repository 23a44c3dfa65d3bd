/* chan.c: go statements, channels and select, lowered to the scheduler's
 * contract (docs/scheduler.md): `go f(a, b)` evaluates f and its arguments
 * now into a heap block and starts a thunk that unpacks it; channel
 * operations pass elements by address; select builds its case array in the
 * frame and calls rt_selectgo. */
#include <stdio.h>
#include <stdlib.h>

#include "gen_int.h"

/* ---- go statements ----------------------------------------------------------- */

/* go/defer of a builtin: the arguments now, the builtin in the thunk */
static bool builtin_thunk(Gen *g, Node *call, int id, LLVMValueRef *thunk_out, LLVMValueRef *blk_out) {
	int na = list_len(call->list);
	Type *bt = type_new(TY_STRUCT);
	bt->nfields = na + 1;
	bt->fields = NEWARR(Field, na + 1);
	/* word 0: for defer recover(), the deferring function's caller frame */
	bt->fields[0].type = id == BUILTIN_RECOVER ? basic_type(TY_UINTPTR) : type_pointer(basic_type(TY_UINT8));
	bt->fields[0].name = internz("pad");
	int i = 1;
	for (Node *a = call->list; a; a = a->next, i++) {
		bt->fields[i].type = a->type;
		bt->fields[i].name = internz("arg");
	}
	LLVMValueRef blk = gen_new(g, bt);
	LLVMTypeRef blt = gen_type(g, bt);
	if (id == BUILTIN_RECOVER)
		LLVMBuildStore(g->b, LLVMBuildPtrToInt(g->b, gen_frameaddress(g, 1), g->i64, ""), LLVMBuildStructGEP2(g->b, blt, blk, 0, ""));
	i = 1;
	for (Node *a = call->list; a; a = a->next, i++)
		gen_store(g, LLVMBuildStructGEP2(g->b, blt, blk, (unsigned)i, ""), gen_expr(g, a), a->type, true);
	LLVMTypeRef tt = LLVMFunctionType(g->voidt, &g->ptr, 1, 0);
	LLVMValueRef thunk = LLVMAddFunction(g->mod, arena_printf(g_arena, "%s.deferwrap%d", LLVMGetValueName(g->fn), ++g->nwrap), tt);
	gen_function_attrs(g, thunk);
	LLVMBuilderRef saved_b = g->b;
	LLVMValueRef saved_fn = g->fn;
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->fn = thunk;
	LLVMMetadataRef saved_disp = g->disp;
	g->disp = NULL; /* generated code: no source lines */
	LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, thunk, "entry"));
	LLVMValueRef b = LLVMGetParam(thunk, 0);
	LLVMValueRef *vals = NEWARR(LLVMValueRef, na + 1);
	i = 1;
	for (Node *a = call->list; a; a = a->next, i++)
		vals[i - 1] = LLVMBuildLoad2(g->b, gen_type(g, a->type), LLVMBuildStructGEP2(g->b, blt, b, (unsigned)i, ""), "");
	switch (id) {
	case BUILTIN_PRINT: case BUILTIN_PRINTLN:
		gen_call_rt(g, "rt_printlock", g->voidt, NULL, NULL, 0);
		i = 0;
		for (Node *a = call->list; a; a = a->next, i++) {
			if (id == BUILTIN_PRINTLN && i) gen_call_rt(g, "rt_printsp", g->voidt, NULL, NULL, 0);
			gen_print_typed(g, vals[i], a->type);
		}
		if (id == BUILTIN_PRINTLN) gen_call_rt(g, "rt_printnl", g->voidt, NULL, NULL, 0);
		gen_call_rt(g, "rt_printunlock", g->voidt, NULL, NULL, 0);
		break;
	case BUILTIN_CLOSE: {
		LLVMTypeRef pt[1] = {g->ptr};
		gen_call_rt(g, "rt_closechan", g->voidt, pt, vals, 1);
		break;
	}
	case BUILTIN_PANIC: {
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef args[2] = {LLVMBuildExtractValue(g->b, vals[0], 0, ""), LLVMBuildExtractValue(g->b, vals[0], 1, "")};
		gen_call_rt(g, "rt_gopanic", g->voidt, pt, args, 2);
		break;
	}
	case BUILTIN_RECOVER: { /* defer recover(): as a recover() at the deferring function's exit */
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef fr = LLVMBuildLoad2(g->b, g->i64, LLVMBuildStructGEP2(g->b, blt, b, 0, ""), "");
		LLVMValueRef rargs[2] = {b, LLVMBuildIntToPtr(g->b, fr, g->ptr, "")};
		gen_call_rt(g, "rt_gorecover_deferred", g->iface, pt, rargs, 2);
		break;
	}
	}
	LLVMBuildRetVoid(g->b);
	LLVMDisposeBuilder(g->b);
	g->b = saved_b;
	g->fn = saved_fn;
	g->disp = saved_disp;
	*thunk_out = thunk;
	*blk_out = blk;
	return true;
}

/* Evaluates a call's function and arguments now into a heap block and
 * makes a thunk that performs the call from the block later (go, defer).
 * Returns false (after an error) for calls it cannot package. */
bool gen_call_thunk(Gen *g, Node *stmt, LLVMValueRef *thunk_out, LLVMValueRef *blk_out) {
	Node *call = stmt->a, *fn = call->a;
	Type *ft = under(fn->type);
	/* what to call: a known function (with a receiver), an interface
	 * method (code from the itab, the data word as receiver), or a func
	 * value (its code, the closure as context) */
	Object *callee = NULL;
	LLVMValueRef recv = NULL, code = NULL;
	Type *recvt = NULL;
	int kind; /* 0 known, 1 interface method, 2 func value, 3 function literal */
	Node *lit = fn;
	while (lit->kind == N_PAREN) lit = lit->a;
	if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD && fn->sel->iface && !(fn->flags & NF_METHODEXPR)) {
		Type *it = fn->a->type;
		LLVMValueRef v;
		if (fn->sel->npath > 0) { /* an interface embedded in a struct */
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
		LLVMValueRef off = LLVMConstInt(g->i64, 24 + 8 * (unsigned long long)idx, 0);
		code = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildGEP2(g->b, g->i8, LLVMBuildExtractValue(g->b, v, 0, ""), &off, 1, ""), "");
		recv = LLVMBuildExtractValue(g->b, v, 1, "");
		recvt = type_pointer(basic_type(TY_UINT8));
		ft = it->methods.v[idx].type;
		kind = 1;
	} else if (fn->kind == N_SELECTOR && fn->sel && fn->sel->kind == SEL_METHOD && !(fn->flags & NF_METHODEXPR)) {
		callee = fn->obj;
		recvt = callee->recv;
		if (fn->flags & NF_ADDRRECV) recv = gen_selector_base_addr(g, fn);
		else if (fn->flags & NF_DEREFRECV)
			recv = LLVMBuildLoad2(g->b, gen_type(g, recvt), gen_selector_base_addr(g, fn), "");
		else if (fn->sel->npath == 0) recv = gen_expr(g, fn->a);
		else {
			LLVMValueRef p = gen_selector_base_addr(g, fn);
			recv = recvt->kind == TY_POINTER ? p : LLVMBuildLoad2(g->b, gen_type(g, recvt), p, "");
		}
		code = gen_objval(g, callee);
		kind = 0;
	} else if (fn->kind == N_SELECTOR && (fn->flags & NF_METHODEXPR)) {
		code = gen_method_expr_value(g, fn); /* its wrapper finds the receiver */
		kind = 2;
	} else if (fn->kind == N_NAME && fn->obj && fn->obj->kind == OBJ_FUNC) {
		callee = fn->obj;
		code = gen_objval(g, callee);
		kind = 0;
	} else if (fn->mode == M_BUILTIN) {
		int id = fn->obj->builtin;
		if (id != BUILTIN_PRINT && id != BUILTIN_PRINTLN && id != BUILTIN_CLOSE && id != BUILTIN_PANIC && id != BUILTIN_RECOVER) {
			diag_error(stmt->pos, "go and defer of %s are not supported by the code generator yet", fn->obj->name->s);
			return false;
		}
		return builtin_thunk(g, call, id, thunk_out, blk_out);
	} else if (lit->kind == N_FUNCLIT) {
		kind = 3; /* built below, with the arguments */
	} else {
		code = gen_expr(g, fn); /* the closure */
		kind = 2;
	}
	/* the arguments, evaluated now (a variadic tail packed, f(g()) spread) */
	LLVMValueRef *vals = NEWARR(LLVMValueRef, ft->nparams + 2);
	int na = (int)gen_call_args(g, call, ft, vals, 0);
	Type *bt;
	LLVMValueRef blk;
	unsigned argbase; /* field of the first argument */
	if (kind == 3) {
		/* go/defer func(...){...}(args): the closure object itself, with
		 * room for the arguments, is the block (one allocation, not two;
		 * building the closure reads no variable, so evaluating the
		 * arguments first changes nothing) */
		blk = gen_funclit_ex(g, lit, ft->params, na, &bt, &code);
		argbase = (unsigned)node_deps(lit)->captures.n + 1;
	} else {
		/* the block: {code, recv?, args...} as a Go struct so the collector scans it */
		bt = type_new(TY_STRUCT);
		bt->nfields = 2 + na;
		bt->fields = NEWARR(Field, bt->nfields);
		Type *bp = type_pointer(basic_type(TY_UINT8));
		bt->fields[0].type = bp;
		bt->fields[0].name = internz("code");
		bt->fields[1].type = recv ? recvt : bp;
		bt->fields[1].name = internz("recv");
		for (int i = 0; i < na; i++) {
			bt->fields[2 + i].type = ft->params[i];
			bt->fields[2 + i].name = internz("arg");
		}
		blk = gen_new(g, bt);
		argbase = 2;
	}
	LLVMTypeRef blt = gen_type(g, bt);
	if (kind != 3) {
		Type *bp = type_pointer(basic_type(TY_UINT8));
		gen_store(g, LLVMBuildStructGEP2(g->b, blt, blk, 0, ""), code, bp, true);
		if (recv) gen_store(g, LLVMBuildStructGEP2(g->b, blt, blk, 1, ""), recv, recvt, true);
	}
	for (int i = 0; i < na; i++)
		gen_store(g, LLVMBuildStructGEP2(g->b, blt, blk, argbase + (unsigned)i, ""), vals[i], ft->params[i], true);

	/* the thunk */
	LLVMTypeRef tt = LLVMFunctionType(g->voidt, &g->ptr, 1, 0);
	LLVMValueRef thunk = LLVMAddFunction(g->mod, arena_printf(g_arena, "%s.gowrap%d", LLVMGetValueName(g->fn), ++g->nwrap), tt);
	gen_function_attrs(g, thunk);
	LLVMBuilderRef saved = g->b;
	LLVMValueRef saved_fn = g->fn;
	g->b = LLVMCreateBuilderInContext(g->ctx);
	g->fn = thunk;
	LLVMMetadataRef saved_disp = g->disp;
	LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, thunk, "entry"));
	/* at the go statement's line: a trace shows "created by" there */
	gen_debug_begin(g, thunk, stmt->pos);
	LLVMValueRef b = LLVMGetParam(thunk, 0);
	if (stmt->kind == N_DEFERSTMT) {
		/* tell a panic running this call where its frame is: the callee
		 * may recover only if this frame is its caller's (defer.c) */
		LLVMTypeRef pt[2] = {g->ptr, g->ptr};
		LLVMValueRef eargs[2] = {b, gen_frameaddress(g, 0)};
		gen_call_rt(g, "rt_deferenter", g->voidt, pt, eargs, 2);
	}
	LLVMValueRef *args = NEWARR(LLVMValueRef, na + 2);
	int k = 0;
	LLVMValueRef c;
	if (kind == 3) { /* the literal's code, with the block as its closure */
		c = code;
		args[k++] = b;
	} else {
		c = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildStructGEP2(g->b, blt, b, 0, ""), "code");
		if (kind == 2) {
			args[k++] = c;
			c = LLVMBuildLoad2(g->b, g->ptr, c, "");
		} else if (recv) args[k++] = LLVMBuildLoad2(g->b, gen_type(g, recvt), LLVMBuildStructGEP2(g->b, blt, b, 1, ""), "recv");
	}
	for (int i = 0; i < na; i++)
		args[k++] = LLVMBuildLoad2(g->b, gen_type(g, ft->params[i]), LLVMBuildStructGEP2(g->b, blt, b, argbase + (unsigned)i, ""), "");
	LLVMTypeRef sig = kind == 0 ? gen_sig(g, callee->type, callee->recv)
	                            : gen_sig(g, ft, type_pointer(basic_type(TY_UINT8)));
	LLVMValueRef cl = LLVMBuildCall2(g->b, sig, c, args, (unsigned)k, "");
	if (stmt->kind == N_DEFERSTMT) {
		/* the callee's caller frame must stay this thunk's (recover's
		 * check): at -O2, neither a tail call that drops this frame nor
		 * inlining the callee here, which would make its callees ours */
		LLVMSetTailCallKind(cl, LLVMTailCallKindNoTail);
		unsigned ni = LLVMGetEnumAttributeKindForName("noinline", 8);
		LLVMAddCallSiteAttribute(cl, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(g->ctx, ni, 0));
	}
	LLVMBuildRetVoid(g->b);
	LLVMDisposeBuilder(g->b);
	g->b = saved;
	g->fn = saved_fn;
	g->disp = saved_disp;
	*thunk_out = thunk;
	*blk_out = blk;
	return true;
}

void gen_go(Gen *g, Node *stmt) {
	LLVMValueRef thunk, blk;
	if (!gen_call_thunk(g, stmt, &thunk, &blk)) return;
	LLVMTypeRef pt[2] = {g->ptr, g->ptr};
	LLVMValueRef args[2] = {thunk, blk};
	gen_call_rt(g, "rt_go", g->voidt, pt, args, 2);
}

void gen_defer(Gen *g, Node *stmt) {
	LLVMValueRef thunk, blk;
	if (!gen_call_thunk(g, stmt, &thunk, &blk)) return;
	LLVMTypeRef pt[3] = {g->ptr, g->ptr, g->ptr};
	LLVMValueRef args[3] = {g->dframe, thunk, blk};
	gen_call_rt(g, "rt_defer", g->voidt, pt, args, 3);
}

/* ---- functions with deferred calls --------------------------------------------- */

static bool has_defer_in(Node *l);
static bool has_defer(Node *s) {
	if (!s) return false;
	switch (s->kind) {
	case N_DEFERSTMT: return true;
	case N_FUNCLIT: return false; /* its own frame */
	case N_BLOCK: return has_defer_in(s->list);
	case N_IF: return has_defer(s->c) || has_defer(s->d);
	case N_FOR: return has_defer(s->d);
	case N_LABELED: return has_defer(s->a);
	case N_SWITCH: case N_SELECT:
		for (Node *c = s->list; c; c = c->next)
			if (has_defer_in(c->list2)) return true;
		return false;
	default: return false;
	}
}
static bool has_defer_in(Node *l) {
	for (; l; l = l->next)
		if (has_defer(l)) return true;
	return false;
}

bool gen_has_defer(Node *body) { return body && has_defer_in(body->list); }

/* The entry of a function with defer statements (the body's statements in
 * body): a DeferFrame in the frame, linked in, and the recovery point. The
 * named results live in memory, where a recovery finds their values. */
void gen_defer_prologue(Gen *g, Node *body, Node *results) {
	g->dframe = NULL;
	if (!has_defer_in(body)) return;
	LLVMTypeRef ft = LLVMArrayType2(g->i64, 12);
	g->dframe = gen_temp(g, ft, "deferframe");
	LLVMTypeRef pt[1] = {g->ptr};
	LLVMValueRef args[1] = {g->dframe};
	gen_call_rt(g, "rt_deferframe_push", g->voidt, pt, args, 1);
	LLVMValueRef off = LLVMConstInt(g->i64, 3, 0);
	LLVMValueRef jb = LLVMBuildGEP2(g->b, g->i64, g->dframe, &off, 1, "jb");
	LLVMTypeRef st;
	LLVMValueRef sj = gen_rtfn(g, "rt_setjmp", g->i32, pt, 1, &st);
	LLVMAddAttributeAtIndex(sj, LLVMAttributeFunctionIndex,
	                        LLVMCreateEnumAttribute(g->ctx, LLVMGetEnumAttributeKindForName("returns_twice", 13), 0));
	LLVMValueRef r = LLVMBuildCall2(g->b, st, sj, &jb, 1, "");
	LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex,
	                         LLVMCreateEnumAttribute(g->ctx, LLVMGetEnumAttributeKindForName("returns_twice", 13), 0));
	LLVMBasicBlockRef rec = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "recovered");
	LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "body.defer");
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntNE, r, LLVMConstInt(g->i32, 0, 0), ""), rec, cont);
	/* recovered: the remaining deferred calls, then return the results */
	LLVMPositionBuilderAtEnd(g->b, rec);
	gen_defer_epilogue(g);
	int nr = g->sig->nresults;
	if (nr == 0) LLVMBuildRetVoid(g->b);
	else {
		LLVMValueRef *vals = NEWARR(LLVMValueRef, nr);
		int i = 0;
		for (Node *f = results; f && i < nr; f = f->next, i++)
			vals[i] = f->obj ? LLVMBuildLoad2(g->b, gen_type(g, f->obj->type), gen_var_addr(g, f->obj), "")
			                 : LLVMConstNull(gen_type(g, g->sig->results[i]));
		if (nr == 1) LLVMBuildRet(g->b, vals[0]);
		else {
			LLVMValueRef agg = LLVMGetUndef(LLVMGetReturnType(LLVMGlobalGetValueType(g->fn)));
			for (i = 0; i < nr; i++) agg = LLVMBuildInsertValue(g->b, agg, vals[i], (unsigned)i, "");
			LLVMBuildRet(g->b, agg);
		}
	}
	LLVMPositionBuilderAtEnd(g->b, cont);
}

/* Before a return: run the deferred calls and unlink the frame. */
void gen_defer_epilogue(Gen *g) {
	if (!g->dframe) return;
	LLVMTypeRef pt[1] = {g->ptr};
	LLVMValueRef args[1] = {g->dframe};
	gen_call_rt(g, "rt_deferframe_return", g->voidt, pt, args, 1);
}

/* ---- channels ------------------------------------------------------------------- */

LLVMValueRef gen_makechan(Gen *g, Type *t, Node *size) {
	LLVMValueRef n = LLVMConstInt(g->i64, 0, 0);
	if (size) {
		n = gen_expr(g, size);
		if (LLVMGetIntTypeWidth(LLVMTypeOf(n)) < 64) n = LLVMBuildSExt(g->b, n, g->i64, "");
	}
	LLVMTypeRef pt[2] = {g->ptr, g->i64};
	LLVMValueRef args[2] = {gen_typedesc(g, t), n};
	return gen_call_rt(g, "rt_makechan", g->ptr, pt, args, 2);
}

void gen_send(Gen *g, Node *n) {
	Type *elem = under(n->a->type)->elem;
	LLVMValueRef c = gen_expr(g, n->a);
	LLVMValueRef tmp = gen_temp(g, gen_type(g, elem), "send");
	LLVMBuildStore(g->b, gen_expr(g, n->b), tmp);
	LLVMTypeRef pt[2] = {g->ptr, g->ptr};
	LLVMValueRef args[2] = {c, tmp};
	gen_call_rt(g, "rt_chansend", g->voidt, pt, args, 2);
}

/* <-c; with NF_COMMAOK the pair {v, ok} */
LLVMValueRef gen_recv(Gen *g, Node *n) {
	Type *elem = n->type;
	LLVMValueRef c = gen_expr(g, n->a);
	LLVMTypeRef et = gen_type(g, elem);
	LLVMValueRef tmp = gen_temp(g, et, "recv");
	LLVMBuildStore(g->b, LLVMConstNull(et), tmp);
	LLVMTypeRef pt[2] = {g->ptr, g->ptr};
	LLVMValueRef args[2] = {c, tmp};
	LLVMValueRef ok = gen_call_rt(g, "rt_chanrecv", g->i8, pt, args, 2);
	LLVMValueRef v = LLVMBuildLoad2(g->b, et, tmp, "");
	if (!(n->flags & NF_COMMAOK)) return v;
	LLVMTypeRef pair[2] = {et, g->i1};
	LLVMValueRef r = LLVMGetUndef(LLVMStructTypeInContext(g->ctx, pair, 2, 0));
	r = LLVMBuildInsertValue(g->b, r, v, 0, "");
	return LLVMBuildInsertValue(g->b, r, LLVMBuildICmp(g->b, LLVMIntNE, ok, LLVMConstInt(g->i8, 0, 0), ""), 1, "");
}

void gen_close(Gen *g, Node *call) {
	LLVMTypeRef pt[1] = {g->ptr};
	LLVMValueRef args[1] = {gen_expr(g, call->list)};
	gen_call_rt(g, "rt_closechan", g->voidt, pt, args, 1);
}

/* for v := range c: receive until closed */
void gen_chanrange(Gen *g, Node *n, Node *vn) {
	Node *x = n->a->a;
	Type *elem = under(x->type)->elem;
	LLVMTypeRef et = gen_type(g, elem);
	LLVMValueRef c = gen_expr(g, x);
	LLVMValueRef tmp = gen_temp(g, et, "rangerecv");
	LLVMBasicBlockRef cond = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "chanrange.cond");
	LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "chanrange.body");
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "chanrange.end");
	LLVMBuildBr(g->b, cond);
	LLVMPositionBuilderAtEnd(g->b, cond);
	LLVMBuildStore(g->b, LLVMConstNull(et), tmp);
	LLVMTypeRef pt[2] = {g->ptr, g->ptr};
	LLVMValueRef args[2] = {c, tmp};
	LLVMValueRef ok = gen_call_rt(g, "rt_chanrecv", g->i8, pt, args, 2);
	LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntNE, ok, LLVMConstInt(g->i8, 0, 0), ""), body, done);
	LLVMPositionBuilderAtEnd(g->b, body);
	if (vn && !(vn->kind == N_NAME && vn->name->len == 1 && vn->name->s[0] == '_'))
		gen_store_var(g, vn, LLVMBuildLoad2(g->b, et, tmp, ""));
	gen_loop_body(g, n, done, cond);
	LLVMPositionBuilderAtEnd(g->b, done);
}

/* ---- select ------------------------------------------------------------------------ */

void gen_select(Gen *g, Node *n) {
	int nc = 0;
	bool has_default = false;
	for (Node *cc = n->list; cc; cc = cc->next) {
		if (cc->flags & NF_DEFAULT) has_default = true;
		else nc++;
	}
	/* RtSelectCase {c, elem, dir}, order[2n], recvok */
	LLVMTypeRef ct[3] = {g->ptr, g->ptr, g->i64};
	LLVMTypeRef cty = LLVMStructTypeInContext(g->ctx, ct, 3, 0);
	LLVMValueRef cases = gen_temp(g, LLVMArrayType2(cty, (uint64_t)(nc ? nc : 1)), "selcases");
	LLVMValueRef order = gen_temp(g, LLVMArrayType2(LLVMInt16TypeInContext(g->ctx), (uint64_t)(2 * (nc ? nc : 1))), "selorder");
	LLVMValueRef recvok = gen_temp(g, g->i8, "recvok");
	LLVMValueRef *elems = NEWARR(LLVMValueRef, nc + 1);
	int i = 0;
	for (Node *cc = n->list; cc; cc = cc->next) {
		if (cc->flags & NF_DEFAULT) continue;
		Node *s = cc->a;
		LLVMValueRef ch, el;
		int dir;
		if (s->kind == N_SENDSTMT) {
			Type *et = under(s->a->type)->elem;
			ch = gen_expr(g, s->a);
			el = gen_temp(g, gen_type(g, et), "selsend");
			LLVMBuildStore(g->b, gen_expr(g, s->b), el);
			dir = 1;
		} else {
			Node *r = s->kind == N_EXPRSTMT ? s->a : s->list2;
			Type *et = r->type;
			ch = gen_expr(g, r->a);
			el = gen_temp(g, gen_type(g, et), "selrecv");
			LLVMBuildStore(g->b, LLVMConstNull(gen_type(g, et)), el);
			dir = 2;
		}
		elems[i] = el;
		LLVMValueRef idx[2] = {LLVMConstInt(g->i64, 0, 0), LLVMConstInt(g->i64, (unsigned long long)i, 0)};
		LLVMValueRef cp = LLVMBuildGEP2(g->b, LLVMArrayType2(cty, (uint64_t)(nc ? nc : 1)), cases, idx, 2, "");
		LLVMBuildStore(g->b, ch, LLVMBuildStructGEP2(g->b, cty, cp, 0, ""));
		LLVMBuildStore(g->b, el, LLVMBuildStructGEP2(g->b, cty, cp, 1, ""));
		LLVMBuildStore(g->b, LLVMConstInt(g->i64, (unsigned long long)dir, 0), LLVMBuildStructGEP2(g->b, cty, cp, 2, ""));
		i++;
	}
	LLVMTypeRef pt[5] = {g->ptr, g->ptr, g->i32, g->i8, g->ptr};
	LLVMValueRef args[5] = {cases, order, LLVMConstInt(g->i32, (unsigned long long)nc, 0), LLVMConstInt(g->i8, !has_default, 0), recvok};
	LLVMValueRef chosen = gen_call_rt(g, "rt_selectgo", g->i32, pt, args, 5);
	LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "select.end");
	Jump *j = gen_jump(g, n);
	j->brk = done;
	LLVMBasicBlockRef dflt = done;
	for (Node *cc = n->list; cc; cc = cc->next)
		if (cc->flags & NF_DEFAULT) dflt = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "select.default");
	LLVMValueRef sw = LLVMBuildSwitch(g->b, chosen, dflt, (unsigned)nc);
	i = 0;
	for (Node *cc = n->list; cc; cc = cc->next) {
		LLVMBasicBlockRef bb;
		if (cc->flags & NF_DEFAULT) bb = dflt;
		else {
			bb = LLVMAppendBasicBlockInContext(g->ctx, g->fn, "select.case");
			LLVMAddCase(sw, LLVMConstInt(g->i32, (unsigned long long)i, 0), bb);
		}
		LLVMPositionBuilderAtEnd(g->b, bb);
		Node *s = cc->a;
		if (s && s->kind == N_ASSIGN) {
			/* v := <-c, v, ok = <-c */
			Node *r = s->list2;
			LLVMValueRef v = LLVMBuildLoad2(g->b, gen_type(g, r->type), elems[i], "");
			Node *l = s->list, *okn = l ? l->next : NULL;
			if (s->op == T_DEFINE)
				for (Node *x = s->list; x; x = x->next)
					if (x->obj && !gen_objval(g, x->obj)) gen_local(g, x->obj);
			if (l) gen_store_var(g, l, v);
			if (okn)
				gen_store_var(g, okn, LLVMBuildICmp(g->b, LLVMIntNE, LLVMBuildLoad2(g->b, g->i8, recvok, ""), LLVMConstInt(g->i8, 0, 0), ""));
		}
		gen_stmts(g, cc->list2);
		if (!gen_terminated(g)) LLVMBuildBr(g->b, done);
		if (!(cc->flags & NF_DEFAULT)) i++;
	}
	LLVMPositionBuilderAtEnd(g->b, done);
}
