package org.dlv4j.dwarf.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only answerer of evaluation requests: registers hold {@code 0x1000 + n}, memory at
 * {@code a} holds {@code a + 1} unless set, the frame base is 0x7000, the CFA 0x8000, address
 * index {@code i} is {@code 0x9000 + i}, TLS offset {@code o} is at {@code 0xa000 + o}, the
 * object is at 0xb000 and every entry value is 0xc000. Base types: 0x10 int (signed 4),
 * 0x20 unsigned int, 0x30 double, 0x40 float, 0x50 signed char, 0x60 unsigned long. It records
 * every request.
 */
final class FakeTarget {
  final List<EvalStep> requests = new ArrayList<>();
  final Map<Long, Long> memory = new HashMap<>();
  final Map<Long, Expression> callees = new HashMap<>();
  static final Map<Long, BaseType> BASE_TYPES = Map.of(0x10L, new BaseType(0x05, 4),
      0x20L, new BaseType(0x07, 4), 0x30L, new BaseType(0x04, 8), 0x40L, new BaseType(0x04, 4),
      0x50L, new BaseType(0x06, 1), 0x60L, new BaseType(0x07, 8));

  EvalStep.Done run(Evaluation ev, EvalStep first) {
    EvalStep step = first;
    while (!(step instanceof EvalStep.Done)) {
      requests.add(step);
      step = answer(ev, step);
    }
    return (EvalStep.Done) step;
  }

  EvalStep answer(Evaluation ev, EvalStep step) {
    if (step instanceof EvalStep.NeedsMemory m) {
      return ev.resumeWithMemory(memory.getOrDefault(m.address(), m.address() + 1));
    } else if (step instanceof EvalStep.NeedsRegister r) {
      return ev.resumeWithRegister(0x1000 + r.register());
    } else if (step instanceof EvalStep.NeedsFrameBase) {
      return ev.resumeWithFrameBase(0x7000);
    } else if (step instanceof EvalStep.NeedsCfa) {
      return ev.resumeWithCfa(0x8000);
    } else if (step instanceof EvalStep.NeedsAddressIndex a) {
      return ev.resumeWithAddress(0x9000 + a.index());
    } else if (step instanceof EvalStep.NeedsTlsAddress t) {
      return ev.resumeWithTlsAddress(0xa000 + t.offset());
    } else if (step instanceof EvalStep.NeedsObjectAddress) {
      return ev.resumeWithObjectAddress(0xb000);
    } else if (step instanceof EvalStep.NeedsEntryValue) {
      return ev.resumeWithEntryValue(0xc000);
    } else if (step instanceof EvalStep.NeedsCallee c) {
      return ev.resumeWithCallee(callees.getOrDefault(c.dieOffset(), Expression.empty()));
    } else if (step instanceof EvalStep.NeedsBaseType t) {
      return ev.resumeWithBaseType(BASE_TYPES.get(t.dieOffset()));
    }
    throw new AssertionError(step);
  }
}
