/* ctxswitch.S: the machine-level pieces of the goroutine runtime (x86-64):
 *   sched_switch      switch stacks, saving callee-saved registers (no ucontext)
 *   sched_gostart     first frame of a new goroutine
 *   sched_callon      run fn(arg) on another stack (rt_systemstack)
 *   __morestack       split-stack growth called by LLVM's split-stack prologue
 *   __morestack_non_split   the same for functions that call non-split code
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
 * 512-byte reserve below the limit, so the C part (stack_more, stack_less)
 * runs on the M's system stack. */
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
	/* argument registers of F: 7 GPRs + 8 XMM, below rbp */
	subq $192, %rsp
	movq %rdi, -8(%rbp)
	movq %rsi, -16(%rbp)
	movq %rdx, -24(%rbp)
	movq %rcx, -32(%rbp)
	movq %r8, -40(%rbp)
	movq %r9, -48(%rbp)
	movq %rax, -56(%rbp)
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
	call *%r11                 /* F's body, on the new segment */
	/* F returned; rbp is ours again (callee-saved). Keep its results. */
	movq %rax, -8(%rbp)
	movq %rdx, -16(%rbp)
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
