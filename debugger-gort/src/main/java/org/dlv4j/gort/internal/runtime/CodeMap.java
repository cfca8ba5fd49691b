package org.dlv4j.gort.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.gort.pclntab.ImageMemory;
import org.dlv4j.gort.pclntab.InlinedCall;
import org.dlv4j.gort.pclntab.PcLine;
import org.dlv4j.gort.pclntab.Pclntab;

/**
 * The code of a running binary as the pclntab describes it, in process addresses: functions by
 * pc, their frame sizes, source positions, inlined calls, the runtime's special functions and
 * the functions that go/defer wrappers wrap. It adds the load bias of a position-independent
 * executable ({@code staticBase}) to everything the pclntab says and caches what the unwinder
 * asks for again and again. Thread-safe.
 */
public final class CodeMap {
  private final Pclntab tab;
  private final long staticBase;
  private final long gofunc;
  private final ImageMemory image;
  private final AtomicReferenceArray<FuncInfo> funcs;
  private final int[] special = new int[SpecialFunction.values().length];

  /**
   * Creates the map.
   *
   * @param tab the binary's pclntab
   * @param staticBase the load bias: process address minus link-time address (0 unless PIE)
   * @param gofunc the link-time address {@code moduledata.gofunc} (funcdata base), or 0 if
   *     unknown (wrappers are then not unwrapped)
   * @param image the binary's sections by link-time address
   */
  public CodeMap(Pclntab tab, long staticBase, long gofunc, ImageMemory image) {
    this.tab = tab;
    this.staticBase = staticBase;
    this.gofunc = gofunc;
    this.image = image;
    this.funcs = new AtomicReferenceArray<>(tab.functionCount());
    for (SpecialFunction f : SpecialFunction.values()) {
      special[f.ordinal()] = tab.functionNamed(f.symbol()).map(FuncInfo::index).orElse(-2);
    }
  }

  /** {@return the pclntab} */
  public Pclntab pclntab() {
    return tab;
  }

  /** {@return the load bias added to link-time addresses} */
  public long staticBase() {
    return staticBase;
  }

  /**
   * Returns the index of the function containing {@code pc}. Allocation-free.
   *
   * @param pc a process address
   * @return the function index, or -1
   */
  public int funcIndex(long pc) {
    return tab.funcIndex(pc - staticBase);
  }

  /**
   * Returns function {@code index}'s record, read once and kept.
   *
   * @param index a function index
   * @return the record
   */
  public FuncInfo func(int index) {
    FuncInfo f = funcs.get(index);
    if (f == null) {
      f = tab.function(index);
      funcs.set(index, f);
    }
    return f;
  }

  /**
   * Returns the name of function {@code index}.
   *
   * @param index a function index
   * @return the symbol name
   */
  public String name(int index) {
    return tab.name(index);
  }

  /**
   * Returns the entry of function {@code index}, in process addresses.
   *
   * @param index a function index
   * @return the entry address
   */
  public long entry(int index) {
    return tab.entry(index) + staticBase;
  }

  /**
   * Tells whether function {@code index} is a given special function.
   *
   * @param index a function index
   * @param f the special function
   * @return whether they are the same
   */
  public boolean is(int index, SpecialFunction f) {
    return special[f.ordinal()] == index;
  }

  /**
   * Returns the frame size (pcsp) of function {@code index} at {@code pc}: the bytes it has
   * pushed below its entry stack pointer. Allocation-free once the function's record is kept.
   *
   * @param index the function containing {@code pc}
   * @param pc a process address
   * @return the frame size, or -1 if the table does not cover {@code pc}
   */
  public int spDelta(int index, long pc) {
    return tab.spDelta(func(index), pc - staticBase);
  }

  /**
   * Looks up the function, file and line of {@code pc} into {@code out} (innermost position
   * when calls are inlined there). Allocation-free once names are decoded.
   *
   * @param pc a process address
   * @param out the reusable result
   * @return whether a function contains {@code pc}
   */
  public boolean lookup(long pc, PcLine out) {
    return tab.lookup(pc - staticBase, out);
  }

  /**
   * Returns the location of {@code pc}: the function containing it and the innermost file and
   * line, as Delve reports a goroutine's current location.
   *
   * @param pc a process address
   * @return the location; {@link CodeLocation#unknown} if no function contains it
   */
  public CodeLocation location(long pc) {
    PcLine row = new PcLine();
    if (!lookup(pc, row)) {
      return CodeLocation.unknown(pc);
    }
    return new CodeLocation(pc, row.file(), row.line(), Optional.of(row.function()));
  }

  /**
   * Returns the calls inlined at {@code pc}, innermost first; empty (without allocating) where
   * nothing is inlined.
   *
   * @param pc a process address
   * @return the inlined calls
   */
  public List<InlinedCall> inlinedCalls(long pc) {
    return tab.inlinedCalls(pc - staticBase);
  }

  /**
   * Returns the function a go/defer wrapper calls, as the runtime's {@code startPCForTrace}
   * finds it: the compiler gives wrappers of a statically known callee a
   * {@code FUNCDATA_WrapInfo} holding the callee's text offset.
   *
   * @param index a function index
   * @return the wrapped function's index, or empty if {@code index} is no such wrapper
   */
  public OptionalInt wrapped(int index) {
    OptionalLong off = func(index).funcdataOffset(FuncInfo.FUNCDATA_WrapInfo);
    if (off.isEmpty() || gofunc == 0) {
      return OptionalInt.empty();
    }
    Optional<ByteBuffer> info = image.bytesAt(gofunc + off.getAsLong());
    if (info.isEmpty() || info.get().remaining() < 4) {
      return OptionalInt.empty();
    }
    long target = tab.textStart() + (info.get().order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffff_ffffL);
    int i = tab.funcIndex(target);
    return i < 0 || tab.entry(i) != target ? OptionalInt.empty() : OptionalInt.of(i);
  }
}
