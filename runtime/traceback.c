/* traceback.c: the stack trace after "goroutine N [running]:", as gc
 * prints it for the goroutine that panics:
 *
 *     main.f(...)
 *             /path/to/file.go:12 +0x1d
 *
 * Frames are found by walking frame pointers (goc and the runtime keep
 * them); only frames in Go code (the go_text section) are printed, as gc
 * hides runtime frames. Names come from the executable's ELF symbol table
 * and lines from its DWARF line table (.debug_line, versions 2 to 4, which
 * goc writes), both read from /proc/self/exe when a trace is printed. gc
 * prints argument words in the parentheses; goc does not know their layout
 * yet and prints "(...)", as gc does for inlined frames. */
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"

extern char __start_go_text[] __attribute__((weak));
extern char __stop_go_text[] __attribute__((weak));

bool rt_stack_contains(uintptr_t a); /* sched.c: in one of the current goroutine's (or M's) stacks */
bool rt_g_stack_contains(void *g, uintptr_t a); /* sched.c: in one of goroutine g's stacks */

typedef struct Image {
	const uint8_t *base;
	size_t size;
	const Elf64_Sym *syms;
	size_t nsyms;
	const char *strtab;
	const uint8_t *line;
	size_t linesize;
} Image;

static bool image_open(Image *im) {
	memset(im, 0, sizeof *im);
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0) return false;
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(Elf64_Ehdr)) {
		close(fd);
		return false;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) return false;
	im->base = p;
	im->size = (size_t)st.st_size;
	const Elf64_Ehdr *eh = p;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) > im->size) return false;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(im->base + eh->e_shoff);
	const char *shstr = (const char *)im->base + sh[eh->e_shstrndx].sh_offset;
	for (int i = 0; i < eh->e_shnum; i++) {
		const char *name = shstr + sh[i].sh_name;
		if (sh[i].sh_offset + sh[i].sh_size > im->size) continue;
		if (sh[i].sh_type == SHT_SYMTAB) {
			im->syms = (const Elf64_Sym *)(im->base + sh[i].sh_offset);
			im->nsyms = sh[i].sh_size / sizeof(Elf64_Sym);
			if (sh[i].sh_link < eh->e_shnum) im->strtab = (const char *)im->base + sh[sh[i].sh_link].sh_offset;
		} else if (!strcmp(name, ".debug_line")) {
			im->line = im->base + sh[i].sh_offset;
			im->linesize = sh[i].sh_size;
		}
	}
	return true;
}

/* The function symbol containing pc, and its entry. */
static const char *func_of(const Image *im, uintptr_t pc, uintptr_t *entry) {
	const Elf64_Sym *best = NULL;
	for (size_t i = 0; i < im->nsyms && im->strtab; i++) {
		const Elf64_Sym *s = &im->syms[i];
		if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || s->st_value > pc) continue;
		if (pc < s->st_value + (s->st_size ? s->st_size : 1) && (!best || s->st_value > best->st_value)) best = s;
	}
	if (!best) return NULL;
	*entry = best->st_value;
	return im->strtab + best->st_name;
}

/* ---- DWARF line programs ----------------------------------------------------- */

static uint64_t uleb(const uint8_t **p, const uint8_t *end) {
	uint64_t v = 0;
	int sh = 0;
	while (*p < end) {
		uint8_t b = *(*p)++;
		if (sh < 64) v |= (uint64_t)(b & 0x7f) << sh;
		sh += 7;
		if (!(b & 0x80)) break;
	}
	return v;
}

static int64_t sleb(const uint8_t **p, const uint8_t *end) {
	int64_t v = 0;
	int sh = 0;
	uint8_t b = 0;
	while (*p < end) {
		b = *(*p)++;
		if (sh < 64) v |= (int64_t)(b & 0x7f) << sh;
		sh += 7;
		if (!(b & 0x80)) break;
	}
	if (sh < 64 && (b & 0x40)) v |= -((int64_t)1 << sh);
	return v;
}

typedef struct LineHit {
	bool found;
	const char *dir, *file;
	uint64_t line;
} LineHit;

/* The row of a line program covering pc: each row holds from its address
 * to the next row's, within a sequence. */
