package org.dlv4j.examples.addr2line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.dlv4j.elf.ElfFile;
import org.dlv4j.elf.Section;
import org.dlv4j.gort.GoBinary;
import org.dlv4j.gort.pclntab.FuncInfo;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example prints exactly what {@code go tool addr2line} prints, byte for byte, for the same input. */
class Addr2lineTest {

  /** Every function's entry and last byte, in the fixtures with and without optimization. */
  @ParameterizedTest
  @ValueSource(strings = {"hello", "pclnsample", "pclnsample-optimized"})
  void everyFunctionEntryAgrees(String fixture) {
    GoBuild build = fixture.endsWith("-optimized")
        ? GoBuild.fixture(fixture.substring(0, fixture.indexOf('-'))).optimized()
        : GoBuild.fixture(fixture);
    Path binary = build.build();
    StringBuilder in = new StringBuilder();
    try (GoBinary bin = GoBinary.open(binary)) {
      for (FuncInfo fn : bin.functions()) {
        in.append(Long.toHexString(fn.entry())).append('\n');
        in.append("0x").append(Long.toHexString(fn.end() - 1)).append('\n');
      }
    }
    assertSameOutput(binary, in.toString(), 2 * 1000);
  }

  /** 20,000 pcs drawn with a fixed seed from cmd/go's .text, padding between functions included. */
  @Test
  void randomPcsInCmdGoAgree() {
    Path gocmd = GoBuild.goPackage("cmd/go").build();
    Section text;
    try (ElfFile elf = ElfFile.open(gocmd)) {
      text = elf.section(".text").orElseThrow();
    }
    SplittableRandom random = new SplittableRandom(20_000);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      long pc = random.nextLong(text.address(), text.address() + text.size());
      in.append(i % 2 == 0 ? "0x" : "").append(Long.toHexString(pc)).append('\n');
    }
    assertSameOutput(gocmd, in.toString(), 20_000);
  }

  /**
   * Lines that are not addresses, addresses outside every function, the linker's markers
   * without line tables, CRLF endings, a last line without a newline, and a line too long for
   * Go's scanner, which ends the input.
   */
  @Test
  void junkAndUnknownPcsAgree() {
    Path hello = GoBuild.fixture("hello").build();
    List<String> lines = new ArrayList<>(List.of("", "zz", "0x", "0X401000", "0x0x401000", ":", "a:b",
        "401000:", "0", "1", "401000", "  401000", "401000 ", "\t", "+401000", "-1", "401_000", "é",
        "401000\r", "401000\r\r", "ffffffffffffffff", "ffffffffffffffffff", "fffffffffffffffffz",
        "zfffffffffffffffff", "0xFFFFFFFFFFFFFFFF", "10000000000000000", "0x400fff"));
    try (GoBinary bin = GoBinary.open(hello)) {
      List<FuncInfo> all = bin.functions();
      FuncInfo last = all.get(all.size() - 1);
      lines.add(Long.toHexString(last.end()));
      lines.add(Long.toHexString(last.end() - 1));
      for (FuncInfo fn : all) {
        if (fn.pcln() == 0 || fn.name().startsWith("go:")) { // linker markers: debug/gosym reads garbage
          lines.add(Long.toHexString(fn.entry()));
          lines.add(Long.toHexString(fn.end() - 1));
        }
      }
    }
    String in = String.join("\n", lines) + "\n"
        + "4".repeat(LineScanner.MAX_LINE - 1) + "\n" // the longest line Go's scanner accepts
        + "401000\n"
        + "5".repeat(LineScanner.MAX_LINE) + "\n" // one byte more: the input ends here
        + "401000\n401001";
    assertSameOutput(hello, in, lines.size());
    assertSameOutput(hello, "401000\n401001", 2); // a last line without a newline
    assertSameOutput(hello, "", 0);
  }

  @Test
  void parsesAddressesAsStrconvParseUintDoes() {
    assertEquals(0x401000L, parse("401000"));
    assertEquals(0x401000L, parse("0x401000"));
    assertEquals(0xabcdefL, parse("AbCdEf"));
    assertEquals(0L, parse(""));
    assertEquals(0L, parse("0x"));
    assertEquals(0L, parse("0X1"));
    assertEquals(0L, parse("1_0"));
    assertEquals(0L, parse("g"));
    assertEquals(-1L, parse("ffffffffffffffff"));
    assertEquals(-1L, parse("10000000000000000"), "overflow gives all ones");
    assertEquals(-1L, parse("fffffffffffffffffz"), "overflow is noticed before the later syntax error");
    assertEquals(0L, parse("zfffffffffffffffff"));
  }

  private static long parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Addr2line.parseAddress(b, 0, b.length);
  }

  private static void assertSameOutput(Path binary, String input, int minimumLines) {
    byte[] in = input.getBytes(StandardCharsets.UTF_8);
    String expected = new String(goToolAddr2line(binary, in), StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GoBinary bin = GoBinary.open(binary)) {
      Addr2line.run(bin, new ByteArrayInputStream(in), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String actual = out.toString(StandardCharsets.UTF_8);
    assertTrue(expected.split("\n").length >= minimumLines, "go tool addr2line printed too little");
    if (!expected.equals(actual)) {
      String[] want = expected.split("\n", -1);
      String[] got = actual.split("\n", -1);
      for (int i = 0; i < Math.min(want.length, got.length); i++) {
        assertEquals(want[i], got[i], "output line " + (i + 1));
      }
      assertEquals(want.length, got.length, "output lines");
    }
  }

  private static byte[] goToolAddr2line(Path binary, byte[] input) {
    try {
      Process p = new ProcessBuilder("go", "tool", "addr2line", binary.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
        try (OutputStream stdin = p.getOutputStream()) {
          stdin.write(input);
        } catch (IOException e) {
          // addr2line stops reading at a line too long for its scanner: the rest is not wanted
        }
      });
      byte[] out = p.getInputStream().readAllBytes();
      feed.join();
      assertEquals(0, p.waitFor(), "go tool addr2line exit status");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
