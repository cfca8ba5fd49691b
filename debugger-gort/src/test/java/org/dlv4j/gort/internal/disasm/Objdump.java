package org.dlv4j.gort.internal.disasm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.Command;

/**
 * Runs GNU objdump and go tool objdump on a range of a binary and parses their lines, and
 * tells whether their text and ours say the same. Shared by the disassembler's tests and the
 * engine's (internal.target).
 */
public final class Objdump {
  private Objdump() {}

  /**
   * One instruction as text: address, mnemonic (with prefixes), operands (raw).
   *
   * @param address the instruction's address
   * @param mnemonic the mnemonic, with the prefixes written before it
   * @param operands the operand text, empty if none
   * @param raw the whole text
   */
  public record Line(long address, String mnemonic, String operands, String raw) {
    /**
     * Splits an instruction's text into mnemonic (with prefix words) and operands.
     *
     * @param address the instruction's address
     * @param text e.g. {@code "rep stosq %rax, (%rdi)"}
     * @return the line
     */
    public static Line of(long address, String text) {
      String trimmed = text.trim();
      String[] words = trimmed.split("\\s+", -1);
      int n = 1;
      while (n < words.length && PREFIXES.contains(words[n - 1].toLowerCase(Locale.ROOT))) {
        n++;
      }
      String mnemonic = String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
      String operands = trimmed.substring(Math.min(trimmed.length(), mnemonic.length())).trim();
      return new Line(address, mnemonic, operands, trimmed);
    }
  }

  /**
   * One line of go tool objdump: source position, address, encoding, Go-syntax text.
   *
   * @param position the file's base name and the line, e.g. {@code main.go:23}
   * @param address the instruction's address
   * @param hexBytes its encoding as go tool objdump prints it
   * @param text its Go-syntax text
   */
  public record GoLine(String position, long address, String hexBytes, String text) {}

  /**
   * Our mnemonic to objdump's, where binutils 2.40 prints an alias or another name for the same
   * encoding than Capstone 4.0: condition codes HS/CS and LO/CC (Arm ARM C1.2.4) and the MOV
   * alias of MOVZ/MOVN (C6.2.190).
   */
  private static final Map<String, String> SAME_INSTRUCTION = Map.of(
      "b.hs", "b.cs", "b.lo", "b.cc", "movz", "mov", "movn", "mov");
  /** {@code 66 90}: LLVM says {@code nop}, objdump {@code xchg ax, ax}. */
  private static final String XCHG_AX_AX = "6690";
  /**
   * The zero word Go puts after some arm64 functions' last branch: binutils 2.40 decodes it as
   * {@code udf #0} (permanently undefined), Capstone 4.0 as nothing.
   */
  private static final String ZERO_WORD = "00000000";

  private static final Pattern GNU_LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+(.*)$");
  private static final Pattern GO_LINE = Pattern.compile(
      "^\\s+(\\S+:\\d+)\\s+0x([0-9a-f]+)\\s+([0-9a-f]+)\\s+(.*?)\\s*$");
  /** Instruction prefixes objdump writes as separate words before the mnemonic. */
  private static final List<String> PREFIXES = List.of("cs", "ds", "es", "ss", "fs", "gs",
      "data16", "addr32", "lock", "rep", "repz", "repnz", "notrack", "bnd", "rex", "rex.w");

  /**
   * Runs {@code <tool> -d --no-show-raw-insn [options] --start-address --stop-address}.
   *
   * @param tool {@code objdump} or a cross objdump
   * @param binary the ELF file
   * @param start the first address
   * @param end the address after the range
   * @param options more options, e.g. {@code -M intel}
   * @return one line per instruction
   */
  public static List<Line> gnu(String tool, Path binary, long start, long end,
      String... options) {
    // -z: zero padding (Go 1.22 pads arm64 functions with zero words) is shown as
    // instructions rather than folded into "..."
    List<String> cmd = new ArrayList<>(List.of(tool, "-d", "-z", "--no-show-raw-insn"));
    cmd.addAll(List.of(options));
    cmd.add("--start-address=0x" + Long.toHexString(start));
    cmd.add("--stop-address=0x" + Long.toHexString(end));
    cmd.add(binary.toString());
    List<Line> lines = new ArrayList<>();
    for (String s : Command.output(cmd.toArray(new String[0])).split("\n")) {
      Matcher m = GNU_LINE.matcher(s);
      if (m.matches()) {
        lines.add(Line.of(Long.parseLong(m.group(1), 16), m.group(2)));
      }
    }
    return lines;
  }

