package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.dlv4j.spi.DebuggerEngine;
import org.junit.jupiter.api.Test;

class DebuggerTest {
  @Test
  void createFindsTheRegisteredEngine() {
    Debugger debugger = Debugger.create();

    assertEquals("Debugger[org.dlv4j.api.FakeEngine]", debugger.toString());
  }

  @Test
  void createWithAClassLoaderFindsTheRegisteredEngine() {
    Debugger debugger = Debugger.create(DebuggerTest.class.getClassLoader());

    assertEquals("Debugger[org.dlv4j.api.FakeEngine]", debugger.toString());
  }

  @Test
  void launchAndAttachGoToTheEngine() {
    Debugger debugger = Debugger.create();
    LaunchSpec spec = LaunchSpec.goBuild(Path.of("cmd/app"));

    assertEquals(4242, debugger.launch(spec).pid());
    assertSame(spec, FakeEngine.LAST_REQUEST.get());
    assertEquals(77, debugger.attach(77).pid());
    assertEquals(AttachSpec.of(77), FakeEngine.LAST_REQUEST.get());
    AttachSpec withExe = AttachSpec.of(78).withExecutable(Path.of("app.debug"));
    assertEquals(78, debugger.attach(withExe).pid());
    assertSame(withExe, FakeEngine.LAST_REQUEST.get());
  }

  @Test
  void noSupportingEngineNamesTheMissingArtifacts() {
    EngineNotFoundException e = assertThrows(EngineNotFoundException.class,
        () -> Debugger.create(ServiceLoader.load(DebuggerEngine.class), "plan9", "386"));

    assertEquals("no dlv4j engine for plan9/386: add debugger-gort and debugger-native-plan9-386"
        + " to the class/module path", e.getMessage());
  }

  @Test
  void noEngineAtAllOnTheHost() {
    assumeTrue(System.getProperty("os.name").equals("Linux"));
    assumeTrue(System.getProperty("os.arch").equals("amd64"));
    ClassLoader empty = new ClassLoader(null) {};

    EngineNotFoundException e = assertThrows(EngineNotFoundException.class,
        () -> Debugger.create(empty));

    assertEquals("no dlv4j engine for linux/amd64: add debugger-gort and "
        + "debugger-native-linux-amd64 to the class/module path", e.getMessage());
  }

  @Test
  void firstSupportingEngineWins() {
    DebuggerEngine linuxOnly = new PlatformEngine("linux");
    DebuggerEngine any = new FakeEngine();

    assertEquals("Debugger[org.dlv4j.api.DebuggerTest$PlatformEngine]",
        Debugger.create(List.of(linuxOnly, any), "linux", "arm64").toString());
    assertEquals("Debugger[org.dlv4j.api.FakeEngine]",
        Debugger.create(List.of(linuxOnly, any), "darwin", "arm64").toString());
    assertEquals("Debugger[org.dlv4j.api.FakeEngine]",
        Debugger.create(List.of(any, linuxOnly), "linux", "arm64").toString());
  }

  /** An engine for one operating system that cannot launch or attach. */
  private record PlatformEngine(String os) implements DebuggerEngine {
    @Override
    public boolean supports(String os, String arch) {
      return this.os.equals(os);
    }

    @Override
    public Target launch(LaunchSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Target attach(AttachSpec spec) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void usingWrapsAGivenEngine() {
    Debugger debugger = Debugger.using(new FakeEngine());

    assertEquals(5, debugger.attach(5).pid());
    assertEquals("engine is null",
        assertThrows(NullPointerException.class, () -> Debugger.using(null)).getMessage());
  }

  @Test
  void rejectsNullsAndBadPids() {
    Debugger debugger = Debugger.using(new FakeEngine());

    assertEquals("spec is null", assertThrows(NullPointerException.class,
        () -> debugger.launch(null)).getMessage());
    assertEquals("spec is null", assertThrows(NullPointerException.class,
        () -> debugger.attach((AttachSpec) null)).getMessage());
    assertEquals("pid must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> debugger.attach(0)).getMessage());
    assertEquals("loader is null", assertThrows(NullPointerException.class,
        () -> Debugger.create((ClassLoader) null)).getMessage());
  }

  @Test
  void hostPlatformUsesGoSpelling() {
    assertEquals("linux", HostPlatform.goos("Linux"));
    assertEquals("darwin", HostPlatform.goos("Mac OS X"));
    assertEquals("windows", HostPlatform.goos("Windows 11"));
    assertEquals("freebsd", HostPlatform.goos("FreeBSD"));
    assertEquals("amd64", HostPlatform.goarch("amd64"));
    assertEquals("amd64", HostPlatform.goarch("x86_64"));
    assertEquals("arm64", HostPlatform.goarch("aarch64"));
    assertEquals("386", HostPlatform.goarch("i686"));
    assertEquals("loong64", HostPlatform.goarch("loongarch64"));
    assertEquals("riscv64", HostPlatform.goarch("riscv64"));
  }
}
