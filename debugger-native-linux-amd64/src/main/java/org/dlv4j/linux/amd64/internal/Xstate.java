package org.dlv4j.linux.amd64.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The x87/SSE/AVX state of a thread as ptrace returns it: the 512-byte FXSAVE image, followed
 * (from {@code NT_X86_XSTATE}) by the XSAVE header and extended components in the standard,
 * non-compacted layout (Intel SDM vol. 1 §13.4-13.5; Linux {@code asm/user.h}).
 */
final class Xstate {
  private static final int FXSAVE_SIZE = 512;
  private static final int ST0 = 32;
  private static final int XMM0 = 160;
  /** Linux stores the OS-enabled feature mask (XCR0) in the software-reserved bytes. */
  private static final int XCR0 = 464;
  private static final int XSTATE_BV = 512;
  /** YMM_Hi128, XSAVE component 2 (AVX), in the standard format. */
  private static final int YMM_HI = 576;
  private static final long AVX = 1L << 2;

  private final byte[] area;
  private final boolean extended;

  /**
   * Wraps the bytes the kernel returned.
   *
   * @param area the state; at least the FXSAVE image
   * @param length how many bytes are valid
   */
  Xstate(byte[] area, int length) {
    if (length < FXSAVE_SIZE) {
      throw new IllegalArgumentException("FP state of " + length + " bytes is too short");
    }
    this.area = Arrays.copyOf(area, length);
    this.extended = length >= YMM_HI + 256 && (u64(XCR0) & AVX) != 0;
  }

  /** Returns a register's bytes by name, or empty if unknown or not available. */
  Optional<byte[]> bytes(String name) {
    int index = index(name, "xmm", 16);
    if (index >= 0) {
      return Optional.of(Arrays.copyOfRange(area, XMM0 + 16 * index, XMM0 + 16 * index + 16));
    }
    index = index(name, "ymm", 16);
    if (index >= 0) {
      if (!extended) {
        return Optional.empty();
      }
      byte[] ymm = new byte[32];
      System.arraycopy(area, XMM0 + 16 * index, ymm, 0, 16);
      if ((u64(XSTATE_BV) & AVX) != 0) { // else the upper halves are in their initial state: 0
        System.arraycopy(area, YMM_HI + 16 * index, ymm, 16, 16);
      }
      return Optional.of(ymm);
    }
    index = index(name, "st", 8);
    if (index >= 0) {
      return Optional.of(Arrays.copyOfRange(area, ST0 + 16 * index, ST0 + 16 * index + 10));
    }
    OptionalLong v = control(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    byte[] b = new byte[name.equals("mxcsr") ? 4 : 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (v.getAsLong() >>> (8 * i));
    }
    return Optional.of(b);
  }

  /** Returns a register's low 64 bits by name, or empty if unknown or not available. */
  OptionalLong value(String name) {
    OptionalLong c = control(name);
    if (c.isPresent()) {
      return c;
    }
    return bytes(name).map(b -> {
      long v = 0;
      for (int i = Math.min(8, b.length) - 1; i >= 0; i--) {
        v = (v << 8) | (b[i] & 0xffL);
      }
      return OptionalLong.of(v);
    }).orElse(OptionalLong.empty());
  }

  private OptionalLong control(String name) {
    return switch (name) {
      case "fcw" -> OptionalLong.of(u16(0));
      case "fsw" -> OptionalLong.of(u16(2));
      case "ftw" -> OptionalLong.of(area[4] & 0xff);
      case "mxcsr" -> OptionalLong.of(u32(24));
      default -> OptionalLong.empty();
    };
  }

  private static int index(String name, String prefix, int count) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return -1;
    }
    try {
      int i = Integer.parseInt(name.substring(prefix.length()));
      return i >= 0 && i < count && name.equals(prefix + i) ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private long u16(int at) {
    return (area[at] & 0xffL) | (area[at + 1] & 0xffL) << 8;
  }

  private long u32(int at) {
    return u16(at) | u16(at + 2) << 16;
  }

  private long u64(int at) {
    return u32(at) | u32(at + 4) << 32;
  }
}
