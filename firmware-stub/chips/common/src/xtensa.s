# What the Xtensa stubs need in assembly, since Rust has no inline assembly for Xtensa:
# the entry and the interrupt switches. firmware-stub/build.sh assembles this with
# llvm-mc and links it with the chip's code; everything uses the windowed ABI the ROM
# and the compiled code use.

    .section .text.entry, "ax"
    .literal_position
    .literal .Lstack_top, _stack_top - 64
    .literal .Lsbss, _sbss
    .literal .Lebss, _ebss
    .literal .Lmain, stub_main

# The ROM's MEM_END calls the entry as a function, so it opens a window first. Then it
# moves to the stub's own stack (the ROM's is a few KiB just below the ROM's data) and
# never returns, so the ROM's frames spilled below it stay untouched. .bss is cleared.
    .global _start
    .type _start, @function
    .align 4
_start:
    entry a1, 32
    l32r a2, .Lstack_top
    mov a1, a2
    l32r a2, .Lsbss
    l32r a3, .Lebss
    movi a4, 0
1:  bgeu a2, a3, 2f
    s32i a4, a2, 0
    addi a2, a2, 4
    j 1b
2:  l32r a8, .Lmain
    callx8 a8
3:  j 3b

# What a trap in compiled code (a panic, with panics aborting) calls: the stub stops, as
# the RISC-V stubs' panic handler does, and the host's next request times out.
    .global abort
    .type abort, @function
    .align 4
abort:
    entry a1, 16
4:  j 4b

    .section .text.espflow_ints, "ax"

# Masks every interrupt level the ROM and the stub use.
    .global espflow_ints_off
    .type espflow_ints_off, @function
    .align 4
espflow_ints_off:
    entry a1, 16
    rsil a2, 15
    retw

# Back to level 0, where the ROM loader and the stub run.
    .global espflow_ints_on
    .type espflow_ints_on, @function
    .align 4
espflow_ints_on:
    entry a1, 16
    rsil a3, 0
    retw

# INTENABLE |= a2 (the mask of the lines to let through).
    .global espflow_unmask_line
    .type espflow_unmask_line, @function
    .align 4
espflow_unmask_line:
    entry a1, 16
    rsr.intenable a3
    or a3, a3, a2
    wsr.intenable a3
    rsync
    retw

    .section .note.GNU-stack, "", @progbits
