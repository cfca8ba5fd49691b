/**
 * Call frame information (DWARF 5 §6.4): CIEs and FDEs of {@code .debug_frame} and
 * {@code .eh_frame}, and the rows that tell an unwinder how to find a frame's CFA and its
 * caller's registers. Entry point: {@link org.dlv4j.dwarf.frame.CallFrameInfo}.
 *
 * <p>Threat model: section bytes come from untrusted files. Every read is bounds-checked,
 * lengths and pointers are checked against their section and entry, the number of register
 * rules per row and the depth of {@code DW_CFA_remember_state} are capped, and instructions
 * are executed in one forward pass, so malformed input ends in a
 * {@link org.dlv4j.api.BinaryFormatException} naming the section and offset, never in a hang
 * or an allocation sized by the input.
 */
package org.dlv4j.dwarf.frame;
