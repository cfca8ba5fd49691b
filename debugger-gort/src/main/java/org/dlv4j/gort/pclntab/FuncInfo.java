package org.dlv4j.gort.pclntab;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One function of a pclntab: its {@code _func} record (runtime/runtime2.go) with absolute
 * addresses and its name. Immutable; made on demand by {@link Pclntab#function(int)}.
 *
 * @param index the function's position in the pclntab's function table (ascending entry)
 * @param entry the address of the first instruction
 * @param end the address just past the function: the next function's entry
 * @param name the linker symbol name, e.g. {@code main.(*Point).Scale} or
 *     {@code main.Map[go.shape.int,go.shape.string]}
 * @param args the size of the arguments and results in bytes, or
 *     {@code 0x80000000} (as an int, {@link Integer#MIN_VALUE}) when unknown
 * @param deferReturn the offset from {@code entry} of the call to
 *     {@code runtime.deferreturn}, or 0 if none
 * @param startLine the line of the {@code func} keyword (Go 1.20+; 0 in older tables)
 * @param funcId the runtime's {@code abi.FuncID}: 0 for ordinary functions; other values mark
 *     special runtime functions and their numbering depends on the Go version
 * @param flag the {@code abi.FuncFlag} bits: {@link #FLAG_TOP_FRAME}, {@link #FLAG_SP_WRITE},
 *     {@link #FLAG_ASM}
 * @param pcsp the pctab offset of the stack-frame-size table, 0 if none
 * @param pcfile the pctab offset of the file-number table, 0 if none
 * @param pcln the pctab offset of the line table, 0 if none
 * @param cuOffset the start of this function's compilation unit in cutab
 * @param pcdata the pctab offsets of the pcdata tables by index ({@code PCDATA_*}), 0 = none
 * @param funcdata the offsets from {@code moduledata.gofunc} of the funcdata by index
 *     ({@code FUNCDATA_*}), -1 = none
 */
public record FuncInfo(
    int index,
    long entry,
    long end,
    String name,
    int args,
    int deferReturn,
    int startLine,
    int funcId,
    int flag,
    int pcsp,
    int pcfile,
    int pcln,
    int cuOffset,
    List<Integer> pcdata,
    List<Long> funcdata) {

  /** pcdata index of the async-preemption safety table (internal/abi). */
  public static final int PCDATA_UnsafePoint = 0;
  /** pcdata index of the stack map index table. */
  public static final int PCDATA_StackMapIndex = 1;
  /** pcdata index of the inline tree index table: -1 where no call is inlined. */
  public static final int PCDATA_InlTreeIndex = 2;
  /** pcdata index of the argument liveness table. */
  public static final int PCDATA_ArgLiveIndex = 3;

  /** funcdata index of the argument pointer maps. */
  public static final int FUNCDATA_ArgsPointerMaps = 0;
  /** funcdata index of the locals pointer maps. */
  public static final int FUNCDATA_LocalsPointerMaps = 1;
  /** funcdata index of the stack objects. */
  public static final int FUNCDATA_StackObjects = 2;
  /** funcdata index of the inline tree. */
  public static final int FUNCDATA_InlTree = 3;
  /** funcdata index of the open-coded defer information. */
  public static final int FUNCDATA_OpenCodedDeferInfo = 4;
  /** funcdata index of the argument layout used by tracebacks. */
  public static final int FUNCDATA_ArgInfo = 5;
  /** funcdata index of the argument liveness information. */
  public static final int FUNCDATA_ArgLiveInfo = 6;
  /** funcdata index of the wrapper information. */
  public static final int FUNCDATA_WrapInfo = 7;

  /** Flag: the function is at the top of its stack (goexit, mstart…); unwinding ends well there. */
  public static final int FLAG_TOP_FRAME = 1;
  /** Flag: the function writes SP arbitrarily; unwinding cannot continue past it. */
  public static final int FLAG_SP_WRITE = 2;
  /** Flag: the function is written in assembly. */
  public static final int FLAG_ASM = 4;

  /**
   * Copies the lists.
   *
   * @param index the function's index
   * @param entry the entry address
   * @param end the end address
   * @param name the symbol name
   * @param args the argument size
   * @param deferReturn the deferreturn offset
   * @param startLine the start line
   * @param funcId the FuncID
   * @param flag the FuncFlag bits
   * @param pcsp the pcsp table offset
   * @param pcfile the pcfile table offset
   * @param pcln the pcln table offset
   * @param cuOffset the cutab offset
   * @param pcdata the pcdata table offsets
   * @param funcdata the funcdata offsets
   */
  public FuncInfo {
    Objects.requireNonNull(name, "name");
    pcdata = List.copyOf(pcdata);
    funcdata = List.copyOf(funcdata);
  }

  /**
   * Returns whether the function contains an address.
   *
   * @param pc an address
   * @return whether {@code pc} lies in [entry, end)
   */
  public boolean contains(long pc) {
    return pc >= entry && pc < end;
  }

  /**
   * Returns the pctab offset of a pcdata table.
   *
   * @param i the table's index ({@code PCDATA_*})
   * @return the offset, or 0 if the function has no such table
   */
  public int pcdataOffset(int i) {
    return i >= 0 && i < pcdata.size() ? pcdata.get(i) : 0;
  }

  /**
   * Returns the offset from {@code moduledata.gofunc} of a funcdata.
   *
   * @param i the funcdata's index ({@code FUNCDATA_*})
   * @return the offset, or empty if the function has none
   */
  public OptionalLong funcdataOffset(int i) {
    if (i < 0 || i >= funcdata.size() || funcdata.get(i) < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(funcdata.get(i));
  }

  /** {@return whether {@link #FLAG_TOP_FRAME} is set} */
  public boolean isTopFrame() {
    return (flag & FLAG_TOP_FRAME) != 0;
  }

  /** {@return whether {@link #FLAG_SP_WRITE} is set} */
  public boolean isSpWrite() {
    return (flag & FLAG_SP_WRITE) != 0;
  }

  /** {@return whether {@link #FLAG_ASM} is set} */
  public boolean isAsm() {
    return (flag & FLAG_ASM) != 0;
  }
}
