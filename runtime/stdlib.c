/* stdlib.c: what goc's Go packages (stdlib/) declare without a body. Each
 * function here is defined under its Go symbol ("runtime.GC", "os.sysWrite")
 * with the code generator's calling convention: int is intptr_t, a string
 * arrives as two words (pointer, length) and returns as a GoString, a slice
 * as three words; bool is passed as int (LLVM's i1 carries no extension
 * guarantee that C's _Bool would rely on). Like every runtime entry called
 * from Go, each uses little goroutine stack (docs/scheduler.md).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"

#define GOSYM(name) __asm__(name)

extern int rt_argc;
extern char **rt_argv;
extern char **environ;

static GoString cstring(const char *s) { return (GoString){(const uint8_t *)s, (intptr_t)strlen(s)}; }

/* A NUL-terminated copy of a Go string, in the heap (paths may be long). */
static char *cpath(const uint8_t *p, intptr_t n) {
	char *s = rt_mallocgc((uintptr_t)n + 1, NULL, 0);
	memcpy(s, p, (size_t)n);
	s[n] = 0;
	return s;
}

/* ---- package runtime ------------------------------------------------------ */

void go_runtime_GC(void) GOSYM("runtime.GC");
void go_runtime_GC(void) { rt_gc(); }

/* runtime.Breakpoint: a breakpoint trap, as gc's INT3 */
void go_runtime_Breakpoint(void) GOSYM("runtime.Breakpoint");
void go_runtime_Breakpoint(void) { __builtin_debugtrap(); }

void go_runtime_Gosched(void) GOSYM("runtime.Gosched");
void go_runtime_Gosched(void) { rt_gosched(); }

void go_runtime_Goexit(void) GOSYM("runtime.Goexit");
void go_runtime_Goexit(void) { rt_goexit(); }

intptr_t go_runtime_NumGoroutine(void) GOSYM("runtime.NumGoroutine");
intptr_t go_runtime_NumGoroutine(void) { return rt_numgoroutine(); }

intptr_t go_runtime_GOMAXPROCS(intptr_t n) GOSYM("runtime.GOMAXPROCS");
intptr_t go_runtime_GOMAXPROCS(intptr_t n) { return rt_gomaxprocs(n > 1 << 20 ? 1 << 20 : (int)n); }

intptr_t go_runtime_NumCPU(void) GOSYM("runtime.NumCPU");
intptr_t go_runtime_NumCPU(void) { return rt_ncpu(); }

/* runtime.MemStats has RtMemStats's layout */
void go_runtime_ReadMemStats(RtMemStats *m) GOSYM("runtime.ReadMemStats");
void go_runtime_ReadMemStats(RtMemStats *m) { rt_readmemstats(m); }

intptr_t go_runtime_setGCPercent(intptr_t p) GOSYM("runtime/debug.setGCPercent");
intptr_t go_runtime_setGCPercent(intptr_t p) { return rt_gc_setpercent((int)p); }

int64_t go_runtime_setMemoryLimit(int64_t l) GOSYM("runtime/debug.setMemoryLimit");
int64_t go_runtime_setMemoryLimit(int64_t l) { return rt_gc_setmemlimit(l); }

/* ---- package os ----------------------------------------------------------- */

intptr_t go_os_argc(void) GOSYM("os.argc");
intptr_t go_os_argc(void) { return rt_argc; }

GoString go_os_argv(intptr_t i) GOSYM("os.argv");
GoString go_os_argv(intptr_t i) { return i >= 0 && i < rt_argc ? cstring(rt_argv[i]) : (GoString){0}; }

intptr_t go_os_envc(void) GOSYM("os.envc");
intptr_t go_os_envc(void) {
	intptr_t n = 0;
	while (environ && environ[n]) n++;
	return n;
}

GoString go_os_envv(intptr_t i) GOSYM("os.envv");
GoString go_os_envv(intptr_t i) { return cstring(environ[i]); }

/* System calls return the result, or -errno. Reads and writes may block:
 * the P is handed off meanwhile. */
intptr_t go_os_sysWrite(intptr_t fd, const void *p, intptr_t n) GOSYM("os.sysWrite");
intptr_t go_os_sysWrite(intptr_t fd, const void *p, intptr_t n) {
	rt_entersyscall();
	ssize_t r = write((int)fd, p, (size_t)n);
	int e = errno;
	rt_exitsyscall();
	return r < 0 ? -e : r;
}

intptr_t go_os_sysRead(intptr_t fd, void *p, intptr_t n) GOSYM("os.sysRead");
intptr_t go_os_sysRead(intptr_t fd, void *p, intptr_t n) {
	rt_entersyscall();
	ssize_t r = read((int)fd, p, (size_t)n);
	int e = errno;
	rt_exitsyscall();
	return r < 0 ? -e : r;
}

