package org.dlv4j.dwarf.expr;

import java.nio.ByteBuffer;

/**
 * Where (part of) an object lives, as described by a DWARF location description
 * (DWARF 5 §2.6): in target memory, in a register, nowhere but with a known value, or
 * nowhere at all.
 */
public sealed interface ValueLocation {
  /**
   * The object is in target memory (DWARF 5 §2.6.1.1.2).
   *
   * @param address the address of its first byte
   */
  record Memory(long address) implements ValueLocation {
    @Override
    public String toString() {
      return "Memory[0x" + Long.toHexString(address) + "]";
    }
  }

  /**
   * The object is in a register (DW_OP_reg*, DWARF 5 §2.6.1.1.3).
   *
   * @param register the DWARF register number
   */
  record Register(int register) implements ValueLocation {
  }

  /**
   * The object has no location but its value is this generic-type value (DW_OP_stack_value,
   * DWARF 5 §2.6.1.1.4), stored in the target's byte order (little-endian).
   *
   * @param value the value, zero-extended from the address size
   */
  record Value(long value) implements ValueLocation {
    @Override
    public String toString() {
      return "Value[0x" + Long.toHexString(value) + "]";
    }
  }

  /**
   * The object has no location but its bytes are given (DW_OP_implicit_value).
   *
   * @param bytes the object's bytes, a read-only view
   */
  record ImplicitValue(ByteBuffer bytes) implements ValueLocation {
    /**
     * Makes the view read-only and positioned at its first byte.
     *
     * @param bytes the object's bytes from position to limit
     */
    public ImplicitValue {
      bytes = bytes.slice().asReadOnlyBuffer();
    }

    /**
     * Returns a read-only view of the bytes positioned at 0.
     *
     * @return a new view, so callers may move its position
     */
    @Override
    public ByteBuffer bytes() {
      return bytes.duplicate();
    }
  }

  /**
   * The object is a pointer that was optimized away, to a known object
   * (DW_OP_implicit_pointer, DWARF 5 §2.6.1.1.4).
   *
   * @param dieOffset the .debug_info offset of the DIE of the object pointed to
   * @param byteOffset the offset into that object the pointer points to
   */
  record ImplicitPointer(long dieOffset, long byteOffset) implements ValueLocation {
  }

  /** The object, or this piece of it, was optimized away (DWARF 5 §2.6.1.1.1). */
  record Empty() implements ValueLocation {
  }
}
