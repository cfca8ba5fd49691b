package org.dlv4j.api;

/** The assembly syntax {@link Target#disassemble} writes instructions in. */
public enum AsmSyntax {
  /** GNU syntax: AT&amp;T operand order on amd64 ({@code objdump}'s default). */
  GNU,
  /** Intel syntax: destination first on amd64 ({@code objdump -M intel}). */
  INTEL
}