static void unit_lookup(const uint8_t *p, const uint8_t *end, uintptr_t pc, LineHit *hit) {
	uint16_t version;
	memcpy(&version, p, 2);
	p += 2;
	if (version < 2 || version > 4) return;
	uint32_t hlen;
	memcpy(&hlen, p, 4);
	p += 4;
	const uint8_t *prog = p + hlen;
	if (prog > end) return;
	uint8_t min_inst = *p++;
	if (version >= 4) p++; /* maximum_operations_per_instruction */
	uint8_t default_stmt = *p++;
	int8_t line_base = (int8_t)*p++;
	uint8_t line_range = *p++, opcode_base = *p++;
	const uint8_t *oplens = p;
	p += opcode_base - 1;
	const char *dirs[64] = {NULL};
	int ndirs = 1;
	while (p < prog && *p) {
		if (ndirs < 64) dirs[ndirs++] = (const char *)p;
		p += strlen((const char *)p) + 1;
	}
	p++;
	const char *files[256] = {NULL};
	uint64_t filedir[256] = {0};
	int nfiles = 1;
	while (p < prog && *p) {
		const char *name = (const char *)p;
		p += strlen(name) + 1;
		uint64_t d = uleb(&p, prog);
		uleb(&p, prog);
		uleb(&p, prog);
		if (nfiles < 256) {
			files[nfiles] = name;
			filedir[nfiles++] = d;
		}
	}
	if (line_range == 0) return;
	p = prog;
	uint64_t addr = 0, file = 1, line = 1;
	uint64_t paddr = 0, pfile = 0, pline = 0;
	bool have_prev = false;
	(void)default_stmt;
#define ROW()                                                                            \
	do {                                                                                 \
		if (have_prev && paddr <= pc && pc < addr && pfile < 256 && files[pfile]) {      \
			hit->found = true;                                                           \
			hit->file = files[pfile];                                                    \
			hit->dir = filedir[pfile] < 64 ? dirs[filedir[pfile]] : NULL;                \
			hit->line = pline;                                                           \
			return;                                                                      \
		}                                                                                \
		paddr = addr, pfile = file, pline = line, have_prev = true;                      \
	} while (0)
	while (p < end) {
		uint8_t op = *p++;
		if (op >= opcode_base) {
			uint8_t adj = op - opcode_base;
			addr += (uint64_t)(adj / line_range) * min_inst;
			line += (int64_t)line_base + adj % line_range;
			ROW();
			continue;
		}
		switch (op) {
		case 0: { /* extended */
			uint64_t len = uleb(&p, end);
			const uint8_t *next = p + len;
			if (len == 0 || next > end) return;
			uint8_t sub = *p++;
			if (sub == 1) { /* end_sequence */
				ROW();
				addr = 0, file = 1, line = 1;
				have_prev = false;
			} else if (sub == 2 && len == 9) {
				memcpy(&addr, p, 8);
			}
			p = next;
			break;
		}
		case 1: ROW(); break; /* copy */
		case 2: addr += uleb(&p, end) * min_inst; break;
		case 3: line += sleb(&p, end); break;
		case 4: file = uleb(&p, end); break;
		case 5: uleb(&p, end); break; /* column */
		case 6: case 7: case 10: case 11: break;
		case 8: addr += (uint64_t)((255 - opcode_base) / line_range) * min_inst; break;
		case 9: {
			uint16_t d;
			memcpy(&d, p, 2);
			p += 2;
			addr += d;
			break;
		}
		case 12: uleb(&p, end); break;
		default:
			for (int k = 0; k < oplens[op - 1]; k++) uleb(&p, end);
		}
	}
#undef ROW
}

static LineHit line_of(const Image *im, uintptr_t pc) {
	LineHit hit = {0};
	const uint8_t *p = im->line, *end = im->line + im->linesize;
	while (p && p + 4 <= end && !hit.found) {
		uint32_t len;
		memcpy(&len, p, 4);
		if (len >= 0xfffffff0u) break; /* 64-bit DWARF: not written by goc */
		const uint8_t *next = p + 4 + len;
		if (next > end) break;
		unit_lookup(p + 4, next, pc, &hit);
		p = next;
	}
	return hit;
}

/* ---- the walk ------------------------------------------------------------------ */

static bool in_go_text(uintptr_t pc) {
	return __start_go_text && pc >= (uintptr_t)__start_go_text && pc < (uintptr_t)__stop_go_text;
}

static void print_frame(const Image *im, bool have, uintptr_t pc, uintptr_t lookup) {
	char buf[1024];
	uintptr_t entry = 0;
	const char *name = have ? func_of(im, lookup, &entry) : NULL;
	LineHit h = have ? line_of(im, lookup) : (LineHit){0};
	if (name && !strcmp(name, "main..inittask")) name = "main.init";
	int n;
	if (h.found)
		n = snprintf(buf, sizeof buf, "%s(...)\n\t%s%s%s:%llu +0x%lx\n", name ? name : "?", h.dir && h.file[0] != '/' ? h.dir : "",
		             h.dir && h.file[0] != '/' ? "/" : "", h.file, (unsigned long long)h.line, (unsigned long)(pc - entry));
	else
		n = snprintf(buf, sizeof buf, "%s(...)\n\t?:0 pc=0x%lx\n", name ? name : "?", (unsigned long)pc);
	rt_write_stderr(buf, n < (int)sizeof buf ? n : (int)sizeof buf - 1);
}

/* The Go frames from pc (the interrupted instruction; 0: none) and the
 * frame pointer fp up; gc stops at 100 frames. */
static bool current_contains(void *g, uintptr_t a) { return g ? rt_g_stack_contains(g, a) : rt_stack_contains(a); }

