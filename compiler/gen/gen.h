/* gen.h: the code generator's face. gen_package lowers a checked package
 * to LLVM IR through the LLVM-C API, optimizes it at the requested level
 * and writes one object file. Symbols are Go's: "main.main", "main.fib".
 * The runtime ABI it targets is runtime/runtime.h and runtime/type.h. */
#ifndef GOC_GEN_H
#define GOC_GEN_H

#include "../types/types.h"

enum { OPT_NONE, OPT_DEFAULT, OPT_O2 }; /* -gcflags=-N, default, -O2 */

typedef struct GenOptions {
	int opt;
	bool emit_llvm; /* write textual IR next to the object (debugging) */
} GenOptions;

/* Returns false (after printing why) if the object could not be written. */
bool gen_package(Package *pkg, const char *obj_path, const GenOptions *opts);

#endif
