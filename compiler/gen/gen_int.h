/* gen_int.h: what the code generator's files share (private to gen/). */
#ifndef GOC_GEN_INT_H
#define GOC_GEN_INT_H

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

typedef struct GenDebug GenDebug;

typedef struct Gen {
	LLVMContextRef ctx;
	LLVMModuleRef mod;
	LLVMTargetDataRef td; /* sizes of LLVM types */
	int explicit_nilchecks; /* under &x: nil checks may not rely on a fault */
	LLVMBuilderRef b;
	LLVMTypeRef i1, i8, i32, i64, f64, ptr, str, voidt;
	LLVMTypeRef slice, iface, typedesc;
	Package *pkg;      /* the package being generated */
	LLVMValueRef fn;        /* current function */
	Type *sig;              /* its Go signature */
	Node *results;          /* its result fields (named results have objects) */
	LLVMBasicBlockRef entry;
	VEC(Jump) jumps;
	int nfunclit;           /* function literals so far directly in the current function */
	int nwrap;              /* go/defer thunks so far in it */
	bool in_funclit;        /* the current function is a function literal */
	LLVMValueRef dframe;    /* the current function's DeferFrame, or NULL */
	GenDebug *debug;        /* DWARF (debug.c) */
	LLVMMetadataRef disp;   /* the current function's subprogram, or NULL */
	bool optimize;          /* -O2 */
	/* bce.c: in the checked copy of a counted loop, its index variable and
	 * the slices it indexes without bounds checks */
	struct { Object *iv; Object *slices[4]; int nslices; } bce;
} Gen;

/* debug.c: DWARF line tables and function names */
void gen_debug_init(Gen *g, Package *pkg, bool optimized);
LLVMMetadataRef gen_debug_begin(Gen *g, LLVMValueRef fn, Pos pos);
void gen_debug_end(Gen *g, LLVMMetadataRef prev);
void gen_debug_loc(Gen *g, Pos pos);
void gen_debug_finish(Gen *g);


/* bce.c: bounds checks removed from counted loops at -O2 */
bool gen_counted_loop(Gen *g, Node *n);
void gen_for_loop(Gen *g, Node *n); /* stmt.c */
bool gen_index_in_bounds(Gen *g, Node *x, Node *index);

/* util.c: runtime calls, constants, blocks, locals */
Jump *gen_jump(Gen *g, Node *stmt);
void gen_loop_body(Gen *g, Node *loop, LLVMBasicBlockRef brk, LLVMBasicBlockRef cont);
LLVMValueRef gen_rtfn(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *params, unsigned n, LLVMTypeRef *ft);
LLVMValueRef gen_call_rt(Gen *g, const char *name, LLVMTypeRef ret, LLVMTypeRef *pt, LLVMValueRef *args, unsigned n);
LLVMValueRef gen_string(Gen *g, const char *s, int64_t len);
LLVMValueRef gen_local(Gen *g, Object *o);
LLVMValueRef gen_temp(Gen *g, LLVMTypeRef t, const char *name);
void gen_init_var(Gen *g, Object *o, LLVMValueRef v);
LLVMValueRef gen_var_addr(Gen *g, Object *o);
bool gen_terminated(Gen *g);
void gen_ensure_block(Gen *g);

/* types.c: Go types as LLVM types, and type descriptors */
LLVMTypeRef gen_type(Gen *g, Type *t);
LLVMTypeRef gen_sig(Gen *g, Type *fn, Type *recv);
const char *gen_type_name(Gen *g, Type *t);
LLVMValueRef gen_typedesc(Gen *g, Type *t);
LLVMTypeRef gen_typedesc_type(Gen *g);
LLVMValueRef gen_gcbits(Gen *g, Type *t);
int64_t gen_ptrdata(Type *t);
bool gen_signed(Type *t);
bool gen_float(Type *t);

/* expr.c: expressions */
LLVMValueRef gen_expr(Gen *g, Node *n);
void gen_print_typed(Gen *g, LLVMValueRef v, Type *t);
LLVMValueRef gen_binary(Gen *g, Node *n);
unsigned gen_call_args(Gen *g, Node *n, Type *ft, LLVMValueRef *args, unsigned i);
LLVMValueRef gen_arith(Gen *g, int op, LLVMValueRef x, LLVMValueRef y, Type *t, Node *ynode);
LLVMValueRef gen_string_op(Gen *g, int op, LLVMValueRef x, LLVMValueRef y);

/* memory.c: addresses, fields, elements, slices, literals, allocation */
LLVMValueRef gen_new(Gen *g, Type *t);
LLVMValueRef gen_addr(Gen *g, Node *n);
LLVMValueRef gen_selector_base_addr(Gen *g, Node *sel);
LLVMValueRef gen_embedded_recv(Gen *g, LLVMValueRef v, Type *t, const int *path, int n, Type *recv);
void gen_complit_into(Gen *g, Node *n, LLVMValueRef p, bool heap);
LLVMValueRef gen_complit(Gen *g, Node *n);
LLVMValueRef gen_variadic_slice(Gen *g, Node *first, Type *slicet);
LLVMValueRef gen_slice(Gen *g, Node *n);
LLVMValueRef gen_len_cap(Gen *g, Node *n, bool cap);
LLVMValueRef gen_make(Gen *g, Node *n);
LLVMValueRef gen_append(Gen *g, Node *n);
LLVMValueRef gen_copy(Gen *g, Node *n);
LLVMValueRef gen_to_i64(Gen *g, Type *t, LLVMValueRef v);
void gen_bounds_check(Gen *g, LLVMValueRef i, LLVMValueRef len);
void gen_nilcheck(Gen *g, LLVMValueRef p, Type *t);

