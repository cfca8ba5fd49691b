package org.dlv4j.gort.internal.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.gort.internal.runtime.Bytes;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.gort.internal.runtime.G;
import org.dlv4j.gort.internal.runtime.GoRuntime;
import org.dlv4j.gort.internal.runtime.RuntimeField;
import org.dlv4j.gort.internal.runtime.RuntimeLayout;
import org.dlv4j.gort.internal.runtime.TargetMemory;

/**
 * Reads a goroutine's defer list ({@code g._defer}, newest first) and attaches each record to
 * the frame that deferred it: a record belongs to the first frame, from the top, whose CFA is
 * above the record's {@code sp} (the deferring frame's stack pointer). Inlined frames and
 * frames on a system stack share or lack a goroutine-stack frame of their own and get none.
 * The list is read only while each record's sp grows (a shrinking sp means a corrupt list) and
 * at most {@link #MAX_DEFERS} records far.
 */
final class Defers {
  /** More pending defers than this means a corrupt (or cyclic) list. */
  static final int MAX_DEFERS = 10_000;

  private Defers() {
  }

  /** Returns {@code frames} with the defers of {@code g} attached. */
  static List<StackFrame> attach(GoRuntime rt, TargetMemory memory, G g, List<StackFrame> frames) {
    List<DeferredCall> defers = read(rt, memory, g);
    if (defers.isEmpty()) {
      return frames;
    }
    List<StackFrame> out = new ArrayList<>(frames);
    int d = 0;
    for (int i = 0; i < out.size() && d < defers.size(); i++) {
      StackFrame f = out.get(i);
      if (f.inlined() || f.systemStack()) {
        continue;
      }
      List<DeferredCall> mine = new ArrayList<>();
      while (d < defers.size() && Long.compareUnsigned(defers.get(d).sp(), f.cfa()) < 0) {
        mine.add(defers.get(d++));
      }
      if (!mine.isEmpty()) {
        out.set(i, f.withDefers(mine));
      }
    }
    return out;
  }

  /** Reads the defer list, newest first. */
  static List<DeferredCall> read(GoRuntime rt, TargetMemory memory, G g) {
    RuntimeLayout layout = rt.layout();
    int size = layout.get(RuntimeField.DEFER_SIZE);
    if (size <= 0 || g.deferPtr() == 0) {
      return List.of();
    }
    List<DeferredCall> out = new ArrayList<>();
    byte[] rec = new byte[size];
    long at = g.deferPtr();
    long previousSp = 0;
    try {
      while (at != 0 && out.size() < MAX_DEFERS) {
        memory.readFully(at, rec, 0, size);
        long sp = Bytes.getLong(rec, layout.get(RuntimeField.DEFER_SP));
        if (Long.compareUnsigned(sp, previousSp) < 0) {
          break; // older records have higher stack pointers: this list is corrupt
        }
        previousSp = sp;
        out.add(decode(rt, memory, at, rec, sp));
        at = Bytes.getLong(rec, layout.get(RuntimeField.DEFER_LINK));
      }
    } catch (MemoryAccessException e) {
      // keep the records read so far
    }
    return out;
  }

  private static DeferredCall decode(GoRuntime rt, TargetMemory memory, long address, byte[] rec, long sp) {
    RuntimeLayout layout = rt.layout();
    CodeMap code = rt.code();
    long pc = Bytes.getLong(rec, layout.get(RuntimeField.DEFER_PC));
    long funcval = Bytes.getLong(rec, layout.get(RuntimeField.DEFER_FN));
    int rangefuncAt = layout.get(RuntimeField.DEFER_RANGEFUNC);
    boolean rangefunc = rangefuncAt >= 0 && rec[rangefuncAt] != 0;
    long fn = funcval == 0 ? 0 : memory.readLong(funcval);
    CodeLocation function = CodeLocation.unknown(fn);
    int fi = code.funcIndex(fn);
    if (fi >= 0) {
      OptionalInt wrapped = code.wrapped(fi);
      long target = wrapped.isPresent() ? code.entry(wrapped.getAsInt()) : code.entry(fi);
      function = code.location(target);
    }
    CodeLocation at = code.funcIndex(pc) >= 0 ? code.location(pc - 1) : CodeLocation.unknown(pc);
    return new DeferredCall(address, sp, pc, fn, function, withPc(at, pc), rangefunc);
  }

  private static CodeLocation withPc(CodeLocation loc, long pc) {
    return new CodeLocation(pc, loc.file(), loc.line(), loc.function());
  }
}
