/* signal.c: signals for the goroutine runtime. SIGURG is the asynchronous
 * preemption request sysmon (or stop-the-world) sends to an M whose G ran too
 * long: the handler acts only when the interrupted PC lies in goc-compiled
 * code (the ELF section go_text, bounded by the linker's __start_go_text and
 * __stop_go_text), never in the runtime or libc, and then redirects the
 * thread to rt_asyncpreempt (ctxswitch.S), which saves every register on the
 * goroutine's stack and yields. Elsewhere it poisons the split-stack limit so
 * the G yields at its next Go function prologue (in __morestack). SIGSEGV/SIGBUS get a handler that reports a
 * fault the way gc does and offers a hook (rt_sigpanic_hook) so panic.c can
 * later turn nil dereferences into Go panics. Each M has an alternate signal
 * stack: goroutine stacks are too small for handlers. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "sched_impl.h"

uintptr_t stack_more(uintptr_t framesize, uintptr_t argsize, uintptr_t args, uintptr_t lowsp); /* stack.c */

extern char __start_go_text[] __attribute__((weak));
extern char __stop_go_text[] __attribute__((weak));
void rt_asyncpreempt(void);

/* Set by panic.c once Go panics exist: called for SIGSEGV/SIGBUS in Go code;
 * it may rewrite the context to divert to a panic. Returns nonzero if it did. */
int (*rt_sigpanic_hook)(int sig, void *addr, void *ucontext);

#define SIGSTACK_SIZE (64 * 1024)
/* bytes the trampoline and the yield need below the interrupted sp */
#define PREEMPT_ROOM 1152

static bool in_go_text(uintptr_t pc) {
	return __start_go_text && pc >= (uintptr_t)__start_go_text && pc < (uintptr_t)__stop_go_text;
}

static void sigurg_handler(int sig, siginfo_t *si, void *ucv) {
	(void)sig;
	(void)si;
	ucontext_t *uc = ucv;
	M *m = sched_m;
	if (!m)
		return;
	G *g = m->curg;
	if (!g || !atomic_load(&g->preempt) || g->sysstack || atomic_load(&g->status) != G_RUNNING)
		return;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	if (!in_go_text(pc) || sp > g->stackhi || sp < g->stacklo + PREEMPT_ROOM || rt_printdepth > 0) {
		/* (holding the print lock: between println's calls, in go_text) */
		/* In the runtime, libc, or short of room: poison the split-stack
		 * limit instead, so the next Go function prologue on this thread
		 * calls __morestack, which yields (gc's stackPreempt). Every switch
		 * of G reloads the limit, so the poison cannot leak to another G. */
		if (get_stacklimit() == g->stacklimit)
			set_stacklimit(STACK_PREEMPT_POISON);
		return;
	}
	sp -= 128 + 8; /* keep the red zone, push the PC as a call would */
	*(uintptr_t *)sp = pc;
	uc->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)rt_asyncpreempt;
}

/* The fault being turned into a panic: set by the handler, read at once
 * by rt_sigpanic on the same thread. */
static __thread RtSigInfo sigpanic_info;

/* bytes of goroutine stack rt_sigpanic and the panic machinery need (C,
 * without split-stack prologues) below the faulting frame */
#define SIGPANIC_ROOM 2048

/* Entered as if the faulting instruction had called it (gc's sigpanic). */
static noreturn void rt_sigpanic(void) {
	RtSigInfo si = sigpanic_info;
	rt_panicsig(&si);
}

/* A nil dereference in Go code becomes a Go panic, which deferred calls
 * may recover: the context is rewritten so that the faulting function
 * seems to call rt_sigpanic. Other faults, and faults where the goroutine
 * stack has no room, stay fatal. */
