/**
 * Disassembly of amd64 and arm64 machine code, as a debugger needs it: text in GNU or Intel
 * syntax and, per instruction, whether it calls, returns or jumps, where a direct branch goes,
 * and which address a PC-relative operand names.
 *
 * <p>The decoder is Capstone 4.0 (BSD), bound through JNA by {@link
 * org.dlv4j.gort.internal.disasm.CapstoneLibrary}. The library comes from the class path (the
 * {@code com.github.zhkl0228:capstone} jar, whose builds decode ARM and ARM64 only) or, for
 * amd64, from the system's {@code libcapstone.so.4}. See {@link
 * org.dlv4j.gort.internal.disasm.Disassembler#forArch(String)}.
 *
 * <p>Threat model: the bytes come from target memory or from a binary and may be anything. Any
 * byte sequence disassembles, without an exception: what Capstone cannot decode becomes a
 * {@code (bad)} instruction, and decoding goes on after it.
 */
package org.dlv4j.gort.internal.disasm;
