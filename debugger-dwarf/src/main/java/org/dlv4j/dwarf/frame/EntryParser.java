package org.dlv4j.dwarf.frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * Reads the CIEs and FDEs of one section (DWARF 5 §6.4.1 and §7.24; LSB Core "Exception
 * Frames" for {@code .eh_frame}). Every entry is validated; the first malformed one stops the
 * scan with an exception naming the section and offset.
 */
final class EntryParser {
  private static final long CIE_ID_32 = 0xffff_ffffL;
  private static final long CIE_ID_64 = -1L;

  private final SectionReader s;
  private final Map<Long, Cie> cies = new HashMap<>();

  /** The framing of one entry: where it starts and ends, and its CIE id or CIE pointer. */
  private record Header(long start, long end, long idOffset, long id, boolean cie) {
  }

  EntryParser(SectionReader s) {
    this.s = s;
  }

  /** Returns every FDE of the section, in section order. */
  List<Fde> fdes() {
    List<Fde> out = new ArrayList<>();
    ByteCursor c = s.cursor();
    while (!c.atEnd()) {
      Optional<Header> h = header(c);
      if (h.isEmpty()) {
        if (s.eh) {
          break; // the zero terminator ends .eh_frame, as the runtime unwinders read it
        }
        continue;
      }
      Header header = h.get();
      if (header.cie()) {
        cies.computeIfAbsent(header.start(), k -> parseCie(c, header));
      } else {
        out.add(parseFde(c, header, cieFor(header)));
      }
      c.seek(header.end());
    }
    return out;
  }

  /**
   * Reads an entry's length and id and leaves {@code c} after them; empty for a zero-length
   * entry (a terminator or padding).
   */
  private Optional<Header> header(ByteCursor c) {
    long start = c.position();
    long length = c.u32();
    int offsetSize = 4;
    if (length == 0xffff_ffffL) {
      length = c.u64();
      offsetSize = 8;
    } else if (length >= 0xffff_fff0L) {
      throw s.error(String.format("reserved initial length 0x%x", length), start);
    }
    if (length == 0) {
      return Optional.empty();
    }
    int idSize = s.eh ? 4 : offsetSize;
    if (Long.compareUnsigned(length, c.remaining()) > 0 || length < idSize) {
      throw s.error(String.format("entry length 0x%x does not fit the 0x%x bytes left",
          length, c.remaining()), start);
    }
    long end = c.position() + length;
    long idOffset = c.position();
    long id = c.unsigned(idSize);
    boolean isCie = s.eh ? id == 0 : id == (idSize == 4 ? CIE_ID_32 : CIE_ID_64);
    return Optional.of(new Header(start, end, idOffset, id, isCie));
  }

  private Cie cieFor(Header fde) {
    long offset = s.eh ? fde.idOffset() - fde.id() : fde.id();
    if (offset == fde.start()) {
      throw s.error("the CIE pointer of this FDE points to the FDE itself", fde.start());
    }
    Cie cached = cies.get(offset);
    if (cached != null) {
      return cached;
    }
    if (offset < 0 || offset >= s.section.data().limit()) {
      throw s.error(String.format("CIE pointer 0x%x is outside the section", offset), fde.start());
    }
    ByteCursor c = s.cursor().seek(offset);
    Header target = header(c).filter(Header::cie).orElseThrow(() -> s.error(String.format(
        "the CIE pointer of this FDE points to 0x%x, which is not a CIE", offset), fde.start()));
    Cie cie = parseCie(c, target);
    cies.put(offset, cie);
    return cie;
  }

  private Cie parseCie(ByteCursor c, Header h) {
    int version = c.u8();
    if (version != 1 && version != 3 && (version != 4 || s.eh)) {
      throw s.error("unsupported CIE version " + version, h.start());
    }
    String augmentation = c.cstring();
    within(c, h, "CIE");
    int addressSize = s.section.addressSize();
    int segmentSize = 0;
    if (version == 4) {
      addressSize = c.u8();
      segmentSize = c.u8();
      if ((addressSize != 4 && addressSize != 8) || segmentSize > 8) {
        throw s.error("unsupported address size " + addressSize + " or segment selector size "
            + segmentSize, h.start());
      }
    }
    if (augmentation.startsWith("eh")) {
      c.skip(addressSize); // the pre-'z' GCC "eh" augmentation: an exception table pointer
    }
    long codeAlignment = c.uleb();
    long dataAlignment = c.sleb();
    int returnAddress = version == 1 ? c.u8() : c.ulebInt();
    Augmentation aug = augmentation.startsWith("z")
        ? zAugmentation(c, h, augmentation, addressSize)
        : letterAugmentation(augmentation, h);
    within(c, h, "CIE");
    return new Cie(s.section.kind(), h.start(), version, augmentation, addressSize, segmentSize,
        codeAlignment, dataAlignment, returnAddress, aug.fdeEncoding, aug.lsdaEncoding,
        aug.personality, aug.signalFrame, c.position(), (int) (h.end() - c.position()));
  }

  /** What the augmentation of a CIE says about its FDEs. */
  private static final class Augmentation {
    int fdeEncoding = Pointers.ABSPTR;
    int lsdaEncoding = Pointers.OMIT;
    Optional<EncodedPointer> personality = Optional.empty();
    boolean signalFrame;
  }

  /** Reads 'z'-style augmentation data; letters after an unknown one are skipped by length. */
  private Augmentation zAugmentation(ByteCursor c, Header h, String augmentation, int addressSize) {
    long dataEnd = dataEnd(c, h);
    Augmentation aug = new Augmentation();
    for (int i = 1; i < augmentation.length(); i++) {
      char letter = augmentation.charAt(i);
      if (letter == 'L') {
        aug.lsdaEncoding = Pointers.readEncoding(c);
      } else if (letter == 'R') {
        int at = c.position();
        aug.fdeEncoding = Pointers.readEncoding(c);
        if (aug.fdeEncoding == Pointers.OMIT || (aug.fdeEncoding & Pointers.INDIRECT) != 0) {
          throw s.error(String.format("unusable FDE pointer encoding 0x%02x", aug.fdeEncoding), at);
        }
      } else if (letter == 'P') {
        int encoding = Pointers.readEncoding(c);
        long value = Pointers.read(c, encoding, s, addressSize, OptionalLong.empty());
        boolean indirect = (encoding & Pointers.INDIRECT) != 0;
        aug.personality = Optional.of(new EncodedPointer(value, indirect));
      } else if (letter == 'S') {
        aug.signalFrame = true;
      } else if (letter != 'B' && letter != 'G') {
        break; // unknown letter: its data, and that of later letters, is skipped below
      }
    }
    if (c.position() > dataEnd) {
      throw s.error("augmentation data longer than its length", h.start());
    }
    c.seek(dataEnd);
    return aug;
  }

  /** Augmentations without 'z' may only hold letters that carry no data. */
  private Augmentation letterAugmentation(String augmentation, Header h) {
    Augmentation aug = new Augmentation();
    String letters = augmentation.startsWith("eh") ? augmentation.substring(2) : augmentation;
    for (char letter : letters.toCharArray()) {
      if (letter == 'S') {
        aug.signalFrame = true;
      } else if (letter != 'B' && letter != 'G') {
        throw s.error("unknown augmentation \"" + augmentation + "\"", h.start());
      }
    }
    return aug;
  }

  private Fde parseFde(ByteCursor c, Header h, Cie cie) {
    c.skip(cie.segmentSelectorSize());
    int encoding = cie.fdeEncoding();
    long start = Pointers.read(c, encoding, s, cie.addressSize(), OptionalLong.empty());
    long range = Pointers.read(c, encoding & 0x0f, s, cie.addressSize(), OptionalLong.empty());
    if (Long.compareUnsigned(start + range, start) < 0) {
      throw s.error(String.format("address range 0x%x at 0x%x wraps around", range, start),
          h.start());
    }
    Optional<EncodedPointer> lsda = Optional.empty();
    if (cie.hasAugmentationData()) {
      long dataEnd = dataEnd(c, h);
      if (cie.lsdaEncoding() != Pointers.OMIT && c.position() < dataEnd) {
        long value = Pointers.read(c, cie.lsdaEncoding(), s, cie.addressSize(),
            OptionalLong.of(start));
        boolean indirect = (cie.lsdaEncoding() & Pointers.INDIRECT) != 0;
        lsda = Optional.of(new EncodedPointer(value, indirect));
      }
      if (c.position() > dataEnd) {
        throw s.error("augmentation data longer than its length", h.start());
      }
      c.seek(dataEnd);
    }
    within(c, h, "FDE");
    return new Fde(h.start(), cie, start, range, lsda, c.position(),
        (int) (h.end() - c.position()));
  }

  /** Reads an augmentation data length and returns where the data ends. */
  private long dataEnd(ByteCursor c, Header h) {
    long length = c.uleb();
    long left = h.end() - c.position();
    if (left < 0 || Long.compareUnsigned(length, left) > 0) {
      throw s.error(String.format("augmentation data length 0x%x exceeds the entry", length),
          h.start());
    }
    return c.position() + length;
  }

  private void within(ByteCursor c, Header h, String what) {
    if (c.position() > h.end()) {
      throw s.error(what + " header runs past the entry's length", h.start());
    }
  }
}
