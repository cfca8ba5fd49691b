package org.dlv4j.gort.internal.disasm;

/** Reads one architecture's part of a Capstone 4.0 {@code cs_detail} into {@link Facts}. */
interface DetailDecoder {
  /**
   * Decodes the facts of one instruction.
   *
   * @param mnemonic Capstone's mnemonic
   * @param detail the start of its {@code cs_detail}
   * @param address the instruction's address
   * @param size its length in bytes
   * @param out cleared facts to fill
   */
  void decode(String mnemonic, Detail detail, long address, int size, Facts out);
}
