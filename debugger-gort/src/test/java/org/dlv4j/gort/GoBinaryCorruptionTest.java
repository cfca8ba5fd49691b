package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bit flips in the tables GoBinary reads (pclntab, build info, uncompressed DWARF) give answers
 * or a DebuggerException from every method, never another exception, a hang or an unbounded
 * allocation.
 */
class GoBinaryCorruptionTest {
  /** DWARF 5 (Go 1.25+) has loclists, rnglists and addr; DWARF 4 (before) has loc and ranges. */
  private static final List<String> TABLES = List.of(".gopclntab", ".go.buildinfo", ".debug_info",
      ".debug_abbrev", ".debug_line", ".debug_loclists", ".debug_rnglists", ".debug_addr",
      ".debug_loc", ".debug_ranges");

  @Test
  void bitFlipsGiveAnswersOrDebuggerExceptions(@TempDir Path dir) throws IOException {
    Path original = GoBuild.fixture("gobinary").flags("-ldflags=-compressdwarf=false").build();
    byte[] bytes = Files.readAllBytes(original);
    List<Section> regions = new ArrayList<>();
    try (ElfFile elf = ElfFile.open(original)) {
      for (String name : TABLES) {
        elf.section(name).filter(s -> !s.isCompressed() && s.size() > 0).ifPresent(regions::add);
      }
    }
    assertTrue(regions.size() >= 6, "tables found: " + regions);
    SplittableRandom random = new SplittableRandom(7);
    int failures = 0;
    for (int round = 0; round < 48; round++) {
      Section s = regions.get(round % regions.size());
      byte[] copy = bytes.clone();
      for (int k = 0; k < 1 + round % 8; k++) {
        int at = (int) (s.offset() + random.nextLong(s.size()));
        copy[at] ^= (byte) (1 << random.nextInt(8));
      }
      Path mutant = dir.resolve("mutant-" + round);
      Files.write(mutant, copy);
      failures += assertTimeoutPreemptively(Duration.ofSeconds(20), () -> exercise(mutant), s.name() + " round " + round);
      Files.delete(mutant);
    }
    assertTrue(failures < 48, "every mutant failed: the test no longer reaches the lookups");
  }

  /** Asks everything; returns 1 if a DebuggerException was thrown, else 0. */
  private static int exercise(Path binary) {
    try (GoBinary bin = GoBinary.open(binary)) {
      bin.goVersion();
      for (FuncInfo fn : bin.functions()) {
        bin.pcToLocation(fn.entry());
        bin.pcToLocation(fn.end() - 1);
        bin.firstPcAfterPrologue(fn);
      }
      for (String file : bin.sources()) {
        bin.lineToPCs(file, 27);
      }
      bin.function("main.describe");
      bin.type("main.Config");
      bin.type("*main.Config");
      bin.packageVariable("main.Counter");
      bin.packageVariable("os.Args");
      return 0;
    } catch (DebuggerException e) {
      return 1;
    }
  }
}
