package org.dlv4j.dwarf.frame;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.dwarf.constants.DwCfa;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Executes call frame instructions (DWARF 5 §6.4.2) up to a pc, building one row of the
 * table in an {@link UnwindContext}. Instructions only move forward through a bounded byte
 * range, so execution always ends. One interpreter belongs to one context and allocates
 * nothing per lookup.
 */
final class CfaInterpreter {
  private final UnwindContext ctx;
  private SectionReader s;
  private ByteCursor c;
  private Cie cie;
  /** The FDE whose instructions run, or null while the CIE's initial instructions run. */
  private Fde fde;
  private UnwindRow row;
  private long pc;
  private long loc;
  private int opcode;
  private int opOffset;
  /** The last exception this interpreter made, to tell it from the cursor's own. */
  private BinaryFormatException raised;

  CfaInterpreter(UnwindContext ctx) {
    this.ctx = ctx;
  }

  /** Fills {@code ctx.row} with the row of {@code fde} that contains {@code pc}. */
  void fill(SectionReader section, Fde entry, long target) {
    s = section;
    c = ctx.cursor(section);
    cie = entry.cie();
    pc = target;
    ByteBuffer data = section.section.data();
    if (ctx.initialCie != cie) {
      ctx.initialCie = null;
      ctx.initial.reset(entry, data);
      run(null, ctx.initial, cie.instructionsOffset(), cie.instructionsLength());
      ctx.initialCie = cie;
    }
    UnwindRow r = ctx.row;
    r.reset(entry, data);
    r.copyRules(ctx.initial);
    r.start = entry.initialLocation();
    r.end = entry.endLocation();
    run(entry, r, entry.instructionsOffset(), entry.instructionsLength());
    if (!r.cfaDefined()) {
      throw s.error("no CFA rule for pc 0x" + Long.toHexString(pc) + " (" + where() + ")",
          entry.offset());
    }
  }

  private void run(Fde entry, UnwindRow target, long offset, int length) {
    fde = entry;
    row = target;
    loc = entry == null ? 0 : entry.initialLocation();
    ctx.clearRemembered();
    long end = offset + length;
    c.seek(offset);
    try {
      while (c.position() < end) {
        opOffset = c.position();
        int b = c.u8();
        opcode = b & 0xc0;
        boolean stop;
        switch (opcode) {
          case 0x40: stop = advance(loc + (b & 0x3f) * cie.codeAlignmentFactor()); break;
          case 0x80: stop = rule(b & 0x3f, UnwindRow.OFFSET, factored(c.uleb()), 0); break;
          case 0xc0: stop = restore(b & 0x3f); break;
          default:
            opcode = b;
            stop = extended();
        }
        if (c.position() > end) {
          throw fail("operands run past the end of the entry");
        }
        if (stop) {
          return;
        }
      }
    } catch (BinaryFormatException e) {
      if (e == raised) {
        throw e;
      }
      String suffix = " in " + e.where() + " at 0x" + Long.toHexString(e.offset());
      String detail = e.getMessage().endsWith(suffix)
          ? e.getMessage().substring(0, e.getMessage().length() - suffix.length())
          : e.getMessage();
      throw new BinaryFormatException(new DwCfa(opcode) + ": bad operand (" + where() + "): "
          + detail, e.where(), opOffset, e);
    }
  }