static bool divert_to_panic(int sig, siginfo_t *si, ucontext_t *uc) {
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	M *m = sched_m;
	G *g = m ? m->curg : NULL;
	if (sig != SIGSEGV || (uintptr_t)si->si_addr >= 4096 || !in_go_text(pc) || !g || g->sysstack)
		return false;
	if (sp > g->stackhi || sp < g->stacklo)
		return false;
	if (sp < g->stacklo + SIGPANIC_ROOM + 256) {
		/* no room for the panic machinery (a goroutine's first segment is
		 * 2 KiB): continue on a new segment, linked as __morestack links
		 * one; a recovery unwinds it (stack_unwind_to) */
		sp = stack_more(SIGPANIC_ROOM + 1024, 0, 0, sp);
	}
	/* addr 0, as gc reports a nil dereference (its explicit nil checks
	 * fault at 0 even for a field at an offset) */
	sigpanic_info = (RtSigInfo){.sig = sig, .code = si->si_code, .addr = 0, .pc = pc};
	sp = ((sp - 128) & ~(uintptr_t)15) - 8; /* below the red zone; aligned as after a call */
	*(uintptr_t *)sp = pc;
	uc->uc_mcontext.gregs[REG_RSP] = (greg_t)sp;
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)rt_sigpanic;
	return true;
}

static void fault_handler(int sig, siginfo_t *si, void *ucv) {
	ucontext_t *uc = ucv;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	if (divert_to_panic(sig, si, uc))
		return;
	if (rt_sigpanic_hook && in_go_text(pc) && rt_sigpanic_hook(sig, si->si_addr, ucv))
		return;
	char buf[256];
	int n;
	if ((uintptr_t)si->si_addr < 4096 && sig == SIGSEGV)
		n = snprintf(buf, sizeof buf,
		             "panic: runtime error: invalid memory address or nil pointer dereference\n"
		             "[signal SIGSEGV: segmentation violation code=0x%x addr=0x%lx pc=0x%lx]\n",
		             si->si_code, (unsigned long)si->si_addr, (unsigned long)pc);
	else
		n = snprintf(buf, sizeof buf, "unexpected fault address 0x%lx\nfatal error: fault\n[signal %s code=0x%x addr=0x%lx pc=0x%lx]\n",
		             (unsigned long)si->si_addr, sig == SIGSEGV ? "SIGSEGV: segmentation violation" : "SIGBUS: bus error",
		             si->si_code, (unsigned long)si->si_addr, (unsigned long)pc);
	rt_write_stderr(buf, n);
	G *g = getg();
	if (getenv("GOC_SIGDEBUG")) {
		n = snprintf(buf, sizeof buf, "rsp=%#llx rbp=%#llx g=%p stack=[%#lx,%#lx) m=%p g0sp=%#lx syssp=%#lx sysstack=%d\n",
		             (unsigned long long)uc->uc_mcontext.gregs[REG_RSP], (unsigned long long)uc->uc_mcontext.gregs[REG_RBP],
		             (void *)g, g ? (unsigned long)g->stacklo : 0, g ? (unsigned long)g->stackhi : 0, (void *)sched_m,
		             sched_m ? (unsigned long)sched_m->g0sp : 0, sched_m ? (unsigned long)sched_m->syssp : 0, g ? g->sysstack : -1);
		rt_write_stderr(buf, n);
	}
	if (g) {
		n = snprintf(buf, sizeof buf, "\ngoroutine %llu [running]:\n", (unsigned long long)g->goid);
		rt_write_stderr(buf, n);
		rt_traceback_from(pc, (uintptr_t)uc->uc_mcontext.gregs[REG_RBP]);
	}
	_exit(2);
}

void signal_init(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask);
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
	sa.sa_sigaction = sigurg_handler;
	sigaction(SIGURG, &sa, NULL);
	if (!getenv("GOC_NOSIGSEGV")) {
		sa.sa_sigaction = fault_handler;
		sigaction(SIGSEGV, &sa, NULL);
		sigaction(SIGBUS, &sa, NULL);
	}
}

/* Per-M: an alternate signal stack, and SIGURG unblocked. */
void signal_minit(M *m) {
	if (!m->sigstack) {
		m->sigstack = mmap(NULL, SIGSTACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m->sigstack == MAP_FAILED)
			rt_throw("cannot allocate signal stack");
		stack_t ss = {.ss_sp = m->sigstack, .ss_size = SIGSTACK_SIZE, .ss_flags = 0};
		sigaltstack(&ss, NULL);
	}
	sigset_t set;
	sigemptyset(&set);
	pthread_sigmask(SIG_SETMASK, &set, NULL);
}

void signal_preempt(M *m) {
#ifdef RT_TSAN
	/* ThreadSanitizer defers signal handlers to its own safe points, so
	 * the interrupted context is not the goroutine's: no async preemption. */
	(void)m;
#else
	pthread_kill((pthread_t)m->tid, SIGURG);
#endif
}
