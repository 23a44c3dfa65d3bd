/* debug.c: DWARF, so that gdb, perf and addr2line show Go function names
 * and source lines for goc binaries.
 *
 * Every package is one compile unit; every function with a body (methods,
 * function literals) is a subprogram named by its symbol (main.f,
 * main.(*T).M, main.main.func1), as gc names them; each statement, and each
 * call within one, sets the builder's location (line and byte column, gc's
 * columns). Subprograms and line tables only: no variable or type
 * descriptions yet, so a debugger shows where, not what. Generated code that has no Go source of
 * its own (interface wrappers, go/defer thunks, package initialization)
 * has no subprogram and no locations: the verifier forbids a location that
 * points into another function's subprogram, so gen_debug_begin clears
 * the builder whenever the function being generated changes. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/DebugInfo.h>

#include "gen_int.h"

typedef struct DebugFile {
	const Source *src;
	LLVMMetadataRef file;
} DebugFile;

struct GenDebug {
	LLVMDIBuilderRef dib;
	LLVMMetadataRef cu, fnty;
	VEC(DebugFile) files;
};

static LLVMMetadataRef file_of(GenDebug *d, const Source *src) {
	for (int i = 0; i < d->files.n; i++)
		if (d->files.v[i].src == src) return d->files.v[i].file;
	/* gc records absolute paths: so do we, whole, so that the line table
	 * names each file without the compile unit's directory (the runtime's
	 * traceback reads only the line table) */
	char buf[PATH_MAX];
	const char *path = realpath(src->name, buf) ? buf : src->name;
	LLVMMetadataRef f = LLVMDIBuilderCreateFile(d->dib, path, strlen(path), "", 0);
	DebugFile df = {src, f};
	vec_push(&d->files, df);
	return f;
}

void gen_debug_init(Gen *g, Package *pkg, bool optimized) {
	GenDebug *d = NEW(GenDebug);
	g->debug = d;
	d->dib = LLVMCreateDIBuilder(g->mod);
	const Source *src = NULL;
	for (int i = 0; i < pkg->funcs.n && !src; i++)
		if (pkg->funcs.v[i]->decl) src = pos_linecol(pkg->funcs.v[i]->decl->pos).src;
	LLVMMetadataRef file = src ? file_of(d, src) : LLVMDIBuilderCreateFile(d->dib, pkg->path, strlen(pkg->path), "", 0);
	const char *producer = "goc";
	d->cu = LLVMDIBuilderCreateCompileUnit(d->dib, LLVMDWARFSourceLanguageGo, file, producer, strlen(producer), optimized, "", 0, 0, "",
	                                       0, LLVMDWARFEmissionFull, 0, 0, 0, "", 0, "", 0);
	d->fnty = LLVMDIBuilderCreateSubroutineType(d->dib, file, NULL, 0, LLVMDIFlagZero);
	LLVMAddModuleFlag(g->mod, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
	                  LLVMValueAsMetadata(LLVMConstInt(g->i32, LLVMDebugMetadataVersion(), 0)));
	LLVMAddModuleFlag(g->mod, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13, LLVMValueAsMetadata(LLVMConstInt(g->i32, 4, 0)));
}

/* Function fn's code starts being generated (its source at pos; NOPOS: it
 * has none). Returns the previous subprogram, for gen_debug_end. */
LLVMMetadataRef gen_debug_begin(Gen *g, LLVMValueRef fn, Pos pos) {
	LLVMMetadataRef prev = g->disp;
	g->disp = NULL;
	LLVMSetCurrentDebugLocation2(g->b, NULL);
	GenDebug *d = g->debug;
	if (!d || pos == NOPOS) return prev;
	LineCol lc = pos_linecol(pos);
	if (!lc.src) return prev;
	size_t n;
	const char *name = LLVMGetValueName2(fn, &n);
	LLVMMetadataRef file = file_of(d, lc.src);
	g->disp = LLVMDIBuilderCreateFunction(d->dib, file, name, n, "", 0, file, (unsigned)lc.line, d->fnty, 0, 1,
	                                      (unsigned)lc.line, LLVMDIFlagPrototyped, 0);
	LLVMSetSubprogram(fn, g->disp);
	gen_debug_loc(g, pos);
	return prev;
}

/* Back to the function whose subprogram was prev (its builder keeps its
 * own location). */
void gen_debug_end(Gen *g, LLVMMetadataRef prev) { g->disp = prev; }

void gen_debug_loc(Gen *g, Pos pos) {
	if (!g->disp || pos == NOPOS) return;
	LineCol lc = pos_linecol(pos);
	LLVMSetCurrentDebugLocation2(g->b, LLVMDIBuilderCreateDebugLocation(g->ctx, (unsigned)lc.line, (unsigned)lc.col, g->disp, NULL));
}

void gen_debug_finish(Gen *g) {
	if (!g->debug) return;
	LLVMDIBuilderFinalize(g->debug->dib);
	LLVMDisposeDIBuilder(g->debug->dib);
	g->debug = NULL;
}
