package org.dlv4j.gort.internal.disasm;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of Capstone's C API (capstone.h, API version 4.0) that dlv4j calls for arm64, bound
 * through JNA's interface mapping. A {@code csh} handle is a {@code size_t}, passed as
 * {@code long} (64-bit hosts only); C {@code bool} results are one byte.
 */
interface CapstoneLibrary extends Library {
  /** {@code CS_ARCH_ARM64}. */
  int CS_ARCH_ARM64 = 1;
  /** {@code CS_MODE_LITTLE_ENDIAN}, the mode of arm64. */
  int CS_MODE_LITTLE_ENDIAN = 0;
  /** {@code CS_OPT_DETAIL}. */
  int CS_OPT_DETAIL = 2;
  /** {@code CS_OPT_ON}. */
  int CS_OPT_ON = 3;

  /** {@code unsigned int cs_version(int *major, int *minor)}: {@code (major << 8) | minor}. */
  int cs_version(Pointer major, Pointer minor);

  /** {@code bool cs_support(int query)}: whether this build decodes architecture {@code query}. */
  byte cs_support(int query);

  /** {@code cs_err cs_open(cs_arch arch, cs_mode mode, csh *handle)}. */
  int cs_open(int arch, int mode, Pointer handle);

  /** {@code cs_err cs_close(csh *handle)}. */
  int cs_close(Pointer handle);

  /** {@code cs_err cs_option(csh handle, cs_opt_type type, size_t value)}. */
  int cs_option(long handle, int type, long value);

  /** {@code cs_insn *cs_malloc(csh handle)}: one instruction with room for its detail. */
  Pointer cs_malloc(long handle);

  /** {@code void cs_free(cs_insn *insn, size_t count)}. */
  void cs_free(Pointer insn, long count);

  /**
   * {@code bool cs_disasm_iter(csh handle, const uint8_t **code, size_t *size, uint64_t
   * *address, cs_insn *insn)}: decodes one instruction and advances the three cursors past it;
   * leaves them alone if the bytes there do not decode.
   */
  byte cs_disasm_iter(long handle, Pointer code, Pointer size, Pointer address, Pointer insn);

  /** {@code const char *cs_strerror(cs_err code)}. */
  String cs_strerror(int code);
}
