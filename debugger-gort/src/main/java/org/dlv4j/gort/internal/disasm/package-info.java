/**
 * Disassembly of amd64 and arm64 machine code, as a debugger needs it: text in GNU or Intel
 * syntax and, per instruction, whether it calls, returns or jumps, where a direct branch goes,
 * and which address a PC-relative operand names.
 *
 * <p>The decoders are native libraries that come from Maven Central as class path resources
 * and are bound through JNA, so nothing needs installing: amd64 is LLVM's x86-64 disassembler
 * (Apache-2.0 with LLVM exception; {@link org.dlv4j.gort.internal.disasm.LlvmLibrary}, the
 * {@code libLLVM.so} of the {@code org.bytedeco:llvm} jar for the host's platform), arm64 is
 * Capstone 4.0 (BSD; {@link org.dlv4j.gort.internal.disasm.CapstoneLibrary}, the
 * {@code libcapstone.so} of the {@code com.github.zhkl0228:capstone} jar, whose builds decode
 * ARM and ARM64 only). See {@link org.dlv4j.gort.internal.disasm.Disassembler#forArch(String)}.
 *
 * <p>Threat model: the bytes come from target memory or from a binary and may be anything. Any
 * byte sequence disassembles, without an exception: what the decoder cannot decode becomes a
 * {@code (bad)} instruction, and decoding goes on after it.
 */
package org.dlv4j.gort.internal.disasm;
