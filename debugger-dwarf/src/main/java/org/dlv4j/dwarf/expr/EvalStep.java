package org.dlv4j.dwarf.expr;

import java.util.List;
import java.util.OptionalLong;

/**
 * What an {@link Evaluation} needs next: either a fact about the target that only the caller
 * can supply, after which the caller resumes with the matching {@code resumeWith...} method,
 * or the final result. The evaluator itself never reads memory or registers.
 */
public sealed interface EvalStep {
  /**
   * Read {@code size} bytes of target memory at {@code address} and resume with
   * {@link Evaluation#resumeWithMemory(long)}, passing them as a little-endian unsigned value.
   *
   * @param address the address to read
   * @param size the number of bytes, 1 to the address size
   */
  record NeedsMemory(long address, int size) implements EvalStep {
  }

  /**
   * Resume with the value of a register ({@link Evaluation#resumeWithRegister(long)}).
   *
   * @param register the DWARF register number
   */
  record NeedsRegister(int register) implements EvalStep {
  }

  /**
   * Resume with the frame base, the value of the function's {@code DW_AT_frame_base}
   * ({@link Evaluation#resumeWithFrameBase(long)}); needed by {@code DW_OP_fbreg}.
   */
  record NeedsFrameBase() implements EvalStep {
  }

  /**
   * Resume with the canonical frame address of the current frame
   * ({@link Evaluation#resumeWithCfa(long)}); needed by {@code DW_OP_call_frame_cfa}.
   */
  record NeedsCfa() implements EvalStep {
  }

  /**
   * Resume with entry {@code index} of the unit's {@code .debug_addr} table, i.e. the value at
   * {@code DW_AT_addr_base + index * addressSize} ({@link Evaluation#resumeWithAddress(long)});
   * needed by {@code DW_OP_addrx} and {@code DW_OP_constx}.
   *
   * @param index the index into the table
   */
  record NeedsAddressIndex(long index) implements EvalStep {
  }

  /**
   * Resume with the address of the thread-local variable at {@code offset} in the module's TLS
   * block for the current thread ({@link Evaluation#resumeWithTlsAddress(long)});
   * needed by {@code DW_OP_form_tls_address} and {@code DW_OP_GNU_push_tls_address}.
   *
   * @param offset the TLS offset the expression computed
   */
  record NeedsTlsAddress(long offset) implements EvalStep {
  }

  /**
   * Resume with the address of the object being described
   * ({@link Evaluation#resumeWithObjectAddress(long)}); needed by
   * {@code DW_OP_push_object_address}.
   */
  record NeedsObjectAddress() implements EvalStep {
  }

  /**
   * Evaluate {@code expression} as of the entry to the current function (in the caller's
   * frame, DWARF 5 §2.5.1.7) and resume with its value
   * ({@link Evaluation#resumeWithEntryValue(long)}).
   *
   * @param expression the expression to evaluate at entry, usually a single {@code DW_OP_reg*}
   */
  record NeedsEntryValue(Expression expression) implements EvalStep {
  }

  /**
   * Resume with the {@code DW_AT_location} expression of the DIE at {@code dieOffset}, or the
   * empty expression if it has none ({@link Evaluation#resumeWithCallee(Expression)});
   * needed by {@code DW_OP_call2}, {@code DW_OP_call4} and {@code DW_OP_call_ref}.
   *
   * @param dieOffset the DIE's offset
   * @param unitRelative whether the offset is relative to the current unit (call2, call4)
   *     rather than to {@code .debug_info} (call_ref)
   */
  record NeedsCallee(long dieOffset, boolean unitRelative) implements EvalStep {
  }

  /**
   * Resume with the encoding and size of the {@code DW_TAG_base_type} DIE at
   * {@code dieOffset} ({@link Evaluation#resumeWithBaseType(BaseType)}); needed by the typed
   * operations {@code DW_OP_const_type}, {@code regval_type}, {@code deref_type},
   * {@code convert} and {@code reinterpret}.
   *
   * @param dieOffset the DIE's offset relative to the start of the current unit
   */
  record NeedsBaseType(long dieOffset) implements EvalStep {
  }

  /**
   * The evaluation finished.
   *
   * @param pieces the location, as one piece without a size for a simple location
   *     description, or the pieces of a composite one in order
   */
  record Done(List<Piece> pieces) implements EvalStep {
    /**
     * Makes the list immutable.
     *
     * @param pieces the pieces of the location, in order
     */
    public Done {
      pieces = List.copyOf(pieces);
    }

    /**
     * Returns the address, if the result is a single memory location: the usual result of
     * a {@code DW_AT_frame_base} or {@code DW_AT_data_member_location} expression.
     *
     * @return the address, or empty for any other result
     */
    public OptionalLong address() {
      if (pieces.size() == 1 && pieces.get(0).location() instanceof ValueLocation.Memory m) {
        return OptionalLong.of(m.address());
      }
      return OptionalLong.empty();
    }
  }
}