  /**
   * Runs {@code go tool objdump -s ^function$}.
   *
   * @param binary the Go binary
   * @param function the function's symbol name
   * @return one line per instruction
   */
  public static List<GoLine> go(Path binary, String function) {
    List<GoLine> lines = new ArrayList<>();
    String out = GoTools.objdump(binary, "^" + Pattern.quote(function) + "$");
    for (String s : out.split("\n")) {
      Matcher m = GO_LINE.matcher(s);
      if (m.matches()) {
        lines.add(new GoLine(m.group(1), Long.parseLong(m.group(2), 16), m.group(3),
            m.group(4)));
      }
    }
    return lines;
  }

  /**
   * Puts operand text into one form for both tools: objdump's trailing comment and its
   * {@code <symbol>} after addresses dropped, bare hex addresses given their {@code 0x}, every
   * number in hex, no blanks, lower case, arm64's {@code #} dropped, and the redundant parts
   * objdump spells out and our decoders omit ({@code *1} and AT&amp;T {@code ,1)} scale,
   * {@code +0x0} and {@code 0x0(} displacement) removed.
   */
  public static String normalize(String operands, boolean objdump, boolean arm64) {
    String t = operands;
    if (objdump) {
      t = t.replaceFirst(arm64 ? "\\s*//.*$" : "\\s*#.*$", "");
      t = t.replaceAll("(?<![0-9A-Za-z_])([0-9a-f]+) <[^>]*>", "0x$1");
    }
    t = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    if (arm64) {
      t = t.replace("#", "");
    }
    Matcher m = Pattern.compile("(?<![0-9a-z_%.])(0x[0-9a-f]+|\\d+)(?![0-9a-z_])").matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      long v = n.startsWith("0x") ? Long.parseUnsignedLong(n.substring(2), 16) : Long.parseLong(n);
      m.appendReplacement(sb, "0x" + Long.toHexString(v));
    }
    m.appendTail(sb);
    return sb.toString().replace("*0x1]", "]").replace("*0x1+", "+").replace("+0x0]", "]").replace(",0x1)", ")")
        .replaceAll("(?<![0-9a-z_])0x0\\(", "(");
  }

  /**
   * Tells whether our text for an instruction says what objdump's does, once both are put in
   * one form ({@link #normalize}), except where the two spell the same instruction differently
   * ({@link #SAME_INSTRUCTION}, {@code xchg ax, ax}, AT&amp;T size suffixes objdump leaves out)
   * or neither decodes it.
   *
   * @param ourMnemonic our mnemonic, {@code "(bad)"} for bytes that do not decode
   * @param ourOperands our operands, with branch targets as bare addresses (no symbol)
   * @param bytes the encoding
   * @param theirs objdump's line
   * @param arm64 whether the code is arm64's, else amd64's
   * @param syntax the syntax both are in
   * @return whether they agree
   */
  public static boolean sameText(String ourMnemonic, String ourOperands, byte[] bytes,
      Line theirs, boolean arm64, Syntax syntax) {
    String theirMnemonic = theirs.mnemonic().toLowerCase(Locale.ROOT);
    String hex = HexFormat.of().formatHex(bytes);
    if (ourMnemonic.equals("(bad)")) { // neither decodes it; binutils says "udf #0" for 0
      return theirMnemonic.equals("(bad)") || theirMnemonic.equals(".inst")
          || (arm64 && theirMnemonic.equals("udf") && hex.equals(ZERO_WORD));
    }
    if (hex.equals(XCHG_AX_AX)) {
      return ourMnemonic.equals("nop") && theirMnemonic.equals("xchg");
    }
    boolean sameMnemonic = ourMnemonic.equals(theirMnemonic)
        || theirMnemonic.equals(SAME_INSTRUCTION.get(ourMnemonic))
        // AT&T: LLVM always writes the operand size suffix, objdump only where no register
        // operand implies it
        || (!arm64 && syntax == Syntax.GNU && ourMnemonic.length() > 1
            && ourMnemonic.substring(0, ourMnemonic.length() - 1).equals(theirMnemonic)
            && "bwlq".indexOf(ourMnemonic.charAt(ourMnemonic.length() - 1)) >= 0);
    return sameMnemonic && normalize(ourOperands, false, arm64)
        .equals(normalize(theirs.operands(), true, arm64));
  }
}
