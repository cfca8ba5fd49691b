package org.dlv4j.dwarf.frame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Test-only stand-in for ElfFile until it lands: finds a section with {@code readelf -SW} and
 * reads its bytes from the file, inflating SHF_COMPRESSED zlib sections (Elf64_Chdr).
 */
final class TestElf {
  private static final Pattern SECTION = Pattern.compile(
      "\\[\\s*\\d+]\\s+(\\S+)\\s+\\S+\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+[0-9a-f]+\\s+(\\S*)");

  /** A section's address and (decompressed) bytes. */
  record Section(long address, ByteBuffer data) {
  }

  private TestElf() {
  }

  static Optional<Section> section(Path elf, String name) throws IOException {
    for (String line : Tools.run("readelf", "-SW", elf.toString()).split("\n")) {
      Matcher m = SECTION.matcher(line);
      if (m.find() && m.group(1).equals(name)) {
        long address = Long.parseUnsignedLong(m.group(2), 16);
        int offset = Integer.parseInt(m.group(3), 16);
        int size = Integer.parseInt(m.group(4), 16);
        byte[] raw = new byte[size];
        ByteBuffer.wrap(Files.readAllBytes(elf)).get(offset, raw);
        boolean compressed = m.group(5).contains("C");
        return Optional.of(new Section(address, ByteBuffer.wrap(compressed ? inflate(raw) : raw)));
      }
    }
    return Optional.empty();
  }

  /** Inflates an Elf64_Chdr (type 1 = zlib, size at +8, data at +24) compressed section. */
  private static byte[] inflate(byte[] raw) throws IOException {
    ByteBuffer header = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    if (header.getInt(0) != 1) {
      throw new IOException("not zlib-compressed");
    }
    Inflater inflater = new Inflater();
    inflater.setInput(raw, 24, raw.length - 24);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) header.getLong(8));
    byte[] chunk = new byte[65536];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && inflater.needsInput()) {
          throw new IOException("truncated zlib stream");
        }
        out.write(chunk, 0, n);
      }
    } catch (DataFormatException e) {
      throw new IOException(e);
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }
}
