package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link Disassembler} over one Capstone handle with detail on. It decodes with
 * {@code cs_disasm_iter} into one {@code cs_insn} allocated once, and copies each instruction
 * out with two bulk reads (the {@code cs_insn} and the start of its {@code cs_detail}).
 */
final class CapstoneDisassembler implements Disassembler {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final String BAD = "(bad)";

  private final CapstoneArch arch;
  private final String source;
  private final Handle handle;
  private final Cleaner.Cleanable cleanable;
  private final Pointer detailPointer;
  private final byte[] insn = new byte[CsLayout.INSN_SIZE];
  private final ByteBuffer insnBuffer = ByteBuffer.wrap(insn).order(ByteOrder.LITTLE_ENDIAN);
  private final Detail detail = new Detail();
  private final Facts facts = new Facts();
  /** The three in/out cursors of {@code cs_disasm_iter}: code pointer, size left, address. */
  private final Memory cursors = new Memory(24);
  private final Pointer codeCursor = cursors.share(0);
  private final Pointer sizeCursor = cursors.share(8);
  private final Pointer addressCursor = cursors.share(16);
  private Memory code = new Memory(4096);
  private Syntax syntax;
  private boolean closed;

  CapstoneDisassembler(CapstoneArch arch) {
    CapstoneLoader.Loaded loaded = CapstoneLoader.load(arch);
    this.arch = arch;
    this.source = loaded.source();
    this.handle = Handle.open(loaded.library(), arch);
    this.cleanable = CLEANER.register(this, handle);
    this.detailPointer = handle.insn.getPointer(CsLayout.INSN_DETAIL);
  }

  @Override
  public String goArch() {
    return arch.goArch;
  }

