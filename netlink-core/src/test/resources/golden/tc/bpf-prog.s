# assembled for the bpf fixtures (golden/tc/bpf-*.hex, dump/filters-bpf.hex): llvm-mc -triple bpf -filetype=obj -o /tmp/tcb/p.o bpf-prog.s
	.section	classifier,"ax",@progbits
	.globl	cls
	.type	cls,@function
cls:
	r0 = 0
	exit
.Lend:
	.size	cls, .Lend-cls
	.section	license,"aw",@progbits
	.globl	_license
_license:
	.asciz	"GPL"
	.size	_license, 4
