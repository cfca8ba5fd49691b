package org.dlv4j.dwarf.expr;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Jazzer target for the evaluator: the first byte picks the encoding, the rest is the
 * expression; every request is answered with fixed values (a callee is the expression itself,
 * so calls recurse to the depth cap; base types are picked by DIE offset). Evaluation must end
 * in a result or an ExpressionException. Seeds are under {@code ExpressionFuzzTestInputs}.
 */
class ExpressionFuzzTest {
  private static final Encoding[] ENCODINGS = {Encoding.AMD64_DWARF5, new Encoding(4, 4, 4),
      new Encoding(8, 8, 5), new Encoding(8, 4, 2)};
  private static final BaseType[] BASE_TYPES = {new BaseType(0x05, 4), new BaseType(0x07, 8),
      new BaseType(0x04, 8), new BaseType(0x04, 4), new BaseType(0x06, 1), new BaseType(0, 8),
      new BaseType(0x02, 1), new BaseType(0x08, 2)};

  @FuzzTest
  void evaluate(byte[] data) {
    if (data.length == 0) {
      return;
    }
    Expression expr = Expression.of(Arrays.copyOfRange(data, 1, data.length));
    Evaluation ev = new Evaluation(ENCODINGS[(data[0] & 0xff) % ENCODINGS.length]);
    try {
      EvalStep step = ev.evaluate(expr, 0x1000);
      while (!(step instanceof EvalStep.Done)) {
        step = answer(ev, step, expr);
      }
    } catch (ExpressionException expected) {
      // malformed or unsupported expressions are reported, which is all that is asked
    }
  }

  private static EvalStep answer(Evaluation ev, EvalStep step, Expression self) {
    if (step instanceof EvalStep.NeedsMemory m) {
      return ev.resumeWithMemory(m.address() * 31 + 7);
    } else if (step instanceof EvalStep.NeedsRegister r) {
      return ev.resumeWithRegister(0x7fff_0000L + r.register());
    } else if (step instanceof EvalStep.NeedsFrameBase) {
      return ev.resumeWithFrameBase(0x7ffe_0000L);
    } else if (step instanceof EvalStep.NeedsCfa) {
      return ev.resumeWithCfa(0x7ffe_1000L);
    } else if (step instanceof EvalStep.NeedsAddressIndex a) {
      return ev.resumeWithAddress(0x40_0000 + a.index() * 8);
    } else if (step instanceof EvalStep.NeedsTlsAddress t) {
      return ev.resumeWithTlsAddress(0x7000_0000L + t.offset());
    } else if (step instanceof EvalStep.NeedsObjectAddress) {
      return ev.resumeWithObjectAddress(0xc000_0000L);
    } else if (step instanceof EvalStep.NeedsEntryValue) {
      return ev.resumeWithEntryValue(42);
    } else if (step instanceof EvalStep.NeedsCallee) {
      return ev.resumeWithCallee(self);
    } else if (step instanceof EvalStep.NeedsBaseType t) {
      return ev.resumeWithBaseType(BASE_TYPES[(int) Long.remainderUnsigned(t.dieOffset(),
          BASE_TYPES.length)]);
    }
    throw new AssertionError("unexpected request " + step);
  }
}
