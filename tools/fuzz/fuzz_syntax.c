/* fuzz_syntax.c: libFuzzer target for the front end (lexer, classifier,
 * lemon parser, post-parse checks, AST dump). Every input is one Go source
 * file; the front end must not crash, hang or trip a sanitizer on any of
 * them. Built by tools/CMakeLists.txt with clang -fsanitize=fuzzer,address,
 * undefined from its own copy of the front end's sources, with
 * GOC_VERIFY_WALK: parse.c then runs its value-check walk on every file and
 * aborts if the walk reports something the parser had not noted (it skips
 * the walk on such files in the normal build).
 *
 *   build-fe/tools/fuzz_syntax -detect_leaks=0 -max_len=65536 \
 *       -timeout=10 corpus-dir tools/fuzz/seeds
 *
 * Leak detection must be off: the compiler never frees its arena in the hot
 * path, by design. Each input is otherwise cleaned up (arena, sources,
 * diagnostics, interned strings), so memory stays flat over long runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../compiler/base/base.h"
#include "../../compiler/parse/parse.h"

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	if (!devnull) devnull = fopen("/dev/null", "w");
	diag_limit = 0;
	g_arena = arena_new();
	Source *src = source_from_mem("fuzz.go", (const char *)data, size);
	ParsedFile *pf = parse_file(src);
	if (pf && pf->file && diag_count() == 0 && devnull) ast_dump(pf->file, devnull);
	/* Position every diagnostic, as diag_flush would, without printing. */
	(void)pos_linecol(src->base + src->len);
	if (pf) free(pf->directives.v);
	diag_reset();
	arena_free(g_arena);
	g_arena = NULL;
	source_reset();
	intern_reset();
	return 0;
}
