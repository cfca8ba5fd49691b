package org.dlv4j.gort.pclntab;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds pclntabs byte by byte for unit tests, in the layout cmd/link writes (header, function
 * names, cutab, filetab, pctab, function table and {@code _func} records), 64-bit.
 */
final class PclntabBuilder {
  /** A function to write: pc tables as (value, end offset from entry) pairs. */
  static final class Func {
    final String name;
    final int entryOff;
    final List<String> files = new ArrayList<>();
    int[][] pcfile = new int[0][];
    int[][] pcln = new int[0][];
    int[][] pcsp = new int[0][];
    int[][] inlineIndex;
    long inlineTreeOffset = -1;
    int startLine;
    int args;
    int funcId;
    int flag;

    Func(String name, int entryOff) {
      this.name = name;
      this.entryOff = entryOff;
    }

    Func files(String... names) {
      files.addAll(List.of(names));
      return this;
    }

    Func pcfile(int[]... pairs) {
      pcfile = pairs;
      return this;
    }

    Func pcln(int[]... pairs) {
      pcln = pairs;
      return this;
    }

    Func pcsp(int[]... pairs) {
      pcsp = pairs;
      return this;
    }

    /** Gives the function an inline index table and an inline tree at this offset from gofunc. */
    Func inline(long treeOffset, int[]... pairs) {
      inlineIndex = pairs;
      inlineTreeOffset = treeOffset;
      return this;
    }

    Func startLine(int line) {
      startLine = line;
      return this;
    }
  }

  private final PclntabFormat format;
  private final int quantum;
  private final List<Func> funcs = new ArrayList<>();
  private int endOff;

  PclntabBuilder(PclntabFormat format, int quantum) {
    this.format = format;
    this.quantum = quantum;
  }

  Func func(String name, int entryOff) {
    Func f = new Func(name, entryOff);
    funcs.add(f);
    return f;
  }

  /** Sets the end offset of the last function (the function table's final entry). */
  PclntabBuilder end(int off) {
    endOff = off;
    return this;
  }

  /** Layout facts of the last build, for tests that corrupt specific bytes. */
  int funcnameOffset;
  int cuOffset;
  int filetabOffset;
  int pctabOffset;
  int pclnOffset;
  final List<Integer> funcOffsets = new ArrayList<>();
  final List<Integer> pclnTableOffsets = new ArrayList<>();

  ByteBuffer build() {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    List<Integer> nameOffs = new ArrayList<>();
    for (Func f : funcs) {
      nameOffs.add(names.size());
      cstring(names, f.name);
    }
    List<String> allFiles = new ArrayList<>();
    ByteArrayOutputStream filetab = new ByteArrayOutputStream();
    List<Integer> fileOffs = new ArrayList<>();
    ByteArrayOutputStream cutab = new ByteArrayOutputStream();
    List<Integer> cuOffs = new ArrayList<>();
    for (Func f : funcs) {
      cuOffs.add(cutab.size() / 4);
      for (String file : f.files) {
        int id = allFiles.indexOf(file);
        if (id < 0) {
          id = allFiles.size();
          allFiles.add(file);
          fileOffs.add(filetab.size());
          cstring(filetab, file);
        }
        u32(cutab, fileOffs.get(id));
      }
    }
    ByteArrayOutputStream pctab = new ByteArrayOutputStream();
    pctab.write(0); // offset 0 means "no table"
    List<int[]> tableOffs = new ArrayList<>();
    pclnTableOffsets.clear();
    for (Func f : funcs) {
      int sp = table(pctab, f.pcsp);
      int file = table(pctab, f.pcfile);
      int line = table(pctab, f.pcln);
      int inl = f.inlineIndex == null ? 0 : table(pctab, f.inlineIndex);
      tableOffs.add(new int[] {sp, file, line, inl});
      pclnTableOffsets.add(line);
    }
    int headerSize = 8 + 8 * 8;
    funcnameOffset = headerSize;
    cuOffset = funcnameOffset + names.size();
    filetabOffset = cuOffset + cutab.size();
    pctabOffset = filetabOffset + filetab.size();
    pclnOffset = pctabOffset + pctab.size();
    ByteArrayOutputStream pcln = new ByteArrayOutputStream();
    int ftabSize = funcs.size() * 8 + 4;
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    funcOffsets.clear();
    for (int i = 0; i < funcs.size(); i++) {
      Func f = funcs.get(i);
      int[] t = tableOffs.get(i);
      funcOffsets.add(pclnOffset + ftabSize + records.size());
      u32(pcln, f.entryOff);
      u32(pcln, ftabSize + records.size());
      u32(records, f.entryOff);
      u32(records, nameOffs.get(i));
      u32(records, f.args);
      u32(records, 0); // deferreturn
      u32(records, t[0]);
      u32(records, t[1]);
      u32(records, t[2]);
      int npcdata = f.inlineIndex == null ? 0 : 3;
      u32(records, npcdata);
      u32(records, cuOffs.get(i));
      if (format == PclntabFormat.GO120) {
        u32(records, f.startLine);
      }
      records.write(f.funcId);
      records.write(f.flag);
      records.write(0);
      int nfuncdata = f.inlineTreeOffset < 0 ? 0 : 4;
      records.write(nfuncdata);
      if (npcdata > 0) {
        u32(records, 0);
        u32(records, 0);
        u32(records, t[3]);
      }
      if (nfuncdata > 0) {
        u32(records, -1);
        u32(records, -1);
        u32(records, -1);
        u32(records, (int) f.inlineTreeOffset);
      }
    }
    u32(pcln, endOff);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u32(out, format.magic());
    out.write(0);
    out.write(0);
    out.write(quantum);
    out.write(8);
    for (long w : new long[] {funcs.size(), allFiles.size(), 0, funcnameOffset, cuOffset, filetabOffset,
        pctabOffset, pclnOffset}) {
      u64(out, w);
    }
    out.writeBytes(names.toByteArray());
    out.writeBytes(cutab.toByteArray());
    out.writeBytes(filetab.toByteArray());
    out.writeBytes(pctab.toByteArray());
    out.writeBytes(pcln.toByteArray());
    out.writeBytes(records.toByteArray());
    return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes a pcvalue table; returns its pctab offset, or 0 for an empty one. */
  private int table(ByteArrayOutputStream pctab, int[][] pairs) {
    if (pairs.length == 0) {
      return 0;
    }
    int at = pctab.size();
    pctab.writeBytes(encode(quantum, pairs));
    return at;
  }

  /** Encodes (value, end offset) pairs as a pcvalue table, terminated. */
  static byte[] encode(int quantum, int[]... pairs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int value = -1;
    int pc = 0;
    for (int[] p : pairs) {
      int delta = p[0] - value;
      uvarint(out, (delta << 1) ^ (delta >> 31));
      uvarint(out, (p[1] - pc) / quantum);
      value = p[0];
      pc = p[1];
    }
    out.write(0);
    return out.toByteArray();
  }

  static void uvarint(ByteArrayOutputStream out, long v) {
    while (Long.compareUnsigned(v, 0x80) >= 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void cstring(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  static void u32(ByteArrayOutputStream out, int v) {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i));
    }
  }

  private static void u64(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }
}
