package org.dlv4j.gort.internal.disasm;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import org.dlv4j.api.DisassemblerUnavailableException;

/**
 * The amd64 {@link Disassembler}: LLVM's x86-64 disassembler through its C API, one context
 * per syntax. The instruction printer gives the text ({@link Amd64Text}); the symbol lookup
 * callback gives the addresses an instruction names: its branch target and the address of a
 * {@code [rip+disp]} operand, both already absolute.
 *
 * <p>LLVM decodes a leading {@code lock} prefix (0xf0) as an instruction of its own; it is
 * joined with the instruction it prefixes, as objdump shows them ({@code lock cmpxchg}).
 */
final class LlvmDisassembler extends DecodingDisassembler {
  private static final String TRIPLE = "x86_64-unknown-linux-gnu";
  private static final int TEXT_SIZE = 256;
  private static final String LOCK = "lock";

  private final LlvmLoader.Loaded loaded;
  private final Handle handle;
  private final Cleaner.Cleanable cleanable;
  private final Memory text = new Memory(TEXT_SIZE);

  LlvmDisassembler() {
    super("amd64", 1);
    this.loaded = LlvmLoader.load();
    this.handle = new Handle(loaded.library());
    this.cleanable = CLEANER.register(this, handle);
  }

  @Override
  int decode(Pointer code, int size, long address, Syntax syntax, Facts out) {
    Pointer dc = syntax == Syntax.INTEL ? handle.intel : handle.att;
    References refs = handle.references;
    refs.clear();
    int length = (int) handle.lib.LLVMDisasmInstruction(dc, code, size, address, text, TEXT_SIZE);
    if (length == 0) {
      return 0;
    }
    Amd64Text.parse(text.getString(0, StandardCharsets.ISO_8859_1.name()), out);
    if (length == 1 && size > 1 && out.mnemonic.equals(LOCK)) {
      refs.clear();
      int rest = (int) handle.lib.LLVMDisasmInstruction(dc, code.share(1), size - 1,
          address + 1, text, TEXT_SIZE);
      if (rest > 0) {
        Amd64Text.parse(text.getString(0, StandardCharsets.ISO_8859_1.name()), out);
        out.mnemonic = LOCK + " " + out.mnemonic;
        length += rest;
      }
    }
    boolean branch = out.kind == Instruction.Kind.CALL || out.kind == Instruction.Kind.JUMP
        || out.kind == Instruction.Kind.CONDITIONAL_JUMP;
    if (branch && refs.hasBranchTarget) {
      out.branchTarget(refs.branchTarget);
    }
    if (refs.hasPcRelative) {
      out.pcRelative(refs.pcRelative);
    }
    return length;
  }

  @Override
  boolean dollarNames(Syntax syntax) {
    return syntax == Syntax.INTEL;
  }

  @Override
  void release() {
    cleanable.clean();
    text.close();
  }

  /** Names the architecture and the library, e.g. "amd64 LLVM 20.1.7 (class path ...)". */
  @Override
  public String toString() {
    return "amd64 LLVM " + loaded.version() + " (" + loaded.source() + ")";
  }

  /** What the symbol lookup callback heard while one instruction was decoded. */
  private static final class References implements LlvmLibrary.SymbolLookup {
    long branchTarget;
    boolean hasBranchTarget;
    long pcRelative;
    boolean hasPcRelative;

    void clear() {
      hasBranchTarget = false;
      hasPcRelative = false;
    }

    @Override
    public Pointer invoke(Pointer disInfo, long value, Pointer referenceType, long referencePc,
        Pointer referenceName) {
      long type = referenceType.getLong(0);
      if (type == LlvmLibrary.REFERENCE_IN_BRANCH) {
        branchTarget = value;
        hasBranchTarget = true;
      } else if (type == LlvmLibrary.REFERENCE_IN_PCREL_LOAD) {
        pcRelative = value;
        hasPcRelative = true;
      }
      referenceType.setLong(0, 0);
      referenceName.setPointer(0, null);
      return null;
    }
  }

  /**
   * The native state, freed by {@link #close()} or by the cleaner: it must not refer back. It
   * holds the callback, which must stay reachable while the contexts live.
   */
  private static final class Handle implements Runnable {
    final LlvmLibrary lib;
    final References references = new References();
    final Pointer att;
    final Pointer intel;

    Handle(LlvmLibrary lib) {
      this.lib = lib;
      this.att = create(lib, references, 0);
      Pointer second;
      try {
        second = create(lib, references, LlvmLibrary.OPTION_ASM_PRINTER_VARIANT);
      } catch (DisassemblerUnavailableException e) {
        lib.LLVMDisasmDispose(att);
        throw e;
      }
      this.intel = second;
    }

    private static Pointer create(LlvmLibrary lib, References refs, long variant) {
      Pointer dc = lib.LLVMCreateDisasm(TRIPLE, null, 0, null, refs);
      if (dc == null) {
        throw new DisassemblerUnavailableException("LLVMCreateDisasm(" + TRIPLE + ") failed");
      }
      // the variant first: setting it makes a new printer, which forgets earlier options
      if ((variant != 0 && lib.LLVMSetDisasmOptions(dc, variant) != 1)
          || lib.LLVMSetDisasmOptions(dc, LlvmLibrary.OPTION_PRINT_IMM_HEX) != 1) {
        lib.LLVMDisasmDispose(dc);
        throw new DisassemblerUnavailableException("LLVM's x86-64 disassembler refuses options");
      }
      return dc;
    }

    @Override
    public void run() {
      lib.LLVMDisasmDispose(att);
      lib.LLVMDisasmDispose(intel);
    }
  }
}
