package org.dlv4j.gort.internal.disasm;

/**
 * Reads what LLVM's x86 instruction printer writes into a mnemonic, operands and a kind. The
 * printer writes {@code "\tmnemonic\toperands"}, with prefixes before the mnemonic, each
 * followed by two tabs ({@code "\trep\t\tstosq\t%rax, %es:(%rdi)"}); prefixes become part of
 * the mnemonic, as in objdump ({@code "rep stosq"}).
 */
final class Amd64Text {
  private Amd64Text() {}

  /** Fills {@code out}'s mnemonic, operands and kind from the printer's text. */
  static void parse(String text, Facts out) {
    String t = text.strip();
    int prefixesEnd = t.lastIndexOf("\t\t");
    String prefixes = prefixesEnd < 0 ? ""
        : t.substring(0, prefixesEnd).replaceAll("\\s+", " ").strip() + " ";
    String rest = prefixesEnd < 0 ? t : t.substring(prefixesEnd + 2);
    int tab = rest.indexOf('\t');
    out.mnemonic = prefixes + (tab < 0 ? rest : rest.substring(0, tab));
    out.operands = tab < 0 ? "" : rest.substring(tab + 1).strip();
    out.kind = kind(tab < 0 ? rest : rest.substring(0, tab));
  }

  /**
   * Returns the kind of an instruction by its mnemonic without prefixes, in either syntax:
   * near and far calls, returns ({@code ret}, {@code lret}/{@code retf}, {@code iret}), jumps,
   * and the conditional ones ({@code jcc}, {@code jrcxz}, {@code loop}).
   */
  static Instruction.Kind kind(String mnemonic) {
    if (mnemonic.startsWith("call") || mnemonic.startsWith("lcall")) {
      return Instruction.Kind.CALL;
    }
    if (mnemonic.startsWith("ret") || mnemonic.startsWith("lret")
        || mnemonic.startsWith("iret")) {
      return Instruction.Kind.RET;
    }
    if (mnemonic.startsWith("jmp") || mnemonic.startsWith("ljmp")) {
      return Instruction.Kind.JUMP;
    }
    if (mnemonic.startsWith("j") || mnemonic.startsWith("loop")) {
      return Instruction.Kind.CONDITIONAL_JUMP;
    }
    return Instruction.Kind.OTHER;
  }
}
