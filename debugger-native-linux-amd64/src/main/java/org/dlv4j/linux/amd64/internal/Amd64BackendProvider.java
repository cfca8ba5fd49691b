package org.dlv4j.linux.amd64.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dlv4j.linux.internal.ptrace.Attacher;
import org.dlv4j.linux.internal.ptrace.Launcher;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.TargetBackendProvider;

/** The {@link TargetBackendProvider} for Linux on x86-64, found by {@code ServiceLoader}. */
public final class Amd64BackendProvider implements TargetBackendProvider {

  /** Creates the provider; {@code ServiceLoader} calls this. */
  public Amd64BackendProvider() { }

  @Override
  public boolean supportsHost() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String cpu = System.getProperty("os.arch", "");
    return os.equals("linux") && (cpu.equals("amd64") || cpu.equals("x86_64"))
        && Files.isDirectory(Path.of("/proc/self/task"));
  }

  @Override
  public ArchSupport arch() {
    return Amd64Arch.INSTANCE;
  }

  @Override
  public ProcessBackend launch(ProcessSpec spec) {
    return Launcher.launch(spec, Amd64LinuxArch.INSTANCE);
  }

  @Override
  public ProcessBackend attach(int pid) {
    return Attacher.attach(pid, Amd64LinuxArch.INSTANCE);
  }
}
