/* ctxswitch.S: the machine-level pieces of the goroutine runtime (x86-64):
 *   sched_switch      switch stacks, saving callee-saved registers (no ucontext)
 *   sched_gostart     first frame of a new goroutine
 *   sched_callon      run fn(arg) on another stack (rt_systemstack)
 *   __morestack       split-stack growth called by LLVM's split-stack prologue
 *   __morestack_non_split   the same for functions that call non-split code
 *   rt_entersyscall   record the caller's registers for the GC scan
 *   rt_asyncpreempt   trampoline a preempting signal redirects a G to
 * The C side lives in sched.c (switching), stack.c (segments), signal.c. */

	.text

/* void sched_switch(uintptr_t *save_sp, uintptr_t new_sp)
 * Push the callee-saved registers on the current stack, store rsp in
 * *save_sp, load new_sp and pop the other context's registers. The pushed
 * registers stay on the stack where the conservative scan sees them. */
	.globl sched_switch
	.type sched_switch,@function
	.p2align 4
sched_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret
	.size sched_switch,.-sched_switch

/* A new G's initial stack holds six zeroed register slots (r12 = the G) and
 * the address of sched_gostart; rsp is 16-byte aligned here. */
	.globl sched_gostart
	.type sched_gostart,@function
	.p2align 4
sched_gostart:
	movq %r12, %rdi
	xorl %ebp, %ebp
	call sched_gmain
	ud2
	.size sched_gostart,.-sched_gostart

/* void sched_callon(void (*fn)(void *), void *arg, uintptr_t sp, uintptr_t *savesp)
 * Save callee-saved registers, record rsp in *savesp, call fn(arg) on the
 * stack ending at sp, come back. */
	.globl sched_callon
	.type sched_callon,@function
	.p2align 4
sched_callon:
	pushq %rbp
	movq %rsp, %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %r15
	movq %rsp, (%rcx)
	andq $-16, %rdx
	movq %rdx, %rsp
	movq %rdi, %rax
	movq %rsi, %rdi
	call *%rax
	leaq -48(%rbp), %rsp
	popq %r15
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret
	.size sched_callon,.-sched_callon

/* __morestack: the split-stack prologue of F found less than its frame
 * (r10 bytes) above %fs:0x70. Stack: [rsp] = R (address of the `ret` after
 * F's call to us; R+1 continues F's body), [rsp+8] = F's return address,
 * [rsp+16...] = r11 bytes of F's stack arguments. We are running in the
 * 512-byte reserve below the limit.
 * Fast path (all in registers, no C): the G's cached spare segment fits, so
 * link it (the hot-split case: a call at a boundary in a loop). Otherwise the
 * C part (stack_more, stack_less in stack.c) runs on the M's system stack.
 * The G and StkSeg field offsets used here are checked in stack.c. */
#define G_STACKLIMIT 8
#define G_STACKLO 16
#define G_STACKHI 24
#define G_STK0LO 32
#define G_STK0HI 40
#define G_SEG 48
#define G_SPARE0 56
#define G_STACKTOTAL 64
#define S_PREV 0
#define S_SPARE 8
#define S_SIZE 16
#define S_OLDSP 24
#define S_OLDLIMIT 32
#define SEG_LIMIT_OFF 576   /* sizeof(StkSeg) + STACK_RESERVE */
#define SEG_NEED_EXTRA 1088 /* sizeof(StkSeg) + STACK_RESERVE + 512 */
#define PREEMPT_POISON 0xfffffffffffffade /* STACK_PREEMPT_POISON in sched_impl.h */
	.globl __morestack
	.type __morestack,@function
	.p2align 4
__morestack:
	.cfi_startproc
	pushq %rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq %rsp, %rbp
	.cfi_def_cfa_register %rbp
	/* argument registers of F: 7 GPRs (+ 8 XMM on the slow path) */
	subq $192, %rsp
	movq %rdi, -8(%rbp)
	movq %rsi, -16(%rbp)
	movq %rdx, -24(%rbp)
	movq %rcx, -32(%rbp)
	movq %r8, -40(%rbp)
	movq %r9, -48(%rbp)
	movq %rax, -56(%rbp)
	/* a preemption request (signal.c poisons the limit when the signal
	 * lands outside go_text): unpoison, yield here if there is room, then
	 * carry on as an ordinary check */
	movq %fs:0x70, %rax
	cmpq $PREEMPT_POISON, %rax
	jne .Lnot_preempt
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq 8(%rax), %rax
	movq G_STACKLIMIT(%rax), %rcx
	movq %rcx, %fs:0x70
	leaq -(208 + 640)(%rbp), %rdx   /* saves + the yield's frames */
	cmpq G_STACKLO(%rax), %rdx
	jb .Lpreempt_fits
	subq $24, %rsp                  /* 216 bytes below rbp: rsp % 16 == 0 */
	movq %r10, -200(%rbp)
	movq %r11, -208(%rbp)
	movdqu %xmm0, -80(%rbp)
	movdqu %xmm1, -96(%rbp)
	movdqu %xmm2, -112(%rbp)
	movdqu %xmm3, -128(%rbp)
	movdqu %xmm4, -144(%rbp)
	movdqu %xmm5, -160(%rbp)
	movdqu %xmm6, -176(%rbp)
	movdqu %xmm7, -192(%rbp)
	call sched_preempt_yield
	movdqu -80(%rbp), %xmm0
	movdqu -96(%rbp), %xmm1
	movdqu -112(%rbp), %xmm2
	movdqu -128(%rbp), %xmm3
	movdqu -144(%rbp), %xmm4
	movdqu -160(%rbp), %xmm5
	movdqu -176(%rbp), %xmm6
	movdqu -192(%rbp), %xmm7
	movq -200(%rbp), %r10
	movq -208(%rbp), %r11
	addq $24, %rsp
