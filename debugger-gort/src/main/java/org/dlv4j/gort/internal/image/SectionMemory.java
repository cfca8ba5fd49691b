package org.dlv4j.gort.internal.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dlv4j.gort.pclntab.ImageMemory;

/** An ELF file's loaded sections by address: the image the linker laid out. Thread-safe. */
final class SectionMemory implements ImageMemory {
  private final ImageSection[] sections;
  private final long[] starts;

  SectionMemory(List<ImageSection> all) {
    this.sections = all.stream()
        .filter(s -> s.address() != 0 && s.data().limit() > 0)
        .sorted(Comparator.comparingLong(ImageSection::address))
        .toArray(ImageSection[]::new);
    this.starts = new long[sections.length];
    for (int i = 0; i < sections.length; i++) {
      starts[i] = sections[i].address();
    }
  }

  @Override
  public Optional<ByteBuffer> bytesAt(long address) {
    int lo = 0;
    int hi = sections.length - 1;
    int found = -1;
    while (lo <= hi) { // last section starting at or below address
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= address) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || !sections[found].contains(address)) {
      return Optional.empty();
    }
    ImageSection s = sections[found];
    int from = (int) (address - s.address());
    return Optional.of(s.data().slice(from, s.data().limit() - from).order(ByteOrder.LITTLE_ENDIAN));
  }
}
