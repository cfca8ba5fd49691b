package org.dlv4j.dwarf.frame;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;

/**
 * Jazzer targets for the CFI reader: any section bytes either index and unwind or fail with a
 * BinaryFormatException. Seeds (Go's .debug_frame, GCC's C and C++ .eh_frame) are under
 * {@code CfiFuzzTestInputs}; the normal build runs them in regression mode.
 */
class CfiFuzzTest {
  @FuzzTest
  void debugFrame(byte[] data) {
    exercise(FrameSection.debugFrame(ByteBuffer.wrap(data)));
  }

  @FuzzTest
  void ehFrame(byte[] data) {
    exercise(FrameSection.ehFrame(ByteBuffer.wrap(data), 0x2048).withTextBase(0x1000)
        .withDataBase(0x4000));
  }

  private static void exercise(FrameSection section) {
    CallFrameInfo cfi = CallFrameInfo.of(section);
    UnwindContext ctx = new UnwindContext();
    try {
      List<Fde> fdes = cfi.fdes();
      for (int i = 0; i < Math.min(fdes.size(), 16); i++) {
        Fde fde = fdes.get(i);
        for (long pc : new long[] {fde.initialLocation(), fde.endLocation() - 1,
            fde.initialLocation() + fde.addressRange() / 2}) {
          lookUp(cfi, pc, ctx);
        }
      }
      lookUp(cfi, 0x401000, ctx);
    } catch (BinaryFormatException expected) {
      // malformed input is reported, which is all that is asked
    }
  }

  private static void lookUp(CallFrameInfo cfi, long pc, UnwindContext ctx) {
    try {
      if (cfi.rowAt(pc, ctx)) {
        UnwindRow row = ctx.row();
        row.cfa();
        row.rules();
        row.rule(row.returnAddressRegister());
      }
    } catch (BinaryFormatException expected) {
      // one FDE's bad instructions fail only that lookup
    }
  }
}