.Lpreempt_fits:
	/* does F's frame fit after all? then return into its body */
	leaq 16(%rbp), %rax
	subq %r10, %rax
	cmpq %fs:0x70, %rax
	jbe .Lnot_preempt
	movq -8(%rbp), %rdi
	movq -16(%rbp), %rsi
	movq -24(%rbp), %rdx
	movq -32(%rbp), %rcx
	movq -40(%rbp), %r8
	movq -48(%rbp), %r9
	movq -56(%rbp), %rax
	movq %rbp, %rsp
	popq %rbp
	incq (%rsp)                     /* R+1: F's body, on this segment */
	ret
.Lnot_preempt:
	/* fast path: g = m->curg; spare = (seg ? &seg->spare : &g->spare0) */
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq 8(%rax), %rax
	movq G_SEG(%rax), %rcx
	leaq G_SPARE0(%rax), %rdx
	testq %rcx, %rcx
	jz 1f
	leaq S_SPARE(%rcx), %rdx
1:	movq (%rdx), %rsi
	testq %rsi, %rsi
	jz .Lmore_slow
	leaq SEG_NEED_EXTRA(%r10,%r11), %rdi
	cmpq S_SIZE(%rsi), %rdi
	ja .Lmore_slow
	movq G_STACKTOTAL(%rax), %r8
	addq S_SIZE(%rsi), %r8
	cmpq $1000000000, %r8
	ja .Lmore_slow
	movq $0, (%rdx)               /* detach the spare */
	movq %r8, G_STACKTOTAL(%rax)
	movq %rcx, S_PREV(%rsi)
	movq $0, S_SPARE(%rsi)
	movq %rsp, S_OLDSP(%rsi)
	movq G_STACKLIMIT(%rax), %rdi
	movq %rdi, S_OLDLIMIT(%rsi)
	movq %rsi, G_SEG(%rax)
	movq %rsi, G_STACKLO(%rax)
	movq S_SIZE(%rsi), %rdi
	addq %rsi, %rdi
	movq %rdi, G_STACKHI(%rax)
	leaq SEG_LIMIT_OFF(%rsi), %r8
	movq %r8, G_STACKLIMIT(%rax)
	movq %r8, %fs:0x70
	/* copy F's stack arguments to the top of the new segment */
	subq %r11, %rdi
	andq $-16, %rdi
	movq %rdi, %r8
	xorl %ecx, %ecx            /* a word loop: rep movsb costs ~30 cycles to start */
5:	cmpq %r11, %rcx
	jae 6f
	movq 24(%rbp,%rcx), %rsi
	movq %rsi, (%rdi,%rcx)
	addq $8, %rcx
	jmp 5b
6:	movq %r8, %rsp
	movq 8(%rbp), %r11
	incq %r11
	movq -8(%rbp), %rdi
	movq -16(%rbp), %rsi
	movq -24(%rbp), %rdx
	movq -32(%rbp), %rcx
	movq -40(%rbp), %r8
	movq -48(%rbp), %r9
	movq -56(%rbp), %rax
	jmp .Lcall_body

.Lmore_slow:
	movdqu %xmm0, -80(%rbp)
	movdqu %xmm1, -96(%rbp)
	movdqu %xmm2, -112(%rbp)
	movdqu %xmm3, -128(%rbp)
	movdqu %xmm4, -144(%rbp)
	movdqu %xmm5, -160(%rbp)
	movdqu %xmm6, -176(%rbp)
	movdqu %xmm7, -192(%rbp)
	/* stack_more(framesize, argsize, args, lowsp) on the system stack */
	movq %r10, %rdi
	movq %r11, %rsi
	leaq 24(%rbp), %rdx
	movq %rsp, %rcx
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq (%rax), %rsp          /* m->g0sp */
	subq $256, %rsp
	andq $-16, %rsp
	call stack_more            /* returns the new sp in rax */
	movq %rax, %rsp
	movq 8(%rbp), %r11
	incq %r11                  /* R+1: F's body */
	movq -8(%rbp), %rdi
	movq -16(%rbp), %rsi
	movq -24(%rbp), %rdx
	movq -32(%rbp), %rcx
	movq -40(%rbp), %r8
	movq -48(%rbp), %r9
	movq -56(%rbp), %rax
	movdqu -80(%rbp), %xmm0
	movdqu -96(%rbp), %xmm1
	movdqu -112(%rbp), %xmm2
	movdqu -128(%rbp), %xmm3
	movdqu -144(%rbp), %xmm4
	movdqu -160(%rbp), %xmm5
	movdqu -176(%rbp), %xmm6
	movdqu -192(%rbp), %xmm7