/* iface.c: interfaces */
LLVMValueRef gen_itab(Gen *g, Type *t, Type *it);
LLVMValueRef gen_iface_method(Gen *g, Type *t, const Selection *s);
LLVMValueRef gen_convert(Gen *g, Node *n);
void gen_lower_big_copies(LLVMModuleRef mod, LLVMTargetDataRef td);
void gen_lower_abi(LLVMModuleRef mod, LLVMTargetDataRef td); /* abi.c */
bool gen_store_big(Gen *g, LLVMValueRef addr, LLVMValueRef v, Type *t, bool offstack);
LLVMValueRef gen_convert_value(Gen *g, LLVMValueRef v, Type *from, Type *to);
LLVMValueRef gen_assert(Gen *g, Node *n);
void gen_type_switch(Gen *g, Node *n);
LLVMValueRef gen_iface_call(Gen *g, Node *n);
LLVMValueRef gen_iface_eq(Gen *g, Node *x, Node *y);
LLVMValueRef gen_iface_eq_values(Gen *g, LLVMValueRef a, Type *xt, LLVMValueRef b, Type *yt);

/* complex.c: complex64 and complex128 */
bool gen_complex(Type *t);
LLVMValueRef gen_make_complex(Gen *g, LLVMTypeRef t, LLVMValueRef re, LLVMValueRef im);
LLVMValueRef gen_complex_const(Gen *g, LLVMTypeRef t, const Const *k);
LLVMValueRef gen_complex_convert(Gen *g, LLVMValueRef z, LLVMTypeRef to);
LLVMValueRef gen_complex_neg(Gen *g, LLVMValueRef z);
LLVMValueRef gen_complex_arith(Gen *g, int op, LLVMValueRef x, LLVMValueRef y);

/* maps.c: maps through runtime/map.c */
LLVMValueRef gen_makemap(Gen *g, Type *t, Node *hint);
LLVMValueRef gen_mapindex(Gen *g, Node *n);
LLVMValueRef gen_mapassign_addr(Gen *g, Node *n);
void gen_mapdelete(Gen *g, Node *call);
LLVMValueRef gen_maplit(Gen *g, Node *n);
void gen_maprange(Gen *g, Node *n, Node *kn, Node *vn);

/* closure.c: function values and literals */
LLVMValueRef gen_func_value(Gen *g, Object *f);
LLVMValueRef gen_method_value(Gen *g, Node *sel);      /* closure.c: x.M as a func value */
LLVMValueRef gen_method_expr_value(Gen *g, Node *sel); /* closure.c: T.M as a func value */
LLVMValueRef gen_method_recv(Gen *g, Node *sel);       /* expr.c: the receiver x.M is called with */
LLVMValueRef gen_objval(Gen *g, Object *o); /* gen.c: an object's value, declared here if imported */
LLVMValueRef gen_call_value(Gen *g, Node *n, LLVMValueRef fv, Type *sig);
LLVMValueRef gen_funclit(Gen *g, Node *n);
LLVMValueRef gen_funclit_ex(Gen *g, Node *n, Type **extra, int nextra, Type **ct_out, LLVMValueRef *code_out);

/* chan.c: go statements, channels, select */
bool gen_call_thunk(Gen *g, Node *stmt, LLVMValueRef *thunk, LLVMValueRef *blk);
void gen_go(Gen *g, Node *stmt);
void gen_defer(Gen *g, Node *stmt);
void gen_defer_prologue(Gen *g, Node *body, Node *results);
bool gen_has_defer(Node *body);
void gen_defer_epilogue(Gen *g);
LLVMValueRef gen_makechan(Gen *g, Type *t, Node *size);
void gen_send(Gen *g, Node *n);
LLVMValueRef gen_recv(Gen *g, Node *n);
void gen_close(Gen *g, Node *call);
void gen_chanrange(Gen *g, Node *n, Node *vn);
void gen_select(Gen *g, Node *n);

/* stmt.c: statements and stores */
void gen_stmt(Gen *g, Node *n);
void gen_stmts(Gen *g, Node *l);
void gen_store(Gen *g, LLVMValueRef addr, LLVMValueRef v, Type *t, bool offstack);
void gen_store_var(Gen *g, Node *lhs, LLVMValueRef v);
LLVMValueRef gen_multi_value(Gen *g, LLVMValueRef agg, Node *rhs, unsigned i, Type *to);
void gen_store_vars(Gen *g, Node **lhs, LLVMValueRef *vals, int n);
void gen_barrier_store(Gen *g, LLVMValueRef slot, LLVMValueRef ptr);

/* gen.c */
void gen_function_attrs(Gen *g, LLVMValueRef f);
bool gen_is_generic(Object *o);
LLVMValueRef gen_frameaddress(Gen *g, unsigned level);

#endif
