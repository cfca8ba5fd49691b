package org.dlv4j.dwarf.line;

/**
 * The fixed fields of one line-program header and where its parts lie in {@code .debug_line}
 * (DWARF v5 §6.2.4). All offsets are section offsets; the header has been validated.
 *
 * @param offset where the unit (its initial length) starts
 * @param end where the unit ends, exclusive
 * @param tablesOffset where the directory and file tables start
 * @param programOffset where the opcodes start (end of the header)
 * @param version 2 to 5
 * @param dwarf64 whether the unit uses the 64-bit DWARF format
 * @param addressSize the size of a target address: 1, 2, 4 or 8
 * @param minInstLength minimum_instruction_length
 * @param maxOpsPerInst maximum_operations_per_instruction, 1 before version 4
 * @param defaultIsStmt default_is_stmt
 * @param lineBase line_base
 * @param lineRange line_range, never 0
 * @param opcodeBase opcode_base, never 0
 * @param standardOpcodeLengths operand counts of standard opcodes 1 .. opcodeBase-1, at index
 *     opcode-1; shared, never modified
 */
record LineHeader(
    long offset, long end, long tablesOffset, long programOffset, int version, boolean dwarf64,
    int addressSize, int minInstLength, int maxOpsPerInst, boolean defaultIsStmt, int lineBase,
    int lineRange, int opcodeBase, byte[] standardOpcodeLengths) {

  /** Returns the operand count that the header declares for standard opcode {@code op}. */
  int operandCount(int op) {
    return standardOpcodeLengths[op - 1] & 0xff;
  }
}
