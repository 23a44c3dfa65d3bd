/* jmp.S: the recovery point of a frame with deferred calls (defer.c):
 * rt_setjmp saves the callee-saved registers, the stack pointer and the
 * return address; rt_longjmp returns from that rt_setjmp again with 1.
 * Our own, not libc's: the jump may come from another thread (a goroutine
 * moves between Ms) and from a deeper stack segment, which glibc's checked
 * longjmp refuses. */
	.text
	.globl rt_setjmp
	.type rt_setjmp, @function
rt_setjmp:
	movq (%rsp), %rax        /* return address */
	leaq 8(%rsp), %rcx       /* sp after return */
	movq %rbx, 0(%rdi)
	movq %rbp, 8(%rdi)
	movq %r12, 16(%rdi)
	movq %r13, 24(%rdi)
	movq %r14, 32(%rdi)
	movq %r15, 40(%rdi)
	movq %rcx, 48(%rdi)
	movq %rax, 56(%rdi)
	xorl %eax, %eax
	ret
	.size rt_setjmp, .-rt_setjmp

	.globl rt_longjmp
	.type rt_longjmp, @function
rt_longjmp:
	movq 0(%rdi), %rbx
	movq 8(%rdi), %rbp
	movq 16(%rdi), %r12
	movq 24(%rdi), %r13
	movq 32(%rdi), %r14
	movq 40(%rdi), %r15
	movq 48(%rdi), %rsp
	movl $1, %eax
	jmp *56(%rdi)
	.size rt_longjmp, .-rt_longjmp

	.section .note.GNU-stack,"",@progbits
