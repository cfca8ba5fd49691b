package org.dlv4j.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dlv4j.api.DebuggerException;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link ElfFile} over arbitrary bytes: anything but a {@link DebuggerException} is a
 * bug. In the normal build Jazzer runs only the seeds in
 * {@code src/test/resources/org/dlv4j/elf/ElfFuzzTestInputs/fuzz/} (regression mode); run
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ElfFuzzTest} to fuzz. The seeds are small hand-made
 * files from {@link ElfSamples}; {@code -Dfuzz.seeds.update=true} rewrites them.
 */
class ElfFuzzTest {
  private static final Path SEEDS =
      Paths.get("src/test/resources/org/dlv4j/elf/ElfFuzzTestInputs/fuzz");

  @FuzzTest
  void fuzz(byte[] data) {
    try {
      ElfSamples.touchAll(ElfFile.of(ByteBuffer.wrap(data), "fuzz"));
    } catch (DebuggerException expected) {
      // malformed input, reported properly
    }
  }

  @Test
  void seedsAreCurrent() throws IOException {
    for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
      Path file = SEEDS.resolve(seed.getKey());
      if (Boolean.getBoolean("fuzz.seeds.update")) {
        Files.createDirectories(SEEDS);
        Files.write(file, seed.getValue());
      }
      assertArrayEquals(seed.getValue(), Files.readAllBytes(file), file.toString());
      ElfSamples.touchAll(ElfFile.of(ByteBuffer.wrap(seed.getValue()), seed.getKey()));
    }
  }

  private static Map<String, byte[]> seeds() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("full.elf", ElfSamples.full().build());

    byte[] noSections = ElfSamples.full().build();
    ByteBuffer.wrap(noSections).order(ByteOrder.LITTLE_ENDIAN).putLong(0x28, 0)
        .putShort(0x3c, (short) 0).putShort(0x3e, (short) 0);
    seeds.put("segments-only.elf", noSections);

    ElfBuilder ext = ElfSamples.full();
    byte[] extended = ext.build();
    ByteBuffer b = ByteBuffer.wrap(extended).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(ext.shoff + 0x20, b.getShort(0x3c)).putInt(ext.shoff + 0x28, b.getShort(0x3e));
    b.putShort(0x3c, (short) 0).putShort(0x3e, (short) 0xffff);
    seeds.put("extended-numbering.elf", extended);

    ElfBuilder minimal = new ElfBuilder();
    minimal.section(".text", Section.SHT_PROGBITS, Section.SHF_ALLOC | Section.SHF_EXECINSTR,
        0x401000, new byte[] {(byte) 0xc3});
    seeds.put("minimal.elf", minimal.build());

    ElfBuilder arm = new ElfBuilder();
    arm.machine = ElfFile.EM_AARCH64;
    arm.fileType = ElfFile.ET_DYN;
    arm.section(".debug_str", Section.SHT_PROGBITS, Section.SHF_COMPRESSED, 0,
        ElfBuilder.chdr(2, ElfSamples.LINE.length, ElfBuilder.zstd(ElfSamples.LINE)));
    arm.symtab(new ElfBuilder.Sym("main.main", 0x10000, 16, Symbol.STT_FUNC, Symbol.STB_GLOBAL, 1));
    seeds.put("arm64-zstd.elf", arm.build());
    return seeds;
  }
}
