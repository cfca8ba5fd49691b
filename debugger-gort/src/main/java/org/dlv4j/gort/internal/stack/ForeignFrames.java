package org.dlv4j.gort.internal.stack;

import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.frame.CallFrameInfo;
import org.dlv4j.dwarf.frame.CfaRule;
import org.dlv4j.dwarf.frame.RegisterRule;
import org.dlv4j.dwarf.frame.UnwindContext;
import org.dlv4j.dwarf.frame.UnwindRow;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.internal.runtime.TargetMemory;

/**
 * Unwinds one frame of code the pclntab does not describe (C code of a cgo binary): by the
 * binary's call frame information when an FDE covers the pc, else by the frame-pointer chain.
 * Only the rules compilers emit for ordinary frames are followed (CFA = register + offset,
 * saved registers at CFA + offset); anything else ends the walk. Not thread-safe: it reuses
 * one {@link UnwindContext}.
 */
final class ForeignFrames {
  /** The result of one step: the caller's registers and this frame's CFA. */
  static final class Step {
    long cfa;
    long ret;
    long callerBp;
  }

  private final Optional<CallFrameInfo> cfi;
  private final UnwindContext ctx = new UnwindContext();
  private final long staticBase;
  private final int spReg;
  private final int bpReg;
  private final int ptrSize;

  ForeignFrames(Optional<CallFrameInfo> cfi, Arch arch, long staticBase) {
    this.cfi = cfi;
    this.staticBase = staticBase;
    this.spReg = arch == Arch.ARM64 ? 31 : 7;
    this.bpReg = arch == Arch.ARM64 ? 29 : 6;
    this.ptrSize = arch.ptrSize();
  }

  /**
   * Unwinds the frame at {@code pc} into {@code out}.
   *
   * @return null on success, else why the frame cannot be unwound
   */
  String step(long pc, long sp, long bp, long lr, TargetMemory memory, Step out) {
    if (cfi.isPresent()) {
      boolean found;
      try {
        found = cfi.get().rowAt(pc - staticBase, ctx);
      } catch (BinaryFormatException e) {
        return "bad call frame information: " + e.getMessage();
      }
      if (found) {
        return byCfi(ctx.row(), sp, bp, lr, memory, out);
      }
    }
    return byFramePointer(sp, bp, memory, out);
  }

  private String byCfi(UnwindRow row, long sp, long bp, long lr, TargetMemory memory, Step out) {
    if (!(row.cfa() instanceof CfaRule.RegisterOffset cfaRule)) {
      return "CFA given by an expression";
    }
    long base;
    if (cfaRule.register() == spReg) {
      base = sp;
    } else if (cfaRule.register() == bpReg) {
      base = bp;
    } else {
      return "CFA based on register " + cfaRule.register();
    }
    out.cfa = base + cfaRule.offset();
    int ra = row.returnAddressRegister();
    RegisterRule raRule = row.rule(ra);
    if (raRule instanceof RegisterRule.Offset o) {
      out.ret = memory.readLong(out.cfa + o.offset());
    } else if (raRule instanceof RegisterRule.SameValue && ra != spReg) {
      out.ret = lr;
    } else {
      return "no return address rule";
    }
    RegisterRule bpRule = row.rule(bpReg);
    out.callerBp = bpRule instanceof RegisterRule.Offset o ? memory.readLong(out.cfa + o.offset()) : bp;
    return null;
  }

  /** The frame-pointer chain: {@code [bp]} = caller's bp, {@code [bp + ptr]} = return address. */
  private String byFramePointer(long sp, long bp, TargetMemory memory, Step out) {
    if (bp == 0 || bp < sp || (bp & (ptrSize - 1)) != 0) {
      return "no call frame information and no frame pointer";
    }
    out.callerBp = memory.readLong(bp);
    out.ret = memory.readLong(bp + ptrSize);
    out.cfa = bp + 2L * ptrSize;
    return null;
  }
}
