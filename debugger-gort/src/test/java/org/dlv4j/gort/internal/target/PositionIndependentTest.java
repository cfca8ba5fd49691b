package org.dlv4j.gort.internal.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlv4j.api.AsmInstruction;
import org.dlv4j.api.AsmSyntax;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.DebuggerState;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Location;
import org.dlv4j.api.Stackframe;
import org.dlv4j.api.StopReason;
import org.dlv4j.api.Target;
import org.dlv4j.gort.internal.disasm.Objdump;
import org.dlv4j.junit.AttachableProgram;
import org.dlv4j.junit.GoAddr2line;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoBuildException;
import org.dlv4j.junit.GoDebugExtension;
import org.dlv4j.junit.GoDebugSession;
import org.dlv4j.junit.GoNm;
import org.dlv4j.junit.ProcFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Position-independent executables ({@code go build -buildmode=pie}, linked by Go or by gcc):
 * the kernel maps them away from their link addresses (ASLR or not), and everything must work
 * as on a fixed-address build of the same source. Each test compares with that build and checks
 * the process addresses against {@code go tool nm}/{@code addr2line}/{@code objdump} of the PIE
 * moved by the load bias that {@code /proc/pid/maps} shows.
 */
@ExtendWith(GoDebugExtension.class)
@Timeout(120)
class PositionIndependentTest {
  private static final String STEPPING_GO = SteppingTest.MAIN_GO;
  private static final String GOROUTINES_GO =
      GoBuild.testdataRoot().resolve("goroutines-example/main.go").toString();
  private static final Pattern GO_CALL = Pattern.compile("^CALL (\\S+)\\(SB\\)$");
  /** Scenarios of {@link SteppingTest} walked one after the other in one run of the fixture. */
  private static final List<String> WALK = List.of("main.loop 36 n n n n n", "main.closure 52 n n n s n n n",
      "main.methodValue 61 n n n s o n", "main.areaOf 68 n s n n n n",
      "main.generic 92 n n s n n n n", "main.deferredArgs 108 n n n s n n n n");

  @TempDir
  Path tmp;

  /** How the PIE is linked. */
  enum Link {
    /** By Go's own linker. */
    INTERNAL,
    /** By gcc ({@code -linkmode=external}, cgo enabled), if it is installed. */
    EXTERNAL;

    Path build(String fixture) {
      GoBuild b = GoBuild.fixture(fixture).flags("-buildmode=pie");
      if (this == EXTERNAL) {
        b = b.env("CGO_ENABLED", "1").flags("-ldflags=-linkmode=external");
      }
      try {
        return b.build();
      } catch (GoBuildException e) {
        Assumptions.abort("cannot link " + fixture + " externally: " + e.getMessage());
        throw e;
      }
    }
  }

  /** A launched PIE and where the kernel put it. */
  private record Pie(Target target, Path binary, long bias) {
    static Pie launch(GoDebugSession session, Path binary, String... args) {
      Target t = session.launch(LaunchSpec.of(binary, args));
      long bias = LoadBiasTest.mappedBias(t.pid(), binary);
      assertTrue(bias != 0, "a PIE does not run at its link addresses");
      return new Pie(t, binary, bias);
    }

    /** The process address of a function, by go tool nm of the PIE. */
    long address(String function) {
      return bias + GoNm.address(binary, function, "Tt");
    }

