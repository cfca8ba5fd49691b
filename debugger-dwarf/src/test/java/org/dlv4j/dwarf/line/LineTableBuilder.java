package org.dlv4j.dwarf.line;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dlv4j.dwarf.ByteBuilder;

/**
 * Builds one line-number program unit (header, tables, opcodes) for tests. Defaults: version
 * 5, 32-bit format, 8-byte addresses, min_inst_length 1, line_base -5, line_range 14,
 * opcode_base 13 with the standard operand counts; version 5 tables: directory 0 "/src", files
 * 0 "a.go" and 1 "b.go" in it; version 2-4 tables: no include directory, file 1 "a.go".
 */
final class LineTableBuilder {
  static final int[] STANDARD_LENGTHS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

  private int version = 5;
  private boolean dwarf64;
  private int addressSize = 8;
  private int minInst = 1;
  private int maxOps = 1;
  private boolean defaultIsStmt = true;
  private int lineBase = -5;
  private int lineRange = 14;
  private int opcodeBase = 13;
  private int[] lengths = STANDARD_LENGTHS;
  private final List<String> dirs = new ArrayList<>(List.of("/src"));
  private final List<Object[]> files =
      new ArrayList<>(List.of(new Object[] {"a.go", 0}, new Object[] {"b.go", 0}));
  private Consumer<ByteBuilder> tables;
  private long headerPadding;
  private final ByteBuilder ops = new ByteBuilder();

  LineTableBuilder version(int v) {
    version = v;
    if (v < 5) {
      dirs.clear();
      files.clear();
      files.add(new Object[] {"a.go", 0});
    }
    return this;
  }

  LineTableBuilder dwarf64() {
    dwarf64 = true;
    return this;
  }

  LineTableBuilder addressSize(int n) {
    addressSize = n;
    return this;
  }

  LineTableBuilder minInst(int n) {
    minInst = n;
    return this;
  }

  LineTableBuilder maxOps(int n) {
    maxOps = n;
    return this;
  }

  LineTableBuilder defaultIsStmt(boolean b) {
    defaultIsStmt = b;
    return this;
  }

  LineTableBuilder lineBase(int b) {
    lineBase = b;
    return this;
  }

  LineTableBuilder lineRange(int r) {
    lineRange = r;
    return this;
  }

  /** Sets opcode_base and the operand counts of standard opcodes 1 .. base-1. */
  LineTableBuilder opcodeBase(int base, int... operandCounts) {
    opcodeBase = base;
    lengths = operandCounts;
    return this;
  }

  LineTableBuilder dir(String d) {
    dirs.add(d);
    return this;
  }

  LineTableBuilder file(String name, int dir) {
    files.add(new Object[] {name, dir});
    return this;
  }

  /** Replaces the generated directory and file tables with raw bytes. */
  LineTableBuilder tables(Consumer<ByteBuilder> raw) {
    tables = raw;
    return this;
  }

  /** Makes header_length claim {@code n} more bytes than the header has. */
  LineTableBuilder headerLengthDelta(long n) {
    headerPadding = n;
    return this;
  }

  /** Returns the opcode stream, to append opcodes with the helpers below or raw bytes. */
  ByteBuilder ops() {
    return ops;
  }

  LineTableBuilder op(int... bytes) {
    ops.u8(bytes);
    return this;
  }

  LineTableBuilder copy() {
    return op(1);
  }

  LineTableBuilder advancePc(long n) {
    ops.u8(2).uleb(n);
    return this;
  }

  LineTableBuilder advanceLine(long n) {
    ops.u8(3).sleb(n);
    return this;
  }

  LineTableBuilder setFile(long n) {
    ops.u8(4).uleb(n);
    return this;
  }

  LineTableBuilder setColumn(long n) {
    ops.u8(5).uleb(n);
    return this;
  }

  LineTableBuilder fixedAdvancePc(int n) {
    ops.u8(9).u16(n);
    return this;
  }

  LineTableBuilder setIsa(long n) {
    ops.u8(12).uleb(n);
    return this;
  }

  LineTableBuilder setAddress(long a) {
    ops.u8(0).uleb(1 + addressSize).u8(2).fixed(a, addressSize);
    return this;
  }

  LineTableBuilder endSequence() {
    ops.u8(0, 1, 1);
    return this;
  }

  LineTableBuilder setDiscriminator(long n) {
    ByteBuilder operand = new ByteBuilder().uleb(n);
    return extended(4, operand.toArray());
  }

  LineTableBuilder defineFile(String name, int dir, long mtime, long size) {
    ByteBuilder operand = new ByteBuilder().cstring(name).uleb(dir).uleb(mtime).uleb(size);
    return extended(3, operand.toArray());
  }

  LineTableBuilder extended(int sub, byte[] operand) {
    ops.u8(0).uleb(1 + operand.length).u8(sub).bytes(operand);
    return this;
  }

  /** Returns the whole unit. */
  byte[] build() {
    ByteBuilder out = new ByteBuilder();
    int lengthAt;
    if (dwarf64) {
      out.u32(0xffff_ffffL);
      lengthAt = out.position();
      out.u64(0);
    } else {
      lengthAt = out.position();
      out.u32(0);
    }
    int unitStart = out.position();
    out.u16(version);
    if (version >= 5) {
      out.u8(addressSize, 0);
    }
    int headerLengthAt = out.position();
    out.fixed(0, dwarf64 ? 8 : 4);
    int headerStart = out.position();
    out.u8(minInst);
    if (version >= 4) {
      out.u8(maxOps);
    }
    out.u8(defaultIsStmt ? 1 : 0, lineBase & 0xff, lineRange, opcodeBase);
    for (int i = 0; i < opcodeBase - 1; i++) {
      out.u8(i < lengths.length ? lengths[i] : 0);
    }
    if (tables != null) {
      tables.accept(out);
    } else if (version >= 5) {
      v5Tables(out);
    } else {
      v4Tables(out);
    }
    out.patch(headerLengthAt, out.position() - headerStart + headerPadding, dwarf64 ? 8 : 4);
    out.bytes(ops);
    out.patch(lengthAt, out.position() - unitStart, dwarf64 ? 8 : 4);
    return out.toArray();
  }

  private void v4Tables(ByteBuilder out) {
    for (String d : dirs) {
      out.cstring(d);
    }
    out.u8(0);
    for (Object[] f : files) {
      out.cstring((String) f[0]).uleb((Integer) f[1]).uleb(0).uleb(0);
    }
    out.u8(0);
  }

  private void v5Tables(ByteBuilder out) {
    out.u8(1).uleb(1).uleb(0x08); // DW_LNCT_path, DW_FORM_string
    out.uleb(dirs.size());
    for (String d : dirs) {
      out.cstring(d);
    }
    out.u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x0f); // path string, directory_index udata
    out.uleb(files.size());
    for (Object[] f : files) {
      out.cstring((String) f[0]).uleb((Integer) f[1]);
    }
  }

  /** Concatenates units into one section. */
  static byte[] section(byte[]... units) {
    ByteBuilder out = new ByteBuilder();
    for (byte[] u : units) {
      out.bytes(u);
    }
    return out.toArray();
  }
}
