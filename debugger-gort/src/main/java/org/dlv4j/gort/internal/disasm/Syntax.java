package org.dlv4j.gort.internal.disasm;

/** The assembler syntax of disassembly text. Only amd64 has two; arm64 has one. */
public enum Syntax {
  /** GNU syntax: AT&amp;T on amd64 ({@code movq %rsp, %rbp}), the ARM syntax on arm64. */
  GNU,
  /** Intel syntax on amd64 ({@code mov rbp, rsp}); on arm64 the same as {@link #GNU}. */
  INTEL
}
