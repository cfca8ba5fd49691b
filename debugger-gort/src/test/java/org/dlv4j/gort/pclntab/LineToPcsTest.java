package org.dlv4j.gort.pclntab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** file:line to pcs, checked against the instruction positions {@code go tool objdump} prints. */
class LineToPcsTest {
  private static final Pattern INSTRUCTION = Pattern.compile("  (\\S+):(\\d+)\\t+0x([0-9a-f]+)\\t.*");
  private static final List<String> FILES = List.of("main.go", "geometry.go");

  /**
   * For every line of the fixture's two files, the pcs must be exactly the first instructions of
   * the runs of consecutive instructions that objdump attributes to that line, in any function.
   */
  @ParameterizedTest
  @EnumSource(value = Binaries.class, names = {"SAMPLE", "SAMPLE_OPTIMIZED", "SAMPLE_ARM64", "SAMPLE_GO119"})
  void runsOfInstructionsPerLineAsObjdumpShowsThem(Binaries b) throws IOException {
    Pclntab tab = b.pclntab();
    Map<String, List<Long>> expected = runStarts(GoTools.objdump(b.path()));
    Path dir = GoBuild.testdataRoot().resolve("pclnsample");
    int lines = 0;
    int pcs = 0;
    for (String file : FILES) {
      assertEquals(1, tab.sourceFiles().stream().filter(f -> f.endsWith("/" + file)).count(),
          "objdump prints base names only; " + file + " must be unique");
      int count = Files.readAllLines(dir.resolve(file)).size();
      for (int line = 1; line <= count; line++) {
        long[] want = expected.getOrDefault(file + ":" + line, List.of()).stream()
            .mapToLong(Long::longValue).sorted().toArray();
        long[] got = tab.lineToPcs(dir.resolve(file).toString(), line);
        assertArrayEquals(want, got, file + ":" + line);
        lines += want.length > 0 ? 1 : 0;
        pcs += got.length;
      }
    }
    assertTrue(lines > 20 && pcs > 40, lines + " lines with code, " + pcs + " pcs");
  }

  @Test
  void unknownFilesAndLinesWithoutCodeGiveNoPcs() {
    Pclntab tab = Binaries.SAMPLE.pclntab();
    Path geometry = GoBuild.testdataRoot().resolve("pclnsample/geometry.go");
    assertEquals(0, tab.lineToPcs("/no/such/file.go", 10).length);
    assertEquals(0, tab.lineToPcs(geometry.toString(), 1).length); // "package main"
    assertEquals(0, tab.lineToPcs(geometry.toString(), 100_000).length);
  }

  @Test
  void eachPcMapsBackToItsLine() {
    Pclntab tab = Binaries.SAMPLE_OPTIMIZED.pclntab();
    PcLine row = new PcLine();
    for (String file : tab.sourceFiles()) {
      if (!file.contains("pclnsample")) {
        continue;
      }
      for (int line = 1; line < 120; line++) {
        for (long pc : tab.lineToPcs(file, line)) {
          assertTrue(tab.lookup(pc, row));
          assertEquals(file + ":" + line, row.file() + ":" + row.line());
        }
      }
    }
  }

  /** Parses objdump output into "base name:line" to the starts of runs of instructions. */
  private static Map<String, List<Long>> runStarts(String objdump) {
    Map<String, List<Long>> starts = new TreeMap<>();
    String previous = null;
    for (String text : objdump.split("\n")) {
      Matcher m = INSTRUCTION.matcher(text);
      if (!m.matches()) {
        previous = null; // a new TEXT block starts a new run
        continue;
      }
      String key = m.group(1) + ":" + m.group(2);
      if (!key.equals(previous)) {
        starts.computeIfAbsent(key, k -> new ArrayList<>()).add(Long.parseLong(m.group(3), 16));
      }
      previous = key;
    }
    return starts;
  }
}
