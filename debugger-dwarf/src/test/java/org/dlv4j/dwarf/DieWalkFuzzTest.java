package org.dlv4j.dwarf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.dlv4j.api.BinaryFormatException;

/**
 * Fuzzes the DIE walk: the input holds one {@code .debug_info} and one {@code .debug_abbrev}
 * (and bytes that stand in for every other debug section); every unit is walked and every
 * attribute, range list and location decoded, then the index built. Malformed input may only
 * throw {@link BinaryFormatException}; anything else, a hang or an OOM is a bug. Runs the seeds
 * under {@code DieWalkFuzzTestInputs/walk} in the normal build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DieWalkFuzzTest {
  /**
   * Input layout: u16 info length, u16 abbrev length (little-endian), the info bytes, the
   * abbrev bytes, and the rest, used for all other sections.
   */
  static byte[] encode(byte[] info, byte[] abbrev, byte[] rest) {
    ByteBuffer b = ByteBuffer.allocate(4 + info.length + abbrev.length + rest.length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    return b.putShort((short) info.length).putShort((short) abbrev.length).put(info).put(abbrev).put(rest)
        .array();
  }

  @FuzzTest(maxDuration = "30s")
  void walk(byte[] data) {
    if (data.length < 4) {
      return;
    }
    int infoLength = Math.min((data[0] & 0xff) | (data[1] & 0xff) << 8, data.length - 4);
    int abbrevLength = Math.min((data[2] & 0xff) | (data[3] & 0xff) << 8, data.length - 4 - infoLength);
    byte[] info = Arrays.copyOfRange(data, 4, 4 + infoLength);
    byte[] abbrev = Arrays.copyOfRange(data, 4 + infoLength, 4 + infoLength + abbrevLength);
    byte[] rest = Arrays.copyOfRange(data, 4 + infoLength + abbrevLength, data.length);
    Dwarf dwarf = Dwarf.load(id -> Optional.of(ByteBuffer.wrap(switch (id) {
      case DEBUG_INFO -> info;
      case DEBUG_ABBREV -> abbrev;
      default -> rest;
    })), "fuzz");
    for (Unit unit : dwarf.units()) {
      walkUnit(unit);
    }
    dwarf.index();
  }

  private static void walkUnit(Unit unit) {
    try {
      DieCursor c = unit.cursor();
      while (c.nextDfs()) {
        Die d = c.die();
        for (int i = 0; i < d.attributeCount(); i++) {
          decode(d, i);
        }
        if (d.depth() > 2) {
          c.skipChildren();
        }
      }
    } catch (BinaryFormatException expected) {
      // malformed DIE stream: the unit ends here
    }
  }

  private static void decode(Die d, int i) {
    try {
      d.valueAt(i);
      d.location(d.attributeAt(i)).ifPresent(l -> l.expressionAt(0x1000));
      d.ranges();
    } catch (BinaryFormatException expected) {
      // a malformed value or list; the next attribute may still be fine
    }
  }
}
