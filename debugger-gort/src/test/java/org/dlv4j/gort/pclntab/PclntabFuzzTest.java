package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the pclntab reader: any bytes as the table (and as the image the inline trees are read
 * from, mapped at gofunc) must parse and answer lookups, or fail with a BinaryFormatException.
 * In the normal build this runs the seeds in {@code PclntabFuzzTestInputs}: the two tables of
 * {@link PclntabDecodeTest#sample(PclntabFormat, int)}, each followed by its inline tree at the
 * next 16-byte boundary, which is where the table says the tree is. Run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class PclntabFuzzTest {
  @Test
  void seedsAreValidTablesWithInlineTrees() throws IOException {
    for (String seed : new String[] {"sample-go118", "sample-go120"}) {
      try (InputStream in = getClass().getResourceAsStream("PclntabFuzzTestInputs/parseAndLookUp/" + seed)) {
        byte[] data = in.readAllBytes();
        Pclntab tab = Pclntab.parse(ByteBuffer.wrap(data), PclntabDecodeTest.TEXT, PclntabDecodeTest.GOFUNC,
            memory(data));
        assertEquals(2, tab.inlinedCalls(PclntabDecodeTest.TEXT + 0x25).size(), seed);
      }
    }
  }

  @FuzzTest(maxDuration = "2m")
  void parseAndLookUp(byte[] data) {
    try {
      Pclntab tab = Pclntab.parse(ByteBuffer.wrap(data), PclntabDecodeTest.TEXT, PclntabDecodeTest.GOFUNC,
          memory(data));
      Exercise.all(tab, 64);
    } catch (BinaryFormatException expected) {
      // malformed input, reported properly
    }
  }

  /** Maps {@code data} at gofunc. */
  private static ImageMemory memory(byte[] data) {
    ByteBuffer bytes = ByteBuffer.wrap(data);
    long base = PclntabDecodeTest.GOFUNC;
    return address -> address >= base && address - base < data.length
        ? Optional.of(bytes.slice((int) (address - base), (int) (data.length - (address - base))))
        : Optional.empty();
  }
}