static void walk(uintptr_t pc, uintptr_t fp, void *g, uintptr_t faultpc) {
	Image im;
	bool have = image_open(&im);
	int shown = 0;
	if (pc && in_go_text(pc)) {
		print_frame(&im, have, pc, pc);
		shown++;
	}
	for (int depth = 0; depth < 1000 && fp && !(fp & 7) && current_contains(g, fp) && current_contains(g, fp + 8); depth++) {
		uintptr_t next = ((uintptr_t *)fp)[0], ret = ((uintptr_t *)fp)[1];
		fp = next;
		if (!in_go_text(ret)) continue;
		uintptr_t entry;
		const char *name = have ? func_of(&im, ret - 1, &entry) : NULL;
		const char *wrap = name ? strstr(name, ".gowrap") : NULL;
		if (name && strstr(name, ".deferwrap")) continue; /* generated: gc shows none */
		if (wrap) {
			/* a goroutine's entry thunk, at its go statement: gc's last line */
			char buf[512];
			LineHit h = line_of(&im, ret - 1);
			bool dir = h.found && h.dir && h.file[0] != '/';
			int n = snprintf(buf, sizeof buf, "created by %.*s\n\t%s%s%s:%llu +0x%lx\n", (int)(wrap - name), name, dir ? h.dir : "",
			                 dir ? "/" : "", h.found ? h.file : "?", (unsigned long long)h.line, (unsigned long)(ret - entry));
			rt_write_stderr(buf, n < (int)sizeof buf ? n : (int)sizeof buf - 1);
			break;
		}
		if (shown++ == 100) {
			rt_write_stderr("...additional frames elided...\n", 31);
			break;
		}
		/* a return address: the call is the instruction before it; but the
		 * one the fault handler pushed is the faulting instruction itself */
		print_frame(&im, have, ret, ret == faultpc ? ret : ret - 1);
	}
	if (have) munmap((void *)im.base, im.size);
}

void rt_traceback_here(uintptr_t faultpc) { walk(0, (uintptr_t)__builtin_frame_address(0), NULL, faultpc); }
void rt_traceback_from(uintptr_t pc, uintptr_t fp) { walk(pc, fp, NULL, 0); }
void rt_traceback_parked(void *g, uintptr_t fp) { walk(0, fp, g, 0); }

/* ---- runtime.Callers, runtime.Caller, runtime.FuncForPC -----------------------
 * For the runtime package's Go side (stdlib/runtime/symtab.go). The image
 * is mapped once and kept: the names and file names handed to Go point
 * into it (memory outside the Go heap, never written, never unmapped). */

static Image shared_image;
static bool shared_ok;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;
static void shared_open(void) { shared_ok = image_open(&shared_image); }

#define GOSYM(name) __asm__(name)

/* The return addresses of the calling goroutine's Go frames, innermost
 * first, from the skip-th; the frames of runtime.Callers and
 * runtime.Caller themselves come first when they were not inlined. */
intptr_t go_runtime_callers(intptr_t skip, uintptr_t *pcs, intptr_t n) GOSYM("runtime.callers");
intptr_t go_runtime_callers(intptr_t skip, uintptr_t *pcs, intptr_t n) {
	intptr_t k = 0;
	uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
	for (int depth = 0; depth < 100000 && k < n && fp && !(fp & 7) && rt_stack_contains(fp) && rt_stack_contains(fp + 8);
	     depth++) {
		uintptr_t next = ((uintptr_t *)fp)[0], ret = ((uintptr_t *)fp)[1];
		fp = next;
		if (!in_go_text(ret)) continue;
		if (skip > 0) {
			skip--;
			continue;
		}
		pcs[k++] = ret;
	}
	return k;
}

/* pc's function and line: info = {name, len, dir, len, file, len, line,
 * entry} (the strings point into the mapped executable). */
bool go_runtime_symbolize(uintptr_t pc, uintptr_t *info) GOSYM("runtime.symbolize");
bool go_runtime_symbolize(uintptr_t pc, uintptr_t *info) {
	pthread_once(&shared_once, shared_open);
	if (!shared_ok) return false;
	uintptr_t entry = 0;
	const char *name = func_of(&shared_image, pc, &entry);
	if (!name) return false;
	if (!strcmp(name, "main..inittask")) name = "main.init";
	LineHit h = line_of(&shared_image, pc);
	bool dir = h.found && h.dir && h.file[0] != '/';
	info[0] = (uintptr_t)name;
	info[1] = strlen(name);
	info[2] = dir ? (uintptr_t)h.dir : 0;
	info[3] = dir ? strlen(h.dir) : 0;
	info[4] = h.found ? (uintptr_t)h.file : 0;
	info[5] = h.found ? strlen(h.file) : 0;
	info[6] = h.found ? (uintptr_t)h.line : 0;
	info[7] = entry;
	return true;
}

intptr_t go_runtime_goid(void) GOSYM("runtime.goid");
intptr_t go_runtime_goid(void) { return (intptr_t)(rt_goid() ? rt_goid() : 1); }
