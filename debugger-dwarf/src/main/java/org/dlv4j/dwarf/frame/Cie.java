package org.dlv4j.dwarf.frame;

import java.util.Optional;

/**
 * A Common Information Entry (DWARF 5 §6.4.1; LSB "Exception Frames"): what the FDEs that
 * point to it share. Immutable.
 *
 * @param section the section the entry is in
 * @param offset the entry's offset in its section
 * @param version 1, 3 or 4
 * @param augmentation the augmentation string, e.g. {@code ""} or {@code "zR"}
 * @param addressSize the size of a target address in FDEs of this CIE
 * @param segmentSelectorSize the size of a segment selector (version 4), usually 0
 * @param codeAlignmentFactor the factor of {@code DW_CFA_advance_loc*} deltas
 * @param dataAlignmentFactor the factor of offsets in register rules
 * @param returnAddressRegister the column holding the return address
 * @param fdeEncoding the {@code DW_EH_PE_*} encoding of FDE addresses ('R'), else 0 (absptr)
 * @param lsdaEncoding the encoding of FDE LSDA pointers ('L'), else 0xff (omit)
 * @param personality the personality routine ('P')
 * @param signalFrame whether FDEs of this CIE describe signal frames ('S')
 * @param instructionsOffset the section offset of the initial instructions
 * @param instructionsLength the length of the initial instructions
 */
public record Cie(FrameSection.Kind section, long offset, int version, String augmentation,
    int addressSize, int segmentSelectorSize, long codeAlignmentFactor, long dataAlignmentFactor,
    int returnAddressRegister, int fdeEncoding, int lsdaEncoding,
    Optional<EncodedPointer> personality, boolean signalFrame, long instructionsOffset,
    int instructionsLength) {

  /**
   * Returns whether FDEs of this CIE carry augmentation data (the string starts with 'z').
   *
   * @return whether FDEs of this CIE carry augmentation data (the string starts with 'z')
   */
  public boolean hasAugmentationData() {
    return augmentation.startsWith("z");
  }
}