intptr_t go_os_sysOpen(const uint8_t *path, intptr_t len, intptr_t flag, intptr_t perm) GOSYM("os.sysOpen");
intptr_t go_os_sysOpen(const uint8_t *path, intptr_t len, intptr_t flag, intptr_t perm) {
	char *s = cpath(path, len);
	rt_entersyscall();
	int r = open(s, (int)flag | O_CLOEXEC, (mode_t)perm);
	int e = errno;
	rt_exitsyscall();
	return r < 0 ? -e : r;
}

intptr_t go_os_sysClose(intptr_t fd) GOSYM("os.sysClose");
intptr_t go_os_sysClose(intptr_t fd) { return close((int)fd) < 0 ? -errno : 0; }

intptr_t go_os_sysUnlink(const uint8_t *path, intptr_t len) GOSYM("os.sysUnlink");
intptr_t go_os_sysUnlink(const uint8_t *path, intptr_t len) { return unlink(cpath(path, len)) < 0 ? -errno : 0; }

intptr_t go_os_getpid(void) GOSYM("os.getpid");
intptr_t go_os_getpid(void) { return getpid(); }

void go_os_exit(intptr_t code) GOSYM("os.exit");
void go_os_exit(intptr_t code) { _exit((int)code); }

/* syscall.Errno's text, as Go's table words it (lower case) */
GoString go_os_errstr(intptr_t e) GOSYM("os.errstr");
GoString go_os_errstr(intptr_t e) {
	const char *m = strerrordesc_np((int)e);
	if (!m) return cstring("unknown error");
	intptr_t n = (intptr_t)strlen(m);
	uint8_t *s = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(s, m, (size_t)n);
	if (n > 0 && s[0] >= 'A' && s[0] <= 'Z' && !(n > 1 && s[1] >= 'A' && s[1] <= 'Z')) s[0] = (uint8_t)(s[0] - 'A' + 'a');
	return (GoString){s, n};
}

/* ---- package time --------------------------------------------------------- */

int64_t go_time_nanotime(void) GOSYM("time.nanotime");
int64_t go_time_nanotime(void) { return rt_nanotime(); }

int64_t go_time_walltime(void) GOSYM("time.walltime");
int64_t go_time_walltime(void) {
	int64_t sec;
	int32_t nsec;
	rt_walltime(&sec, &nsec);
	return sec * 1000000000 + nsec;
}

void go_time_Sleep(int64_t ns) GOSYM("time.Sleep");
void go_time_Sleep(int64_t ns) { rt_sleep(ns); }

/* ---- package sync ---------------------------------------------------------- */

void go_sync_semacquire(uint32_t *a) GOSYM("sync.semacquire");
void go_sync_semacquire(uint32_t *a) { rt_semacquire(a); }

void go_sync_semrelease(uint32_t *a) GOSYM("sync.semrelease");
void go_sync_semrelease(uint32_t *a) { rt_semrelease(a); }

uint32_t go_sync_notifyAdd(RtNotifyList *l) GOSYM("sync.notifyAdd");
uint32_t go_sync_notifyAdd(RtNotifyList *l) { return rt_notifylist_add(l); }

void go_sync_notifyWait(RtNotifyList *l, uint32_t t) GOSYM("sync.notifyWait");
void go_sync_notifyWait(RtNotifyList *l, uint32_t t) { rt_notifylist_wait(l, t); }

void go_sync_notifyOne(RtNotifyList *l) GOSYM("sync.notifyOne");
void go_sync_notifyOne(RtNotifyList *l) { rt_notifylist_notifyone(l); }

void go_sync_notifyAll(RtNotifyList *l) GOSYM("sync.notifyAll");
void go_sync_notifyAll(RtNotifyList *l) { rt_notifylist_notifyall(l); }

/* ---- package sync/atomic: sequentially consistent, as Go's ------------------ */

#define ATOMICS(T, Name)                                                                                   \
	T go_atomic_Add##Name(T *p, T d) GOSYM("sync/atomic.Add" #Name);                                       \
	T go_atomic_Add##Name(T *p, T d) { return __atomic_add_fetch(p, d, __ATOMIC_SEQ_CST); }                \
	T go_atomic_Load##Name(T *p) GOSYM("sync/atomic.Load" #Name);                                           \
	T go_atomic_Load##Name(T *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }                          \
	void go_atomic_Store##Name(T *p, T v) GOSYM("sync/atomic.Store" #Name);                                 \
	void go_atomic_Store##Name(T *p, T v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }                    \
	T go_atomic_Swap##Name(T *p, T v) GOSYM("sync/atomic.Swap" #Name);                                      \
	T go_atomic_Swap##Name(T *p, T v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }              \
	uint8_t go_atomic_CompareAndSwap##Name(T *p, T old, T new) GOSYM("sync/atomic.CompareAndSwap" #Name);  \
	uint8_t go_atomic_CompareAndSwap##Name(T *p, T old, T new) {                                           \
		return __atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);            \
	}