    /** Checks that an address lies in the executable's own code mapping. */
    void assertInCode(long pc) {
      String exe = ProcFs.executable(target.pid()).toString();
      assertTrue(ProcFs.mappings(target.pid()).stream().anyMatch(m -> m.path().equals(exe)
          && m.permissions().contains("x") && m.contains(pc)),
          "0x" + Long.toHexString(pc) + " is not in the code of " + exe);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void breakpointsByFunctionLineAndAddressStopAtTheRelocatedCode(Link link,
      GoDebugSession session) {
    Pie pie = Pie.launch(session, link.build("stepping"));
    Target target = pie.target();
    long closure = pie.address("main.closure");

    Breakpoint fn = target.createBreakpoint(BreakpointSpec.atFunction("main.fact"));
    Breakpoint line = target.createBreakpoint(BreakpointSpec.atLine(STEPPING_GO, 48));
    Breakpoint at = target.createBreakpoint(BreakpointSpec.atAddress(closure));

    assertEquals(new GoAddr2line.Position("main.fact", STEPPING_GO, 44),
        GoAddr2line.position(pie.binary(), fn.addrs().get(0) - pie.bias()));
    assertEquals(new GoAddr2line.Position("main.fact", STEPPING_GO, 48),
        GoAddr2line.position(pie.binary(), line.addrs().get(0) - pie.bias()));
    assertEquals(List.of(closure), at.addrs());
    Target fixed = session.launch(LaunchSpec.of(GoBuild.fixture("stepping").build()));
    assertEquals(summary(fixed.createBreakpoint(fn.spec())), summary(fn));
    assertEquals(summary(fixed.createBreakpoint(line.spec())), summary(line));
    assertEquals("main.closure " + STEPPING_GO + ":52", summary(at));

    Location hit = stopAt(target, fn.addrs().get(0));
    assertEquals("main.fact:44", where(hit));
    Function fact = hit.function().orElseThrow();
    assertEquals(pie.address("main.fact"), fact.entry());
    pie.assertInCode(hit.pc());
    pie.assertInCode(fact.end() - 1);
    target.clearBreakpoint(fn.id());
    assertEquals("main.fact:48", where(stopAt(target, line.addrs().get(0))));
    target.clearBreakpoint(line.id());
    assertEquals("main.closure:52", where(stopAt(target, closure)));
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void aRecursiveStackIsTheFixedAddressBuildsStack(Link link, GoDebugSession session) {
    Pie pie = Pie.launch(session, link.build("stepping"));
    Target fixed = session.launch(LaunchSpec.of(GoBuild.fixture("stepping").build()));

    List<Stackframe> frames = factStack(pie.target());

    assertEquals(positions(factStack(fixed)), positions(frames));
    assertEquals(List.of("main.fact:44", "main.fact:48", "main.fact:48", "main.main:150",
        "runtime.main", "runtime.goexit"), names(frames));
    for (Stackframe f : frames) {
      pie.assertInCode(f.location().pc());
      String name = f.location().function().orElseThrow().name();
      if (name.startsWith("main.")) {
        assertEquals(pie.address(name), f.location().function().orElseThrow().entry(), name);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void goroutinesHaveTheFixedAddressBuildsUserLocations(Link link, GoDebugSession session) {
    Pie pie = Pie.launch(session, link.build("goroutines-example"), tmp.resolve("pie").toString());
    Target fixed = session.launch(LaunchSpec.of(GoBuild.fixture("goroutines-example").build(),
        tmp.resolve("fixed").toString()));

    List<String> ours = userLocations(pie.target());

    assertEquals(userLocations(fixed), ours);
    assertTrue(ours.contains("running main.stopHere " + GOROUTINES_GO + ":56"), ours.toString());
    assertTrue(ours.contains("chan receive main.waiter " + GOROUTINES_GO + ":37"), ours.toString());
    assertEquals(4, ours.size(), "main, waiter, sleeper, locker: " + ours);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void nextStepAndStepOutWalkAsInTheFixedAddressBuild(Link link, GoDebugSession session) {
    Pie pie = Pie.launch(session, link.build("stepping"));
    Target fixed = session.launch(LaunchSpec.of(GoBuild.fixture("stepping").build()));

    List<String> ours = walk(pie.target());

    assertEquals(walk(fixed), ours);
    assertEquals(List.of("main.loop:37", "main.loop:38", "main.loop:39", "main.loop:38",
        "main.loop:39", "main.closure:53", "main.closure:54", "main.closure:57",
        "main.closure.func1:54", "main.closure.func1:55", "main.closure:57", "main.closure:58",
        "main.methodValue:62", "main.methodValue:63", "main.methodValue:64",
        "main.(*Counter).Inc:25", "main.methodValue:65", "main.main:152",
        "main.areaOf:69", "main.Rect.Area:18", "main.Rect.Area:19", "main.Rect.Area:20",
        "main.areaOf:69", "main.areaOf:70", "main.generic:93", "main.generic:94",
        "main.maxOf[go.shape.int]:85", "main.maxOf[go.shape.int]:86",
        "main.maxOf[go.shape.int]:89", "main.generic:94", "main.generic:95",
        "main.deferredArgs:109", "main.deferredArgs:110", "main.deferredArgs:111", "main.bump:113",
        "main.bump:114", "main.bump:115", "main.deferredArgs:111", "main.main:158"), ours);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void disassemblyIsGoObjdumpMovedByTheBiasWithCalleesNamed(Link link, GoDebugSession session) {
    Pie pie = Pie.launch(session, link.build("stepping"));
    long entry = pie.address("main.main");

    List<AsmInstruction> ours = DisassemblyTest.orSkip(() -> pie.target().disassembleFunction(
        entry + 20, AsmSyntax.GNU));

    List<Objdump.GoLine> theirs = Objdump.go(pie.binary(), "main.main");
    List<String> fixedCallees = Objdump.go(GoBuild.fixture("stepping").build(), "main.main")
        .stream().map(l -> GO_CALL.matcher(l.text())).filter(Matcher::matches)
        .map(m -> m.group(1)).toList();
    List<String> callees = DisassemblyTest.assertGoObjdump(ours, theirs, pie.bias(),
        pie::address);
    assertEquals(fixedCallees, callees);
    assertTrue(callees.containsAll(List.of("main.loop", "main.fact", "main.twoGoroutines",
        "fmt.Println", "os.Exit")), callees.toString());
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void attachingToARunningPieListsItsGoroutineStacks(Link link, GoDebugSession session)
      throws Exception {
    Path ids = tmp.resolve("ids");
    try (AttachableProgram program = AttachableProgram.start(link.build("goroutines-example"),
        ids.toString(), "wait")) {
      awaitReady(ids);
      Target target = session.attach(program.pid());

      List<String> stacks = new ArrayList<>();
      for (Goroutine g : target.goroutines()) {
        if (!g.system()) {
          List<Stackframe> frames = target.stacktrace(g.id(), 50, false);
          int user = frames.indexOf(frames.stream().filter(f -> f.location().file()
              .equals(GOROUTINES_GO)).findFirst().orElseThrow());
          stacks.add(g.statusText() + ": " + names(frames.subList(user, frames.size())));
        }
      }

      assertEquals(List.of("select (no cases): [main.main:77, runtime.main, runtime.goexit]",
          "chan receive: [main.waiter:37, runtime.goexit]",
          "sleep: [main.sleeper:44, runtime.goexit]",
          "sync.Mutex.Lock: [main.locker:51, runtime.goexit]"), stacks);
      session.close(); // detach before the program is killed
    }
  }

  /**
   * Without ASLR ({@code setarch -R}, as Delve launches) the kernel maps a PIE at its fixed
   * base for PIEs, {@code ELF_ET_DYN_BASE} (x86-64: 0x555555554000): still not its link address.
   */
  @Test
  void withoutAslrAPieRunsAtTheKernelsBaseForPies(GoDebugSession session) throws Exception {
    Assumptions.assumeTrue("amd64".equals(System.getProperty("os.arch")), "x86-64's base");
    Path binary = Link.INTERNAL.build("goroutines-example");
    Path ids = tmp.resolve("ids");
    try (AttachableProgram program = AttachableProgram.start(Path.of("/usr/bin/setarch"), "-R",
        binary.toString(), ids.toString(), "wait")) {
      awaitReady(ids);
      long bias = LoadBiasTest.mappedBias(program.pid(), binary);
      Assumptions.assumeTrue(bias == 0x5555_5555_4000L - 0x40_0000, "ASLR stayed on");
      Target target = session.attach(program.pid());

      Goroutine waiter = target.goroutines().stream()
          .filter(g -> g.userLocation().function().orElseThrow().name().equals("main.waiter"))
          .findFirst().orElseThrow();

      assertEquals("main.waiter:37", where(waiter.userLocation()));
      assertEquals(bias + GoNm.address(binary, "main.waiter", "Tt"),
          waiter.userLocation().function().orElseThrow().entry());
      session.close(); // detach before the program is killed
    }
  }

  /** Stops at the breakpoint at {@code pc} and returns where the thread stands. */
  private static Location stopAt(Target target, long pc) {
    DebuggerState state = target.resume();
    assertEquals(new StopReason.BreakpointHit(), state.stopReason().orElseThrow());
    Location at = state.currentThread().orElseThrow().location();
    assertEquals(pc, at.pc());
    return at;
  }

  private static String where(Location at) {
    return at.function().orElseThrow().name() + ":" + at.line();
  }

  /** A breakpoint's function and position, which do not depend on where the code is. */
  private static String summary(Breakpoint b) {
    return b.functionName().orElse("?") + " " + b.file() + ":" + b.line();
  }

  /** The stack of fact(2), called by fact(3), called by fact(4). */
  private static List<Stackframe> factStack(Target target) {
    Breakpoint fact = target.createBreakpoint(BreakpointSpec.atFunction("main.fact"));
    DebuggerState state = null;
    for (int call = 0; call < 3; call++) {
      state = target.resume();
    }
    target.clearBreakpoint(fact.id());
    return target.stacktrace(state.selectedGoroutine().orElseThrow().id(), 50, false);
  }

  /** {@code function:line} of each frame in a fixture's main.go, the function elsewhere. */
  private static List<String> names(List<Stackframe> frames) {
    return frames.stream().map(f -> f.location().function().map(Function::name).orElse("?")
        + (f.location().file().endsWith("/main.go") ? ":" + f.location().line() : "")).toList();
  }

  private static List<String> positions(List<Stackframe> frames) {
    return frames.stream().map(f -> f.location().function().map(Function::name).orElse("?")
        + " " + f.location().file() + ":" + f.location().line()).toList();
  }

  /** The wait reason and user location of each goroutine that is not the runtime's, by id. */
  private static List<String> userLocations(Target target) {
    target.createBreakpoint(BreakpointSpec.atFunction("main.stopHere"));
    assertEquals(new StopReason.BreakpointHit(), target.resume().stopReason().orElseThrow());
    return target.goroutines().stream().filter(g -> !g.system())
        .map(g -> g.statusText() + " " + g.userLocation().function().map(Function::name)
            .orElse("?") + " " + g.userLocation().file() + ":" + g.userLocation().line())
        .toList();
  }

  /** Runs {@link #WALK}: to each function, then its steps. */
  private static List<String> walk(Target target) {
    List<String> out = new ArrayList<>();
    for (String scenario : WALK) {
      String[] s = scenario.split(" ", 3);
      SteppingTest.stopIn(target, s[0], Integer.parseInt(s[1]));
      out.addAll(SteppingTest.steps(target, s[2]));
    }
    return out;
  }


  private static void awaitReady(Path ids) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (Files.exists(ids) && Files.readString(ids).endsWith("ready\n")) {
        return;
      }
      java.lang.Thread.sleep(50);
    }
    throw new AssertionError("the program did not write " + ids);
  }
}
