package org.dlv4j.dwarf.frame;

/**
 * A pointer read from {@code .eh_frame} augmentation data (a personality routine or an
 * LSDA). With {@code DW_EH_PE_indirect} the value is the address of a word in target memory
 * that holds the pointer, which only the caller can read.
 *
 * @param value the decoded pointer, or the address of the pointer if {@code indirect}
 * @param indirect whether {@code value} must be dereferenced in the target
 */
public record EncodedPointer(long value, boolean indirect) {
  @Override
  public String toString() {
    return (indirect ? "*0x" : "0x") + Long.toHexString(value);
  }
}