ATOMICS(int32_t, Int32)
ATOMICS(int64_t, Int64)
ATOMICS(uint32_t, Uint32)
ATOMICS(uint64_t, Uint64)
ATOMICS(uintptr_t, Uintptr)

/* Pointers: the write barrier shades the old and the new value first. */
void *go_atomic_LoadPointer(void **p) GOSYM("sync/atomic.LoadPointer");
void *go_atomic_LoadPointer(void **p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }

void go_atomic_StorePointer(void **p, void *v) GOSYM("sync/atomic.StorePointer");
void go_atomic_StorePointer(void **p, void *v) {
	if (rt_wbenabled) rt_wbshade(*p, v);
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

void *go_atomic_SwapPointer(void **p, void *v) GOSYM("sync/atomic.SwapPointer");
void *go_atomic_SwapPointer(void **p, void *v) {
	if (rt_wbenabled) rt_wbshade(*p, v);
	return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

uint8_t go_atomic_CompareAndSwapPointer(void **p, void *old, void *new) GOSYM("sync/atomic.CompareAndSwapPointer");
uint8_t go_atomic_CompareAndSwapPointer(void **p, void *old, void *new) {
	if (rt_wbenabled) rt_wbshade(*p, new);
	return __atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* sync's fatal errors ("sync: unlock of unlocked mutex") */
void go_sync_throw(const uint8_t *p, intptr_t n) GOSYM("sync.throw");
void go_sync_throw(const uint8_t *p, intptr_t n) { rt_throw(cpath(p, n)); }

/* ---- package reflect ------------------------------------------------------ */

void *go_reflect_unsafe_New(const GoType *t) GOSYM("reflect.unsafe_New");
void *go_reflect_unsafe_New(const GoType *t) { return rt_mallocgc(t->size, t, 1); }

void go_reflect_typedmemmove(const GoType *t, void *dst, const void *src) GOSYM("reflect.typedmemmove");
void go_reflect_typedmemmove(const GoType *t, void *dst, const void *src) { rt_typedmemmove(t, dst, src); }

intptr_t go_reflect_maplen(void *m) GOSYM("reflect.maplen");
intptr_t go_reflect_maplen(void *m) { return rt_maplen(m); }

void *go_reflect_mapaccess(const GoMapType *t, void *m, const void *key) GOSYM("reflect.mapaccess");
void *go_reflect_mapaccess(const GoMapType *t, void *m, const void *key) {
	bool ok;
	void *p = rt_mapaccess2(t, m, key, &ok);
	return ok ? p : NULL;
}

void go_reflect_mapiterinit(const GoMapType *t, void *m, RtMapIter *it) GOSYM("reflect.mapiterinit");
void go_reflect_mapiterinit(const GoMapType *t, void *m, RtMapIter *it) { rt_mapiterinit(t, m, it); }

void go_reflect_mapiternext(RtMapIter *it) GOSYM("reflect.mapiternext");
void go_reflect_mapiternext(RtMapIter *it) { rt_mapiternext(it); }

intptr_t go_reflect_chanlen(void *c) GOSYM("reflect.chanlen");
intptr_t go_reflect_chanlen(void *c) { return rt_chanlen(c); }

intptr_t go_reflect_chancap(void *c) GOSYM("reflect.chancap");
intptr_t go_reflect_chancap(void *c) { return rt_chancap(c); }

void *go_reflect_getitab(const GoType *inter, const GoType *t) GOSYM("reflect.getitab");
void *go_reflect_getitab(const GoType *inter, const GoType *t) { return rt_getitab(inter, t); }

/* os.Getwd: $PWD when it names the current directory (as gc's Getwd
 * prefers it, keeping symbolic links), else getcwd(3). Returns the path,
 * or "" with *err set to an errno. */
#include <stdlib.h>
#include <sys/stat.h>
GoString go_os_getwd(intptr_t *err) GOSYM("os.getwd");
GoString go_os_getwd(intptr_t *err) {
	struct stat dot, pwd;
	*err = 0;
	if (stat(".", &dot) < 0) {
		*err = errno;
		return (GoString){0};
	}
	const char *env = getenv("PWD");
	if (env && env[0] == '/' && stat(env, &pwd) == 0 && pwd.st_dev == dot.st_dev && pwd.st_ino == dot.st_ino) {
		intptr_t n = (intptr_t)strlen(env);
		char *s = rt_mallocgc((uintptr_t)n, NULL, 0);
		memcpy(s, env, (size_t)n);
		return (GoString){(const uint8_t *)s, n};
	}
	char buf[4096];
	if (!getcwd(buf, sizeof buf)) {
		*err = errno;
		return (GoString){0};
	}
	intptr_t n = (intptr_t)strlen(buf);
	char *s = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(s, buf, (size_t)n);
	return (GoString){(const uint8_t *)s, n};
}

/* ---- package math ---------------------------------------------------------- */

/* Whether gc's math would use its FMA paths: the CPU has AVX and FMA
 * (internal/cpu's HasAVX && HasFMA; both include the OS's support for the
 * AVX state). */
uint8_t go_math_cpuHasFMA(void) GOSYM("math.cpuHasFMA");
uint8_t go_math_cpuHasFMA(void) {
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
}

/* x*y + z rounded once: the FMA instruction (called only when it exists) */
__attribute__((target("fma"))) double go_math_fma(double x, double y, double z) GOSYM("math.fma");
__attribute__((target("fma"))) double go_math_fma(double x, double y, double z) { return __builtin_fma(x, y, z); }

/* ---- package os: the C environment, kept in step with os.Setenv ---------- */

void go_os_setenv(const uint8_t *k, intptr_t kn, const uint8_t *v, intptr_t vn) GOSYM("os.setenv");
void go_os_setenv(const uint8_t *k, intptr_t kn, const uint8_t *v, intptr_t vn) {
	/* setenv keeps its own copies; the C strings become garbage */
	setenv(cpath(k, kn), cpath(v, vn), 1);
}

void go_os_unsetenv(const uint8_t *k, intptr_t kn) GOSYM("os.unsetenv");
void go_os_unsetenv(const uint8_t *k, intptr_t kn) { unsetenv(cpath(k, kn)); }

/* ---- package time: reading zoneinfo files and $TZ ------------------------- */

intptr_t go_time_sysOpen(const uint8_t *path, intptr_t len) GOSYM("time.sysOpen");
intptr_t go_time_sysOpen(const uint8_t *path, intptr_t len) { return go_os_sysOpen(path, len, O_RDONLY, 0); }

intptr_t go_time_sysRead(intptr_t fd, void *p, intptr_t n) GOSYM("time.sysRead");
intptr_t go_time_sysRead(intptr_t fd, void *p, intptr_t n) { return go_os_sysRead(fd, p, n); }

intptr_t go_time_sysClose(intptr_t fd) GOSYM("time.sysClose");
intptr_t go_time_sysClose(intptr_t fd) { return go_os_sysClose(fd); }

GoString go_time_errstr(intptr_t e) GOSYM("time.errstr");
GoString go_time_errstr(intptr_t e) { return go_os_errstr(e); }

GoString go_time_lookenv(const uint8_t *k, intptr_t kn, intptr_t *found) GOSYM("time.lookenv");
GoString go_time_lookenv(const uint8_t *k, intptr_t kn, intptr_t *found) {
	const char *v = getenv(cpath(k, kn));
	*found = v != NULL;
	if (!v) return (GoString){0};
	intptr_t n = (intptr_t)strlen(v);
	uint8_t *s = rt_mallocgc((uintptr_t)n, NULL, 0);
	memcpy(s, v, (size_t)n);
	return (GoString){s, n};
}

/* ---- package os: directories, temporary names ----------------------------- */

intptr_t go_os_sysMkdir(const uint8_t *path, intptr_t len, intptr_t perm) GOSYM("os.sysMkdir");
intptr_t go_os_sysMkdir(const uint8_t *path, intptr_t len, intptr_t perm) {
	return mkdir(cpath(path, len), (mode_t)perm) < 0 ? -errno : 0;
}

intptr_t go_os_sysRmdir(const uint8_t *path, intptr_t len) GOSYM("os.sysRmdir");
intptr_t go_os_sysRmdir(const uint8_t *path, intptr_t len) { return rmdir(cpath(path, len)) < 0 ? -errno : 0; }

#include <sys/random.h>
uint32_t go_os_randUint32(void) GOSYM("os.randUint32");
uint32_t go_os_randUint32(void) {
	uint32_t r = 0;
	if (getrandom(&r, sizeof r, 0) != sizeof r) r = (uint32_t)rt_nanotime() * 2654435761u;
	return r;
}
