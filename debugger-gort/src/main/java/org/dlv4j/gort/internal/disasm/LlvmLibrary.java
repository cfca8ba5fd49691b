package org.dlv4j.gort.internal.disasm;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of LLVM's C API that dlv4j calls for amd64: the x86 target's registration and the
 * disassembler of {@code llvm-c/Disassembler.h} and {@code DisassemblerTypes.h} (LLVM 16 or
 * later, for {@code LLVMGetVersion}), bound through JNA's interface mapping. {@code uint64_t}
 * and {@code size_t} are {@code long} (64-bit hosts only).
 */
interface LlvmLibrary extends Library {
  /** {@code LLVMDisassembler_Option_PrintImmHex}: immediates in hex. */
  long OPTION_PRINT_IMM_HEX = 2;
  /** {@code LLVMDisassembler_Option_AsmPrinterVariant}: the other syntax (Intel on x86). */
  long OPTION_ASM_PRINTER_VARIANT = 4;
  /** {@code LLVMDisassembler_ReferenceType_In_Branch}: the value is a branch target. */
  long REFERENCE_IN_BRANCH = 1;
  /** {@code LLVMDisassembler_ReferenceType_In_PCrel_Load}: the value is a PC-relative address. */
  long REFERENCE_IN_PCREL_LOAD = 2;

  /** {@code void LLVMInitializeX86TargetInfo(void)}. */
  void LLVMInitializeX86TargetInfo();

  /** {@code void LLVMInitializeX86TargetMC(void)}: also registers the instruction printers. */
  void LLVMInitializeX86TargetMC();

  /** {@code void LLVMInitializeX86Disassembler(void)}. */
  void LLVMInitializeX86Disassembler();

  /** {@code void LLVMGetVersion(unsigned *major, unsigned *minor, unsigned *patch)}. */
  void LLVMGetVersion(Pointer major, Pointer minor, Pointer patch);

  /**
   * {@code LLVMDisasmContextRef LLVMCreateDisasm(const char *triple, void *disInfo, int tagType,
   * LLVMOpInfoCallback getOpInfo, LLVMSymbolLookupCallback symbolLookUp)}: null if the triple's
   * target is not registered.
   */
  Pointer LLVMCreateDisasm(String triple, Pointer disInfo, int tagType, Pointer getOpInfo,
      SymbolLookup symbolLookUp);

  /**
   * {@code int LLVMSetDisasmOptions(LLVMDisasmContextRef dc, uint64_t options)}: 1 if every
   * option was taken. Setting the printer variant makes a new printer, which drops earlier
   * options, so set it first.
   */
  int LLVMSetDisasmOptions(Pointer dc, long options);

  /**
   * {@code size_t LLVMDisasmInstruction(LLVMDisasmContextRef dc, uint8_t *bytes, uint64_t
   * bytesSize, uint64_t pc, char *outString, size_t outStringSize)}: the instruction's length,
   * 0 if the bytes do not decode (then {@code outString} is left as it was).
   */
  long LLVMDisasmInstruction(Pointer dc, Pointer bytes, long bytesSize, long pc, Pointer out,
      long outSize);

  /** {@code void LLVMDisasmDispose(LLVMDisasmContextRef dc)}. */
  void LLVMDisasmDispose(Pointer dc);

  /**
   * {@code const char *(*LLVMSymbolLookupCallback)(void *disInfo, uint64_t referenceValue,
   * uint64_t *referenceType, uint64_t referencePC, const char **referenceName)}: called while an
   * instruction is decoded, once per address it names; {@code *referenceType} says what kind.
   */
  interface SymbolLookup extends Callback {
    /**
     * Looks up a referenced address.
     *
     * @param disInfo the {@code disInfo} given to {@code LLVMCreateDisasm}
     * @param referenceValue the address
     * @param referenceType in: what the address is; out: must be set (0: nothing to say)
     * @param referencePc the address of the instruction
     * @param referenceName out: must be set (null: no name)
     * @return a symbol name or null
     */
    Pointer invoke(Pointer disInfo, long referenceValue, Pointer referenceType, long referencePc,
        Pointer referenceName);
  }
}
