package org.dlv4j.gort.internal.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disassembles main.main of testdata/hello (built for amd64 and for arm64, with and without
 * optimization) and compares every
 * instruction with GNU objdump and with go tool objdump: addresses and sizes exactly, call
 * targets by name exactly, and mnemonic and operands as {@link Objdump#sameText} compares them.
 */
class ObjdumpComparisonTest {
  private static final String FUNCTION = "main.main";
  private static final String GNU_ARM64_OBJDUMP = "aarch64-linux-gnu-objdump";

  @ParameterizedTest(name = "optimized={0}")
  @ValueSource(booleans = {false, true})
  void amd64IntelMatchesObjdump(boolean optimized) {
    FunctionCode f = main(optimized, "amd64");
    compareWithGnu(f, "amd64", Syntax.INTEL, "objdump", "-M", "intel");
  }

  @ParameterizedTest(name = "optimized={0}")
  @ValueSource(booleans = {false, true})
  void amd64GnuMatchesObjdump(boolean optimized) {
    FunctionCode f = main(optimized, "amd64");
    compareWithGnu(f, "amd64", Syntax.GNU, "objdump");
  }

  @ParameterizedTest(name = "optimized={0}")
  @ValueSource(booleans = {false, true})
  void arm64MatchesGnuObjdump(boolean optimized) {
    Assumptions.assumeTrue(Command.succeeds(GNU_ARM64_OBJDUMP, "--version"),
        GNU_ARM64_OBJDUMP + " not installed (Debian: binutils-aarch64-linux-gnu); "
            + "arm64MatchesGoObjdump still compares addresses, encodings and call targets");
    FunctionCode f = main(optimized, "arm64");
    compareWithGnu(f, "arm64", Syntax.GNU, GNU_ARM64_OBJDUMP);
  }

  @ParameterizedTest(name = "optimized={0}")
  @ValueSource(booleans = {false, true})
  void amd64MatchesGoObjdump(boolean optimized) {
    compareWithGo(main(optimized, "amd64"), "amd64");
  }

  @ParameterizedTest(name = "optimized={0}")
  @ValueSource(booleans = {false, true})
  void arm64MatchesGoObjdump(boolean optimized) {
    compareWithGo(main(optimized, "arm64"), "arm64");
  }

  private static FunctionCode main(boolean optimized, String arch) {
    GoBuild build = GoBuild.fixture("hello").env("GOARCH", arch);
    return FunctionCode.of((optimized ? build.optimized() : build).build(), FUNCTION);
  }

  private static void compareWithGnu(FunctionCode f, String arch, Syntax syntax, String tool,
      String... options) {
    boolean arm64 = arch.equals("arm64");
    List<Instruction> ours;
    try (Disassembler d = Disassembler.forArch(arch)) {
      ours = d.disassemble(f.bytes(), f.address(), syntax, f.symbolizer());
    }
    Coverage.check(f.bytes(), f.address(), ours);
    List<Objdump.Line> theirs = Objdump.gnu(tool, f.binary(), f.address(), f.end(), options);
    assertEquals(addresses(theirs), ours.stream().map(Instruction::address)
        .collect(Collectors.toList()), "instruction boundaries");
    List<String> mismatches = new ArrayList<>();
    int calls = 0;
    for (int i = 0; i < ours.size(); i++) {
      Instruction in = ours.get(i);
      Objdump.Line line = theirs.get(i);
      if (!Objdump.sameText(in.mnemonic(), operandsWithoutSymbol(in, arm64, syntax), in.bytes(),
          line, arm64, syntax)) {
        mismatches.add(in + "  vs objdump  " + line.raw());
      }
      if (in.branchTarget().isPresent()) {
        assertEquals(symbolIn(line.raw()), symbolOf(in, arm64, syntax), in.toString());
        calls += in.isCall() ? 1 : 0;
      }
    }
    assertEquals(List.of(), mismatches, "instructions whose text differs from objdump's");
    assertTrue(calls >= 3, "main.main calls fmt.Println and more: " + calls);
  }

  /** Our operand text before symbolization (the symbol is compared on its own). */
  private static String operandsWithoutSymbol(Instruction in, boolean arm64, Syntax syntax) {
    if (in.branchTarget().isEmpty()) {
      return in.operands();
    }
    String target = "0x" + Long.toHexString(in.branchTarget().getAsLong());
    return !arm64 && syntax == Syntax.INTEL
        ? in.operands().replaceFirst("\\$\\S+$", target)
        : in.operands().replaceFirst(" <[^>]*>$", "");
  }

  private static String symbolOf(Instruction in, boolean arm64, Syntax syntax) {
    if (!arm64 && syntax == Syntax.INTEL) {
      Matcher m = Pattern.compile("\\$(\\S+)$").matcher(in.operands());
      return m.find() ? m.group(1) : "no symbol in " + in;
    }
    return symbolIn(in.operands());
  }

  private static String symbolIn(String text) {
    Matcher m = Pattern.compile("<([^>]*)>").matcher(text);
    return m.find() ? m.group(1) : "no symbol in " + text;
  }

  private static void compareWithGo(FunctionCode f, String arch) {
    List<Instruction> ours;
    try (Disassembler d = Disassembler.forArch(arch)) {
      ours = d.disassemble(f.bytes(), f.address(), Syntax.GNU,
          f.symbolizer());
    }
    List<Objdump.GoLine> theirs = Objdump.go(f.binary(), f.name());
    assertEquals(theirs.stream().map(Objdump.GoLine::address).collect(Collectors.toList()),
        ours.stream().map(Instruction::address).collect(Collectors.toList()),
        "instruction boundaries");
    int calls = 0;
    for (int i = 0; i < ours.size(); i++) {
      Instruction in = ours.get(i);
      Objdump.GoLine go = theirs.get(i);
      assertEquals(go.hexBytes(), goEncoding(in, arch), in.toString());
      Matcher call = Pattern.compile("^CALL (\\S+)\\(SB\\)$").matcher(go.text());
      if (call.matches()) {
        calls++;
        assertTrue(in.isCall(), in + " vs " + go.text());
        assertEquals(call.group(1), symbolIn(in.operands()), in.toString());
      }
    }
    assertTrue(calls >= 3, "main.main calls fmt.Println and more: " + calls);
  }

  /** Go prints arm64 instructions as 32-bit words, amd64 as bytes in memory order. */
  private static String goEncoding(Instruction in, String arch) {
    byte[] b = in.bytes();
    if (arch.equals("arm64")) {
      for (int i = 0; i < b.length / 2; i++) {
        byte t = b[i];
        b[i] = b[b.length - 1 - i];
        b[b.length - 1 - i] = t;
      }
    }
    return HexFormat.of().formatHex(b);
  }

  private static List<Long> addresses(List<Objdump.Line> lines) {
    return lines.stream().map(Objdump.Line::address).collect(Collectors.toList());
  }

}