  @Override
  public synchronized List<Instruction> disassemble(byte[] bytes, long address, Syntax syntax,
      Symbolizer symbolizer) {
    Objects.requireNonNull(bytes, "code");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(symbolizer, "symbolizer");
    if (closed) {
      throw new IllegalStateException("disassembler closed");
    }
    useSyntax(syntax);
    Pointer buffer = copyIn(bytes);
    List<Instruction> out = new ArrayList<>(bytes.length / 3 + 1);
    int offset = 0;
    while (offset < bytes.length) {
      codeCursor.setPointer(0, buffer.share(offset));
      sizeCursor.setLong(0, bytes.length - offset);
      addressCursor.setLong(0, address + offset);
      while (handle.lib.cs_disasm_iter(handle.csh, codeCursor, sizeCursor, addressCursor,
          handle.insn) != 0) {
        out.add(current(symbolizer));
      }
      offset = bytes.length - (int) sizeCursor.getLong(0);
      if (offset < bytes.length) {
        int length = Math.min(arch.badLength, bytes.length - offset);
        out.add(new Instruction(address + offset, Arrays.copyOfRange(bytes, offset,
            offset + length), BAD, "", Instruction.Kind.BAD, OptionalLong.empty(),
            OptionalLong.empty()));
        offset += length;
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Names the architecture and the library, e.g. "arm64 Capstone 4.0 (class path ...)". */
  @Override
  public String toString() {
    return arch.goArch + " Capstone 4.0 (" + source + ")";
  }

  @Override
  public synchronized void close() {
    closed = true;
    cleanable.clean();
  }

  private void useSyntax(Syntax wanted) {
    if (wanted == syntax || !arch.hasSyntaxOption()) {
      return;
    }
    int value = wanted == Syntax.INTEL ? CapstoneLibrary.CS_OPT_SYNTAX_INTEL
        : CapstoneLibrary.CS_OPT_SYNTAX_ATT;
    handle.check(handle.lib.cs_option(handle.csh, CapstoneLibrary.CS_OPT_SYNTAX, value),
        "cs_option(CS_OPT_SYNTAX)");
    syntax = wanted;
  }

  private Pointer copyIn(byte[] bytes) {
    if (code.size() < bytes.length) {
      code.close();
      code = new Memory(Math.max(bytes.length, code.size() * 2));
    }
    code.write(0, bytes, 0, bytes.length);
    return code;
  }

  /** Copies the instruction Capstone has just decoded out of native memory. */
  private Instruction current(Symbolizer symbolizer) {
    handle.insn.read(0, insn, 0, insn.length);
    detailPointer.read(0, detail.bytes, 0, detail.bytes.length);
    long address = insnBuffer.getLong(8);
    int size = insnBuffer.getShort(CsLayout.INSN_LENGTH) & 0xffff;
    String mnemonic = cstring(CsLayout.INSN_MNEMONIC, CsLayout.MNEMONIC_LENGTH);
    String operands = cstring(CsLayout.INSN_OP_STR, CsLayout.OP_STR_LENGTH);
    facts.clear();
    arch.decoder.decode(mnemonic, detail, address, size, facts);
    if (facts.branchTarget().isPresent()) {
      operands = symbolize(operands, facts.branchTarget().getAsLong(), symbolizer);
    }
    return new Instruction(address, Arrays.copyOfRange(insn, CsLayout.INSN_BYTES,
        CsLayout.INSN_BYTES + size), mnemonic, operands, facts.kind, facts.branchTarget(),
        facts.pcRelative());
  }

  /** Names a branch target in Capstone's operand text, which spells it {@code [#]0x<hex>}. */
  private String symbolize(String operands, long target, Symbolizer symbolizer) {
    Optional<String> name = symbolizer.symbolize(target);
    String literal = "0x" + Long.toHexString(target);
    int at = operands.lastIndexOf(literal);
    if (name.isEmpty() || at < 0 || at + literal.length() != operands.length()) {
      return operands;
    }
    if (arch == CapstoneArch.AMD64 && syntax == Syntax.INTEL) {
      return operands.substring(0, at) + "$" + name.get();
    }
    return operands + " <" + name.get() + ">";
  }

  private String cstring(int offset, int max) {
    int end = offset;
    while (end < offset + max && insn[end] != 0) {
      end++;
    }
    return new String(insn, offset, end - offset, StandardCharsets.ISO_8859_1);
  }

  /** The native state, freed by {@link #close()} or by the cleaner: it must not refer back. */
  private static final class Handle implements Runnable {
    final CapstoneLibrary lib;
    final long csh;
    final Pointer insn;
    private final Memory cshBox;

    private Handle(CapstoneLibrary lib, Memory cshBox, Pointer insn) {
      this.lib = lib;
      this.cshBox = cshBox;
      this.csh = cshBox.getLong(0);
      this.insn = insn;
    }

    static Handle open(CapstoneLibrary lib, CapstoneArch arch) {
      Memory box = new Memory(8);
      box.setLong(0, 0);
      int err = lib.cs_open(arch.csArch, arch.csMode, box);
      if (err != 0) {
        throw new DisassemblerUnavailableException("cs_open for " + arch.goArch + " failed: "
            + lib.cs_strerror(err));
      }
      long csh = box.getLong(0);
      int detailErr = lib.cs_option(csh, CapstoneLibrary.CS_OPT_DETAIL, CapstoneLibrary.CS_OPT_ON);
      Pointer insn = detailErr == 0 ? lib.cs_malloc(csh) : null;
      if (insn == null) {
        lib.cs_close(box);
        throw new DisassemblerUnavailableException("Capstone for " + arch.goArch
            + " cannot give instruction details: " + lib.cs_strerror(detailErr));
      }
      return new Handle(lib, box, insn);
    }

    void check(int err, String what) {
      if (err != 0) {
        throw new IllegalStateException(what + " failed: " + lib.cs_strerror(err));
      }
    }

    @Override
    public void run() {
      lib.cs_free(insn, 1);
      lib.cs_close(cshBox);
    }
  }
}