.Lcall_body:
	call *%r11                 /* F's body, on the new segment */
	/* F returned; rbp is ours again (callee-saved). Keep its results. */
	movq %rax, -8(%rbp)
	movq %rdx, -16(%rbp)
	/* fast path: s = g->seg has no spare and its slot is empty: cache it */
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq 8(%rax), %rax
	movq G_SEG(%rax), %rcx
	cmpq $0, S_SPARE(%rcx)
	jne .Lless_slow
	movq S_PREV(%rcx), %rdx
	leaq G_SPARE0(%rax), %rsi
	testq %rdx, %rdx
	jz 2f
	leaq S_SPARE(%rdx), %rsi
2:	cmpq $0, (%rsi)
	jne .Lless_slow
	movq %rcx, (%rsi)
	movq S_SIZE(%rcx), %rdi
	subq %rdi, G_STACKTOTAL(%rax)
	movq %rdx, G_SEG(%rax)
	testq %rdx, %rdx
	jz 3f
	movq %rdx, G_STACKLO(%rax)
	movq S_SIZE(%rdx), %rdi
	addq %rdx, %rdi
	movq %rdi, G_STACKHI(%rax)
	jmp 4f
3:	movq G_STK0LO(%rax), %rdi
	movq %rdi, G_STACKLO(%rax)
	movq G_STK0HI(%rax), %rdi
	movq %rdi, G_STACKHI(%rax)
4:	movq S_OLDLIMIT(%rcx), %rdi
	movq %rdi, G_STACKLIMIT(%rax)
	movq %rdi, %fs:0x70
	movq -8(%rbp), %rax
	movq -16(%rbp), %rdx
	jmp .Lreturn

.Lless_slow:
	movdqu %xmm0, -80(%rbp)
	movdqu %xmm1, -96(%rbp)
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	movq (%rax), %rsp
	subq $256, %rsp
	andq $-16, %rsp
	call stack_less
	leaq -192(%rbp), %rsp
	movq -8(%rbp), %rax
	movq -16(%rbp), %rdx
	movdqu -80(%rbp), %xmm0
	movdqu -96(%rbp), %xmm1
.Lreturn:
	movq %rbp, %rsp
	popq %rbp
	.cfi_def_cfa %rsp, 8
	addq $8, %rsp              /* drop R */
	ret                        /* to F's caller */
	.cfi_endproc
	.size __morestack,.-__morestack

/* __morestack_non_split: lld rewrites the prologue of a split-stack
 * function that calls non-split code (the C runtime, libc) to come here.
 * Non-split callees are promised STACK_NOSPLIT_HEADROOM (1024) bytes:
 * if the segment has frame + headroom left, continue in place. */
	.globl __morestack_non_split
	.type __morestack_non_split,@function
	.p2align 4
__morestack_non_split:
	pushq %rax
	movq %rsp, %rax
	subq %r10, %rax
	subq $1024, %rax
	cmpq %fs:0x70, %rax
	jb 1f
	popq %rax
	incq (%rsp)
	ret
1:	popq %rax
	addq $1024, %r10
	jmp __morestack
	.size __morestack_non_split,.-__morestack_non_split

/* rt_entersyscall: record the caller's callee-saved registers and sp in its
 * G (G.sysregs, G.syscallsp; the G struct is scanned), then the C part. A
 * blocked syscall's deeper frames are below that sp and never scanned, and
 * they may hold the only copy of those registers. */
	.globl rt_entersyscall
	.type rt_entersyscall,@function
	.p2align 4
rt_entersyscall:
	movq sched_m@gottpoff(%rip), %rax
	movq %fs:(%rax), %rax
	testq %rax, %rax
	jz 1f
	movq 8(%rax), %rax         /* m->curg */
	testq %rax, %rax
	jz 1f
	movq %rbx, 72(%rax)
	movq %rbp, 80(%rax)
	movq %r12, 88(%rax)
	movq %r13, 96(%rax)
	movq %r14, 104(%rax)
	movq %r15, 112(%rax)
	leaq 8(%rsp), %rcx
	movq %rcx, 120(%rax)
1:	jmp sched_entersyscall
	.size rt_entersyscall,.-rt_entersyscall

/* rt_asyncpreempt: signal.c points an interrupted G here after pushing the
 * interrupted PC 128 bytes below its rsp (the red zone is kept). Save every
 * register on the G's stack, yield, restore, return with `ret $128`. */
	.globl rt_asyncpreempt
	.type rt_asyncpreempt,@function
	.p2align 4
rt_asyncpreempt:
	pushfq
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rbp
	subq $512, %rsp
	andq $-64, %rsp
	fxsave64 (%rsp)
	call sched_preempt_yield
	fxrstor64 (%rsp)
	movq %rbp, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	popfq
	ret $128
	.size rt_asyncpreempt,.-rt_asyncpreempt

	.section .note.GNU-stack,"",@progbits
