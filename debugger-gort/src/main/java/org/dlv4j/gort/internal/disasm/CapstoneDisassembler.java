package org.dlv4j.gort.internal.disasm;

import org.dlv4j.api.DisassemblerUnavailableException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The arm64 {@link Disassembler}: one Capstone 4.0 handle with detail on. It decodes with
 * {@code cs_disasm_iter} into one {@code cs_insn} allocated once, and copies each instruction
 * out with two bulk reads (the {@code cs_insn} and the start of its {@code cs_detail}).
 */
final class CapstoneDisassembler extends DecodingDisassembler {
  private final Handle handle;
  private final Cleaner.Cleanable cleanable;
  private final Pointer detailPointer;
  private final byte[] insn = new byte[CsLayout.INSN_SIZE];
  private final ByteBuffer insnBuffer = ByteBuffer.wrap(insn).order(ByteOrder.LITTLE_ENDIAN);
  private final Detail detail = new Detail();
  /** The three in/out cursors of {@code cs_disasm_iter}: code pointer, size left, address. */
  private final Memory cursors = new Memory(24);

  CapstoneDisassembler() {
    super("arm64", 4);
    this.handle = Handle.open(CapstoneLoader.load());
    this.cleanable = CLEANER.register(this, handle);
    this.detailPointer = handle.insn.getPointer(CsLayout.INSN_DETAIL);
  }

  @Override
  int decode(Pointer code, int size, long address, Syntax syntax, Facts out) {
    cursors.setPointer(0, code);
    cursors.setLong(8, size);
    cursors.setLong(16, address);
    if (handle.lib.cs_disasm_iter(handle.csh, cursors, cursors.share(8), cursors.share(16),
        handle.insn) == 0) {
      return 0;
    }
    handle.insn.read(0, insn, 0, insn.length);
    detailPointer.read(0, detail.bytes, 0, detail.bytes.length);
    out.mnemonic = cstring(CsLayout.INSN_MNEMONIC, CsLayout.MNEMONIC_LENGTH);
    out.operands = cstring(CsLayout.INSN_OP_STR, CsLayout.OP_STR_LENGTH);
    Arm64Detail.decode(out.mnemonic, detail, out);
    return insnBuffer.getShort(CsLayout.INSN_LENGTH) & 0xffff;
  }

  @Override
  void release() {
    cleanable.clean();
  }

  /** Names the architecture and the library, e.g. "arm64 Capstone 4.0 (class path ...)". */
  @Override
  public String toString() {
    return "arm64 Capstone 4.0 (" + CapstoneLoader.SOURCE + ")";
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

    static Handle open(CapstoneLibrary lib) {
      Memory box = new Memory(8);
      box.setLong(0, 0);
      int err = lib.cs_open(CapstoneLibrary.CS_ARCH_ARM64, CapstoneLibrary.CS_MODE_LITTLE_ENDIAN,
          box);
      if (err != 0) {
        throw new DisassemblerUnavailableException("cs_open for arm64 failed: "
            + lib.cs_strerror(err));
      }
      long csh = box.getLong(0);
      int detailErr = lib.cs_option(csh, CapstoneLibrary.CS_OPT_DETAIL, CapstoneLibrary.CS_OPT_ON);
      Pointer insn = detailErr == 0 ? lib.cs_malloc(csh) : null;
      if (insn == null) {
        lib.cs_close(box);
        throw new DisassemblerUnavailableException(
            "Capstone for arm64 cannot give instruction details: " + lib.cs_strerror(detailErr));
      }
      return new Handle(lib, box, insn);
    }

    @Override
    public void run() {
      lib.cs_free(insn, 1);
      lib.cs_close(cshBox);
    }
  }
}