  /** Executes an instruction without operands in its opcode byte; true to stop. */
  private boolean extended() {
    switch (opcode) {
      case 0x00: return false; // nop
      case 0x01: return setLoc(); // set_loc
      case 0x02: return advance(loc + c.u8() * cie.codeAlignmentFactor()); // advance_loc1
      case 0x03: return advance(loc + c.u16() * cie.codeAlignmentFactor()); // advance_loc2
      case 0x04: return advance(loc + c.u32() * cie.codeAlignmentFactor()); // advance_loc4
      case 0x1d: return advance(loc + c.u64() * cie.codeAlignmentFactor()); // MIPS_advance_loc8
      case 0x05: // offset_extended
        return rule(register(), UnwindRow.OFFSET, factored(c.uleb()), 0);
      case 0x11: // offset_extended_sf
        return rule(register(), UnwindRow.OFFSET, factored(c.sleb()), 0);
      case 0x2f: // GNU_negative_offset_extended
        return rule(register(), UnwindRow.OFFSET, -factored(c.uleb()), 0);
      case 0x14: return rule(register(), UnwindRow.VAL_OFFSET, factored(c.uleb()), 0); // val_offset
      case 0x15: // val_offset_sf
        return rule(register(), UnwindRow.VAL_OFFSET, factored(c.sleb()), 0);
      case 0x06: return restore(register()); // restore_extended
      case 0x07: return rule(register(), UnwindRow.UNDEFINED, 0, 0); // undefined
      case 0x08: return rule(register(), UnwindRow.SAME_VALUE, 0, 0); // same_value
      case 0x09: return rule(register(), UnwindRow.REGISTER, register(), 0); // register
      case 0x10: return expressionRule(UnwindRow.EXPRESSION); // expression
      case 0x16: return expressionRule(UnwindRow.VAL_EXPRESSION); // val_expression
      case 0x0a: // remember_state
        return check(ctx.remember(row), "nested more than " + UnwindContext.MAX_REMEMBERED
            + " deep");
      case 0x0b: return check(ctx.restore(row), "no state was remembered"); // restore_state
      case 0x0c: row.setCfa(register(), c.uleb()); return false; // def_cfa
      case 0x12: row.setCfa(register(), factored(c.sleb())); return false; // def_cfa_sf
      case 0x0d: // def_cfa_register
        int register = register();
        requireRegisterCfa();
        row.setCfaRegister(register);
        return false;
      case 0x0e: return cfaOffset(c.uleb()); // def_cfa_offset
      case 0x13: return cfaOffset(factored(c.sleb())); // def_cfa_offset_sf
      case 0x0f: // def_cfa_expression
        int length = c.ulebInt();
        row.setCfaExpression(c.position(), length);
        c.skip(length);
        return false;
      case 0x2e: row.argsSize = c.uleb(); return false; // GNU_args_size
      case 0x2d: // GNU_window_save, which is AARCH64_negate_ra_state on AArch64
        row.returnAddressSigned = !row.returnAddressSigned;
        return false;
      default: throw fail("unknown call frame instruction");
    }
  }

  private boolean setLoc() {
    int encoding = s.eh ? cie.fdeEncoding() : Pointers.ABSPTR;
    OptionalLong function =
        fde == null ? OptionalLong.empty() : OptionalLong.of(fde.initialLocation());
    long target = Pointers.read(c, encoding, s, cie.addressSize(), function);
    if (fde != null && Long.compareUnsigned(target, loc) < 0) {
      throw fail("moves the location backwards to 0x" + Long.toHexString(target));
    }
    return advance(target);
  }

  /** Moves to a new row at {@code next}; true when that row starts after the pc. */
  private boolean advance(long next) {
    if (fde == null) {
      throw fail("not allowed in a CIE");
    }
    if (Long.compareUnsigned(next, pc) > 0) {
      row.end = Long.compareUnsigned(next, fde.endLocation()) < 0 ? next : fde.endLocation();
      return true;
    }
    loc = next;
    row.start = next;
    return false;
  }

  private boolean rule(int register, byte kind, long value, int length) {
    return check(row.setRule(register, kind, value, length), "more than "
        + UnwindRow.MAX_RULES + " registers have rules");
  }

  private boolean restore(int register) {
    if (fde == null) {
      throw fail("not allowed in a CIE");
    }
    return check(row.restoreRule(register, ctx.initial), "more than "
        + UnwindRow.MAX_RULES + " registers have rules");
  }

  private boolean expressionRule(byte kind) {
    int register = register();
    int length = c.ulebInt();
    long offset = c.position();
    c.skip(length);
    return rule(register, kind, offset, length);
  }

  private boolean cfaOffset(long offset) {
    requireRegisterCfa();
    row.setCfaOffset(offset);
    return false;
  }

  private void requireRegisterCfa() {
    if (!row.cfaIsRegisterOffset()) {
      throw fail("needs a register-and-offset CFA rule");
    }
  }

  private int register() {
    return c.ulebInt();
  }

  private long factored(long offset) {
    return offset * cie.dataAlignmentFactor();
  }

  private boolean check(boolean ok, String detail) {
    if (!ok) {
      throw fail(detail);
    }
    return false;
  }

  private String where() {
    return fde != null ? String.format("FDE at 0x%x", fde.offset())
        : String.format("CIE at 0x%x", cie.offset());
  }

  private BinaryFormatException fail(String detail) {
    raised = s.error(new DwCfa(opcode) + ": " + detail + " (" + where() + ")", opOffset);
    return raised;
  }
}
