package org.dlv4j.dwarf.frame;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The call frame information of a binary: the FDEs of its {@code .debug_frame} and/or
 * {@code .eh_frame} sections, merged, and the rows of their tables (DWARF 5 §6.4). It reads
 * section bytes only; it knows nothing of ELF or of processes.
 *
 * <pre>{@code
 * CallFrameInfo cfi = CallFrameInfo.of(FrameSection.debugFrame(debugFrameBytes),
 *     FrameSection.ehFrame(ehFrameBytes, ehFrameAddress));
 * UnwindContext ctx = new UnwindContext();        // one per thread, reused
 * if (cfi.rowAt(pc, ctx)) {
 *   UnwindRow row = ctx.row();
 *   CfaRule cfa = row.cfa();                      // e.g. RegisterOffset[register=7, offset=16]
 *   RegisterRule ra = row.rule(row.returnAddressRegister()); // e.g. Offset[offset=-8]
 * }
 * }</pre>
 *
 * <p>Addresses are those of the file (link-time addresses); for a position-independent
 * executable, subtract the load bias from a runtime pc before looking it up.
 *
 * <p>The FDE index is built on first use and kept: sorted arrays searched by binary search.
 * Building reads every entry and fails on the first malformed one, with a
 * {@link org.dlv4j.api.BinaryFormatException} naming the section and offset; that failure is
 * remembered and thrown again by later calls. Malformed instructions of one FDE fail only
 * lookups in that FDE. Thread-safe: any number of threads may look up rows at once, each with
 * its own {@link UnwindContext}.
 */
public final class CallFrameInfo {
  private static final System.Logger LOG = System.getLogger("dwarf");

  private final List<SectionReader> sections;
  private final SectionReader[] byKind = new SectionReader[FrameSection.Kind.values().length];
  private volatile FdeIndex index;
  private volatile RuntimeException failure;

  private CallFrameInfo(List<SectionReader> sections) {
    this.sections = sections;
    for (SectionReader s : sections) {
      byKind[s.section.kind().ordinal()] = s;
    }
  }

  /**
   * Returns the call frame information of the given sections. Where FDEs of two sections
   * start at the same address, the one of the earlier section is used.
   *
   * @param sections at most one {@code .debug_frame} and one {@code .eh_frame}
   * @return the call frame information; nothing is parsed yet
   * @throws IllegalArgumentException if two sections are of the same kind
   */
  public static CallFrameInfo of(FrameSection... sections) {
    List<SectionReader> readers = new ArrayList<>();
    boolean[] seen = new boolean[FrameSection.Kind.values().length];
    for (FrameSection s : sections) {
      if (seen[s.kind().ordinal()]) {
        throw new IllegalArgumentException("two " + s.kind().sectionName() + " sections");
      }
      seen[s.kind().ordinal()] = true;
      readers.add(new SectionReader(s));
    }
    return new CallFrameInfo(List.copyOf(readers));
  }

  /**
   * Returns the number of FDEs with a non-empty range, after merging.
   *
   * @return the number of indexed FDEs
   * @throws org.dlv4j.api.BinaryFormatException if a CIE or FDE header is malformed
   */
  public int fdeCount() {
    return index().size();
  }

  /**
   * Returns the FDEs sorted by initial location: an unmodifiable view of the index.
   *
   * @return the FDEs, without those of empty ranges or shadowed by an earlier section
   * @throws org.dlv4j.api.BinaryFormatException if a CIE or FDE header is malformed
   */
  public List<Fde> fdes() {
    FdeIndex idx = index();
    return new AbstractList<>() {
      @Override
      public Fde get(int i) {
        return idx.get(i);
      }

      @Override
      public int size() {
        return idx.size();
      }
    };
  }

  /**
   * Returns the FDE whose range contains {@code pc}.
   *
   * @param pc a code address
   * @return the FDE, or empty if no FDE covers {@code pc}
   * @throws org.dlv4j.api.BinaryFormatException if a CIE or FDE header is malformed
   */
  public Optional<Fde> fdeFor(long pc) {
    FdeIndex idx = index();
    int i = idx.find(pc);
    return i < 0 ? Optional.empty() : Optional.of(idx.get(i));
  }

  /**
   * Computes the row of the call frame table that applies at {@code pc} into
   * {@code ctx.row()}. Allocation-free once {@code ctx} has been used for rows of this size.
   *
   * @param pc a code address
   * @param ctx the caller's scratch space; its row is overwritten
   * @return true if an FDE covers {@code pc} and {@code ctx.row()} now holds its row; false if
   *     none does (the row is then unchanged)
   * @throws org.dlv4j.api.BinaryFormatException if a CIE or FDE header is malformed, or the
   *     instructions of the FDE or its CIE are (unknown opcode, truncated operand,
   *     {@code DW_CFA_restore_state} without a remembered state, no CFA rule, ...)
   */
  public boolean rowAt(long pc, UnwindContext ctx) {
    FdeIndex idx = index();
    int i = idx.find(pc);
    if (i < 0) {
      return false;
    }
    Fde fde = idx.get(i);
    ctx.interpreter.fill(byKind[fde.cie().section().ordinal()], fde, pc);
    return true;
  }

  private FdeIndex index() {
    FdeIndex idx = index;
    if (idx != null) {
      return idx;
    }
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
      if (index == null) {
        try {
          index = FdeIndex.build(sections);
          LOG.log(System.Logger.Level.DEBUG, "indexed {0} FDEs", index.size());
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        }
      }
      return index;
    }
  }
}
