package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.api.AsmInstruction;
import org.dlv4j.api.AsmSyntax;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.DisassemblerUnavailableException;
import org.dlv4j.api.Function;
import org.dlv4j.api.Location;
import org.dlv4j.api.LocationNotFoundException;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.api.StaleHandleException;
import org.dlv4j.api.Target;
import org.dlv4j.api.TargetExitedException;
import org.dlv4j.api.Thread;
import org.dlv4j.gort.internal.bp.BreakpointTable;
import org.dlv4j.gort.internal.disasm.Objdump;
import org.dlv4j.gort.internal.disasm.Syntax;
import org.dlv4j.gort.testing.GoTools;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.GoProgram;
import org.dlv4j.junit.ProcFs;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.ProcessBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Target#disassemble}, {@link Target#disassembleFunction} and
 * {@link Thread#instruction()} on a live engine-basic (amd64), cross-checked against
 * {@code go tool objdump} and GNU {@code objdump}. Where no Capstone library with x86 loads,
 * the tests that need one are skipped, saying why; those about bad input run anyway.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(120)
class DisassemblyTest {
  private static final String MAIN = "main.main";
  private static final Pattern GO_CALL = Pattern.compile("^CALL (\\S+)\\(SB\\)$");
  private static final Pattern SYMBOL = Pattern.compile("<([^>]*)>$");

  @Test
  void mainMainMatchesGoObjdumpInAddressesBytesLinesAndCallees(
      @GoProgram("engine-basic") Target target) {
    Path binary = target.executable();
    long entry = GoNm.address(binary, MAIN, "Tt");

    List<AsmInstruction> ours = orSkip(() -> target.disassembleFunction(entry + 20,
        AsmSyntax.GNU));

    List<String> callees = assertGoObjdump(ours, Objdump.go(binary, MAIN), 0,
        name -> GoNm.address(binary, name, "Tt"));
    for (AsmInstruction in : ours) {
      assertEquals(Optional.of(MAIN), in.location().function().map(Function::name));
      assertFalse(in.breakpoint() || in.atPc(), in.toString());
    }
    assertTrue(callees.size() >= 5, "main.main calls fmt.Println, main.work and more: "
        + callees);
  }

  /**
   * Asserts that our instructions are {@code go tool objdump}'s moved by a load bias: the same
   * addresses, bytes and lines, and each direct call's destination named after its function,
   * at that function's address, in the instruction's text too.
   *
   * @param symbol the process address of an ELF symbol objdump names
   * @return the callees objdump names, in order
   */
  static List<String> assertGoObjdump(List<AsmInstruction> ours, List<Objdump.GoLine> theirs,
      long bias, ToLongFunction<String> symbol) {
    assertEquals(theirs.stream().map(l -> l.address() + bias).toList(),
        ours.stream().map(i -> i.location().pc()).toList(), "instruction addresses");
    List<String> callees = new ArrayList<>();
    for (int n = 0; n < ours.size(); n++) {
      AsmInstruction in = ours.get(n);
      Objdump.GoLine go = theirs.get(n);
      assertEquals(go.hexBytes(), HexFormat.of().formatHex(in.bytes()), in.toString());
      assertEquals(go.position(), Path.of(in.location().file()).getFileName() + ":"
          + in.location().line(), in.toString());
      Matcher call = GO_CALL.matcher(go.text());
      if (call.matches()) {
        Location callee = in.destination().orElseThrow(() -> new AssertionError(in.toString()));
        String name = callee.function().orElseThrow().name();
        assertEquals(withoutAbi(call.group(1)), name);
        assertEquals(symbol.applyAsLong(call.group(1)), callee.pc(), name);
        assertEquals(name, symbolIn(in.text()));
        callees.add(call.group(1));
      }
    }
    return callees;
  }

  @ParameterizedTest
  @EnumSource(AsmSyntax.class)
  void mainMainMatchesObjdumpTextInBothSyntaxes(AsmSyntax syntax,
      @GoProgram("engine-basic") Target target) {
    Path binary = target.executable();
    long entry = GoNm.address(binary, MAIN, "Tt");

    List<AsmInstruction> ours = orSkip(() -> target.disassembleFunction(entry, syntax));

    AsmInstruction last = ours.get(ours.size() - 1);
    long end = last.location().pc() + last.bytes().length;
    List<Objdump.Line> theirs = syntax == AsmSyntax.INTEL
        ? Objdump.gnu("objdump", binary, entry, end, "-M", "intel")
        : Objdump.gnu("objdump", binary, entry, end);
    assertEquals(theirs.stream().map(Objdump.Line::address).toList(),
        ours.stream().map(i -> i.location().pc()).toList(), "instruction addresses");
    List<String> mismatches = new ArrayList<>();
    int branches = 0;
    for (int n = 0; n < ours.size(); n++) {
      AsmInstruction in = ours.get(n);
      Objdump.Line line = theirs.get(n);
      Objdump.Line mine = Objdump.Line.of(in.location().pc(), withoutSymbol(in, syntax));
      if (!Objdump.sameText(mine.mnemonic(), mine.operands(), in.bytes(), line, false,
          syntax == AsmSyntax.INTEL ? Syntax.INTEL : Syntax.GNU)) {
        mismatches.add(in + "  vs objdump  " + line.raw());
      }
      if (in.destination().isPresent()) {
        branches++;
        String name = symbolOf(in, syntax);
        assertEquals(withoutAbi(symbolIn(line.raw())), name, in.toString());
        assertEquals(name, nameOf(in.destination().get()), in.toString());
      }
    }
    assertEquals(List.of(), mismatches, "instructions whose text differs from objdump's");
    assertTrue(branches >= 10, "direct calls and jumps in main.main: " + branches);
  }

  @Test
  void aBreakpointInTheRangeShowsTheProgramsBytesAndIsFlagged(
      @GoProgram("engine-basic") Target target) {
    long entry = GoNm.address(target.executable(), MAIN, "Tt");
    List<AsmInstruction> before = orSkip(() -> target.disassembleFunction(entry,
        AsmSyntax.GNU));
    Breakpoint bp = target.createBreakpoint(BreakpointSpec.atFunction(MAIN));
    long at = bp.addrs().get(0);
    assertEquals((byte) 0xcc, ProcFs.memory(target.pid(), at, 1)[0]);

    List<AsmInstruction> after = target.disassembleFunction(entry, AsmSyntax.GNU);

    assertEquals(before.size(), after.size());
    for (int n = 0; n < after.size(); n++) {
      AsmInstruction was = before.get(n);
      AsmInstruction is = after.get(n);
      boolean planted = is.location().pc() == at;
      assertEquals(new AsmInstruction(was.location(), was.destination(), was.text(),
          was.bytes(), planted, false), is);
      if (planted) {
        assertArrayEquals(GoTools.fileText(target.executable(), at, is.bytes().length),
            is.bytes());
      }
    }
    assertEquals(1, after.stream().filter(AsmInstruction::breakpoint).count());
    AsmInstruction alone = target.disassemble(at, at + 1, AsmSyntax.GNU).get(0);
    assertTrue(alone.breakpoint());
    assertEquals(after.stream().filter(AsmInstruction::breakpoint).findFirst().orElseThrow(),
        alone);
  }

  @Test
  void atPcMarksTheCurrentThreadsPcAndInstructionDecodesIt(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = GoNm.address(target.executable(), "main.work", "Tt");
    target.createBreakpoint(BreakpointSpec.atAddress(work));
    DebuggerState state = target.resume();
    Thread current = state.currentThread().orElseThrow();
    assertEquals(work, current.pc());

    List<AsmInstruction> function = orSkip(() -> target.disassembleFunction(work + 1,
        AsmSyntax.INTEL));

    assertEquals(work, function.get(0).location().pc());
    assertEquals(List.of(work), function.stream().filter(AsmInstruction::atPc)
        .map(i -> i.location().pc()).toList());
    assertTrue(function.get(0).breakpoint());
    assertTrue(target.disassembleFunction(GoNm.address(target.executable(), MAIN, "Tt"),
        AsmSyntax.GNU).stream().noneMatch(AsmInstruction::atPc));

    AsmInstruction here = current.instruction();
    assertEquals(target.disassemble(work, work + 1, AsmSyntax.GNU), List.of(here));
    assertTrue(here.atPc() && here.breakpoint());
    assertEquals(GoTools.nextInstruction(target.executable(), work),
        work + here.bytes().length);
    assertTrue(here == current.instruction(), "decoded once per stop");
  }

  @Test
  void directBranchesNameTheirTargetAsFunctionOrFunctionPlusOffset(
      @GoProgram("engine-basic") Target target) {
    Path binary = target.executable();
    long main = GoNm.address(binary, MAIN, "Tt");
    long work = GoNm.address(binary, "main.work", "Tt");

    List<AsmInstruction> gnu = orSkip(() -> target.disassembleFunction(main, AsmSyntax.GNU));
    List<AsmInstruction> intel = target.disassembleFunction(main, AsmSyntax.INTEL);

    int n = indexOfCallTo(gnu, work);
    AsmInstruction call = gnu.get(n);
    assertEquals("call 0x" + Long.toHexString(work) + " <main.work>", call.text().replaceFirst(
        "^callq ", "call "));
    assertEquals("call $main.work", intel.get(n).text());
    Location callee = call.destination().orElseThrow();
    assertEquals(target.disassembleFunction(work, AsmSyntax.GNU).get(0).location(), callee);
    assertEquals(work, callee.function().orElseThrow().entry());

    // the stack check's jump over the body, and the jump back to the entry after morestack
    AsmInstruction inside = gnu.stream().filter(i -> i.destination().isPresent()
        && i.destination().get().pc() > main && i.text().startsWith("j"))
        .findFirst().orElseThrow();
    long offset = inside.destination().get().pc() - main;
    assertTrue(inside.text().endsWith("<main.main+0x" + Long.toHexString(offset) + ">"),
        inside.text());
    AsmInstruction last = gnu.get(gnu.size() - 1);
    assertEquals(main, last.destination().orElseThrow().pc());
    assertTrue(last.text().endsWith("<main.main>"), last.text());
    assertTrue(intel.get(intel.size() - 1).text().endsWith("$main.main"),
        intel.get(intel.size() - 1).text());
    assertTrue(gnu.stream().filter(i -> i.destination().isEmpty())
        .noneMatch(i -> i.text().contains("<")));
  }

  @Test
  void stepInstructionReportsTheInstructionAtEachNewPc(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = GoNm.address(target.executable(), "main.work", "Tt");
    List<AsmInstruction> main = orSkip(() -> target.disassembleFunction(
        GoNm.address(target.executable(), MAIN, "Tt"), AsmSyntax.GNU));
    AsmInstruction call = main.get(indexOfCallTo(main, work));
    long returnTo = call.location().pc() + call.bytes().length;
    target.createBreakpoint(BreakpointSpec.atAddress(call.location().pc()));
    Thread thread = target.resume().currentThread().orElseThrow();
    assertEquals(call.location().pc(), thread.pc());
    assertEquals(new AsmInstruction(call.location(), call.destination(), call.text(),
        call.bytes(), true, true), thread.instruction());

    List<Long> visited = new ArrayList<>();
    while (thread.pc() != returnTo && visited.size() < 200) {
      AsmInstruction was = thread.instruction();
      DebuggerState state = target.stepInstruction(thread.id());
      thread = state.currentThread().orElseThrow();
      visited.add(thread.pc());
      AsmInstruction now = thread.instruction();
      assertEquals(target.disassemble(thread.pc(), thread.pc() + 1, AsmSyntax.GNU),
          List.of(now));
      assertTrue(now.atPc());
      assertEquals(thread.location(), now.location());
      if (was.text().startsWith("call") || was.text().startsWith("jmp")) {
        assertEquals(was.destination().orElseThrow().pc(), thread.pc(), was.toString());
      } else if (!was.text().startsWith("ret") && !was.text().startsWith("j")) {
        assertEquals(was.location().pc() + was.bytes().length, thread.pc(), was.toString());
      }
    }

    assertEquals(work, visited.get(0));
    assertEquals(returnTo, thread.pc(), "back after the call: " + visited);
    assertTrue(visited.size() >= 4, visited.toString());
    assertTrue(visited.subList(0, visited.size() - 1).stream()
        .allMatch(pc -> pc >= work && pc < work + 64), visited.toString());
  }

  @Test
  void anInstructionOfAnEarlierStopIsStale(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    long work = GoNm.address(target.executable(), "main.work", "Tt");
    target.createBreakpoint(BreakpointSpec.atAddress(work));
    DebuggerState first = target.resume();
    Thread asked = first.currentThread().orElseThrow();
    AsmInstruction decoded = orSkip(asked::instruction);
    Thread unasked = first.threads().stream().filter(t -> t.id() != asked.id()).findFirst()
        .orElse(asked);

    DebuggerState second = target.resume();

    assertThrows(StaleHandleException.class, asked::instruction);
    assertThrows(StaleHandleException.class, unasked::instruction);
    assertEquals(decoded, second.currentThread().orElseThrow().instruction());
    target.kill();
    assertThrows(StaleHandleException.class,
        second.currentThread().orElseThrow()::instruction);
  }

  @Test
  void badRangesAndAddressesAreTypedExceptions(@GoProgram("engine-basic") Target target) {
    long main = GoNm.address(target.executable(), MAIN, "Tt");

    IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
        () -> target.disassemble(main, main - 1, AsmSyntax.GNU));
    assertEquals("end 0x" + Long.toHexString(main - 1) + " is below start 0x"
        + Long.toHexString(main), below.getMessage());
    IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
        () -> target.disassemble(main, main + (1 << 20) + 1, AsmSyntax.GNU));
    assertEquals("cannot disassemble 0x100001 bytes at 0x" + Long.toHexString(main)
        + ": at most 0x100000 at once", huge.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> target.disassemble(0, -1L, AsmSyntax.GNU));
    assertEquals(List.of(), target.disassemble(main, main, AsmSyntax.GNU));
    assertThrows(NullPointerException.class, () -> target.disassemble(main, main + 1, null));

    MemoryAccessException unmapped = assertThrows(MemoryAccessException.class,
        () -> target.disassemble(0x10, 0x20, AsmSyntax.GNU));
    assertEquals(0x10, unmapped.address());
    LocationNotFoundException nowhere = assertThrows(LocationNotFoundException.class,
        () -> target.disassembleFunction(0x10, AsmSyntax.GNU));
    assertEquals("could not find *0x10: no function contains it", nowhere.getMessage());
    long rodata = GoNm.address(target.executable(), "runtime.etext", "Tt") + 0x1000;
    assertEquals(1, target.readMemory(rodata, 1).length);
    assertThrows(LocationNotFoundException.class,
        () -> target.disassembleFunction(rodata, AsmSyntax.INTEL));
  }

  @Test
  void theLastInstructionIsWholeUnlessReadableMemoryEndsAndOneMibIsAllowed(
      @GoProgram("engine-basic") Target target) throws Exception {
    long main = GoNm.address(target.executable(), MAIN, "Tt");
    List<AsmInstruction> whole = orSkip(() -> target.disassembleFunction(main,
        AsmSyntax.GNU));
    AsmInstruction second = whole.get(1);

    List<AsmInstruction> cut = target.disassemble(main, second.location().pc() + 1,
        AsmSyntax.GNU);

    assertEquals(whole.subList(0, 2), cut); // the second is whole, though it ends past end
    long edge = readableEnd(target.pid());
    List<AsmInstruction> atEdge = target.disassemble(edge - 4, edge, AsmSyntax.GNU);
    assertEquals(edge, atEdge.get(atEdge.size() - 1).location().pc()
        + atEdge.get(atEdge.size() - 1).bytes().length, atEdge.toString());
    long text = GoNm.address(target.executable(), "runtime.text", "Tt"); // .text, then .rodata
    long started = System.nanoTime();
    List<AsmInstruction> mib = target.disassemble(text, text + (1 << 20), AsmSyntax.GNU);
    System.out.printf("disassembled 1 MiB, %d instructions, in %d ms%n", mib.size(),
        (System.nanoTime() - started) / 1_000_000);
    assertEquals(text, mib.get(0).location().pc());
    assertTrue(mib.size() > 200_000, "instructions in 1 MiB: " + mib.size());
  }

  /** The end of a readable mapping of the process that no other mapping follows. */
  private static long readableEnd(int pid) throws java.io.IOException {
    List<long[]> maps = java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/maps"))
        .stream().map(l -> l.split("\\s+"))
        .filter(f -> f[1].startsWith("r") && !f[f.length - 1].equals("[vvar]")
            && !f[f.length - 1].equals("[vsyscall]"))
        .map(f -> new long[] {Long.parseUnsignedLong(f[0].split("-")[0], 16),
            Long.parseUnsignedLong(f[0].split("-")[1], 16)}).toList();
    return maps.stream().map(m -> m[1])
        .filter(end -> maps.stream().noneMatch(m -> m[0] == end)).findFirst().orElseThrow();
  }

  @Test
  void anExitedTargetCannotBeDisassembled(
      @GoProgram(value = "engine-basic", pipeOutput = true) Target target) {
    Thread before = target.state().currentThread().orElseThrow();
    assertTrue(target.resume().exited());

    assertThrows(TargetExitedException.class,
        () -> target.disassemble(0x401000, 0x401010, AsmSyntax.GNU));
    assertThrows(TargetExitedException.class,
        () -> target.disassembleFunction(0x401000, AsmSyntax.INTEL));
    assertThrows(StaleHandleException.class, before::instruction);
  }

  @Test
  void aMissingDisassemblerFailsOnlyDisassemblyAndOnlyWhenAsked() {
    Path binary = GoBuild.fixture("engine-basic").build();
    long main = GoNm.address(binary, MAIN, "Tt");
    try (CodeIndex code = CodeIndex.open(binary, elf -> 0)) {
      BreakpointTable none = new BreakpointTable(new BreakpointTable.Code() {
        @Override
        public void read(long address, byte[] dst) { }

        @Override
        public void write(long address, byte[] bytes) { }
      }, new byte[] {0});
      Disassembly disassembly = new Disassembly(backendFor("riscv64"), none, code);

      DisassemblerUnavailableException first = assertThrows(
          DisassemblerUnavailableException.class,
          () -> disassembly.range(main, main + 4, AsmSyntax.GNU, OptionalLong.empty()));
      DisassemblerUnavailableException again = assertThrows(
          DisassemblerUnavailableException.class, () -> disassembly.at(main));

      assertEquals("no disassembler for GOARCH riscv64: dlv4j disassembles amd64 and arm64",
          first.getMessage());
      assertSame(first.getCause(), again.getCause(), "loaded once, the failure remembered");
      assertThrows(LocationNotFoundException.class,
          () -> disassembly.function(0x10, AsmSyntax.GNU, OptionalLong.empty()));
      assertThrows(IllegalArgumentException.class,
          () -> disassembly.range(main, main - 1, AsmSyntax.GNU, OptionalLong.empty()));
      disassembly.close();
    }
  }

  /** A process backend of another architecture whose memory reads as zeros. */
  private static ProcessBackend backendFor(String goArch) {
    ArchSupport arch = proxy(ArchSupport.class, (method, args) -> switch (method) {
      case "name" -> goArch;
      case "maxInstructionLength" -> 4;
      default -> throw new UnsupportedOperationException(method);
    });
    MemoryAccess memory = proxy(MemoryAccess.class, (method, args) -> switch (method) {
      case "read" -> args[3];
      case "readFully" -> null;
      default -> throw new UnsupportedOperationException(method);
    });
    return proxy(ProcessBackend.class, (method, args) -> switch (method) {
      case "arch" -> arch;
      case "memory" -> memory;
      case "pid" -> 1;
      default -> throw new UnsupportedOperationException(method);
    });
  }

  private static <T> T proxy(Class<T> type,
      java.util.function.BiFunction<String, Object[], Object> answer) {
    return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(),
        new Class<?>[] {type}, (self, method, args) -> answer.apply(method.getName(), args)));
  }

  /** Runs a disassembly, skipping the test if no disassembler loads here. */
  static <T> T orSkip(Supplier<T> disassembly) {
    try {
      return disassembly.get();
    } catch (DisassemblerUnavailableException e) {
      Assumptions.abort("no disassembler: " + e.getMessage());
      throw e;
    }
  }

  private static int indexOfCallTo(List<AsmInstruction> code, long callee) {
    for (int n = 0; n < code.size(); n++) {
      if (code.get(n).destination().map(Location::pc).orElse(0L) == callee
          && code.get(n).text().startsWith("call")) {
        return n;
      }
    }
    throw new AssertionError("no call to 0x" + Long.toHexString(callee) + " in " + code);
  }

  /** The text with the branch target's name replaced by its address, as objdump writes it. */
  private static String withoutSymbol(AsmInstruction in, AsmSyntax syntax) {
    if (in.destination().isEmpty()) {
      return in.text();
    }
    return syntax == AsmSyntax.INTEL
        ? in.text().replaceFirst("\\$\\S+$", "0x" + Long.toHexString(in.destination().get().pc()))
        : in.text().replaceFirst(" <[^>]*>$", "");
  }

  private static String symbolOf(AsmInstruction in, AsmSyntax syntax) {
    if (syntax == AsmSyntax.INTEL) {
      Matcher m = Pattern.compile("\\$(\\S+)$").matcher(in.text());
      return m.find() ? m.group(1) : "no symbol in " + in;
    }
    return symbolIn(in.text());
  }

  private static String symbolIn(String text) {
    Matcher m = SYMBOL.matcher(text);
    return m.find() ? m.group(1) : "no symbol in " + text;
  }

  /** The ELF symbol's name as the pclntab spells it: ABI0 functions without ".abi0". */
  private static String withoutAbi(String symbol) {
    return symbol.replaceFirst("\\.abi0(?=$|\\+)", "");
  }

  private static String nameOf(Location at) {
    Function f = at.function().orElseThrow();
    return at.pc() == f.entry() ? f.name() : f.name() + "+0x" + Long.toHexString(at.pc()
        - f.entry());
  }
}
