package org.dlv4j.linux.internal.ptrace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.StringArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlv4j.api.DebuggerException;
import org.dlv4j.api.LaunchException;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.linux.internal.sys.Errors;
import org.dlv4j.linux.internal.sys.LibC;
import org.dlv4j.linux.internal.sys.Signals;
import org.dlv4j.linux.internal.sys.WaitStatus;
import org.dlv4j.spi.ProcessSpec;
import org.dlv4j.spi.Stdio;

/**
 * Starts a program stopped at its first instruction, without native helpers and without
 * {@code fork()} in the JVM. On the tracer thread it {@code posix_spawn}s
 * {@code /bin/sh -c 'kill -STOP $$; unset PWD; exec "$0" "$@"' program args...} in a process
 * group of its own, waits until the shell has stopped itself, seizes it with
 * {@code TRACEEXEC|TRACECLONE|EXITKILL}, lets it continue, and stops at
 * {@code PTRACE_EVENT_EXEC}: the program is mapped and has not run an instruction. The JVM's
 * own descriptors are closed in the child, its signal mask emptied and dispositions reset.
 */
public final class Launcher {
  private static final String SHELL = "/bin/sh";
  /**
   * The shell exports PWD itself; these variants keep the environment exact: drop it, or set
   * the caller's value (passed as $1, so no quoting is needed).
   */
  private static final String STOP_UNSET_PWD_EXEC = "kill -STOP $$; unset PWD; exec \"$0\" \"$@\"";
  private static final String STOP_SET_PWD_EXEC =
      "kill -STOP $$; PWD=$1; shift; exec \"$0\" \"$@\"";
  private static final short SETPGROUP = 0x02;
  private static final short SETSIGDEF = 0x04;
  private static final short SETSIGMASK = 0x08;
  private static final int O_RDONLY = 0;
  private static final int O_WRONLY = 1;
  private static final int O_CREAT = 0x40;
  private static final int O_TRUNC = 0x200;
  private static final int O_APPEND = 0x400;
  /** How many stops the shell may make before its exec (seen: 3); more means it went astray. */
  private static final int MAX_STOPS_BEFORE_EXEC = 32;

  private Launcher() { }

  /**
   * Launches a program.
   *
   * @param spec what to run
   * @param arch the architecture the program must be built for
   * @return the process, stopped at its first instruction
   */
  public static LinuxProcess launch(ProcessSpec spec, LinuxArch arch) {
    Path program = spec.program().toAbsolutePath().normalize();
    ProgramCheck.check(program, arch.elfMachine());
    checkFiles(program, spec);
    PtraceThread tracer = new PtraceThread("dlv4j-ptrace-" + program.getFileName());
    Ptrace ptrace = new Ptrace(tracer);
    ChildStdio stdio = ChildStdio.create(program, spec.stdin(), spec.stdout(), spec.stderr());
    int pid;
    try {
      pid = tracer.call(() -> spawnStopped(ptrace, program, spec, stdio));
    } catch (RuntimeException e) {
      tracer.close();
      stdio.close();
      throw e;
    }
    try {
      stdio.afterSpawn();
      return new LinuxProcess(pid, true, arch, ptrace, List.of(pid), Map.of(), stdio);
    } catch (IOException | RuntimeException e) {
      tracer.call(() -> {
        killAndReap(ptrace, pid);
        return null;
      });
      tracer.close();
      stdio.close();
      throw e instanceof RuntimeException r ? r
          : new LaunchException(program, "cannot open the stdio pipes: " + e.getMessage(), e);
    }
  }

  private static void checkFiles(Path program, ProcessSpec spec) {
    if (!Files.isDirectory(spec.workingDirectory())) {
      throw new LaunchException(program, "working directory " + spec.workingDirectory()
          + " is not a directory");
    }
    if (spec.stdin() instanceof Stdio.FromFile in && !Files.isReadable(in.path())) {
      throw new LaunchException(program, "stdin file " + in.path() + " is not readable");
    }
    for (Stdio out : List.of(spec.stdout(), spec.stderr())) {
      if (out instanceof Stdio.ToFile f) {
        Path dir = f.path().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
          throw new LaunchException(program, "directory of output file " + f.path()
              + " does not exist");
        }
      }
    }
  }

  /** Runs on the tracer thread: spawn, seize, run to the exec stop. Returns the pid. */
  private static int spawnStopped(Ptrace ptrace, Path program, ProcessSpec spec,
      ChildStdio stdio) {
    int pid = spawn(program, spec, stdio);
    try {
      ptrace.waitpid(pid, Ptrace.WUNTRACED);
      int status = ptrace.status();
      if (!WaitStatus.stopped(status)) {
        throw new LaunchException(program, "the launch shell ended before the program started: "
            + WaitStatus.describe(status));
      }
      ptrace.seize(pid, Ptrace.O_TRACECLONE | Ptrace.O_TRACEEXEC | Ptrace.O_EXITKILL);
      runToExec(ptrace, program, pid);
      return pid;
    } catch (ErrnoException e) {
      killAndReap(ptrace, pid);
      throw Errors.launch(program, e.errno(), e.operation());
    } catch (RuntimeException e) {
      killAndReap(ptrace, pid);
      throw e;
    }
  }

  /** Handles the seize of a group-stopped shell until {@code PTRACE_EVENT_EXEC}. */
  private static void runToExec(Ptrace ptrace, Path program, int pid) {
    boolean continued = false;
    for (int i = 0; i < MAX_STOPS_BEFORE_EXEC; i++) {
      ptrace.waitpid(pid, Ptrace.WALL);
      int status = ptrace.status();
      if (!WaitStatus.stopped(status)) {
        throw new LaunchException(program, "exited before its first instruction: "
            + WaitStatus.describe(status) + (WaitStatus.exited(status)
            && WaitStatus.exitCode(status) >= 126 ? " (the shell could not execute it)" : ""));
      }
      int signo = WaitStatus.stopSignal(status);
      switch (WaitStatus.event(status)) {
        case WaitStatus.EVENT_EXEC -> {
          return;
        }
        case WaitStatus.EVENT_STOP -> {
          if (Signals.isStopSignal(signo) && !continued) {
            // seized while group-stopped: end the group-stop, then let it run
            LibC.kill(pid, Signals.SIGCONT);
            continued = true;
          }
          ptrace.cont(pid, 0);
        }
        case 0 -> ptrace.cont(pid, signo == Signals.SIGSTOP ? 0 : signo);
        default -> ptrace.cont(pid, 0);
      }
    }
    throw new LaunchException(program, "did not reach execve after " + MAX_STOPS_BEFORE_EXEC
        + " stops of the launch shell");
  }

  private static int spawn(Path program, ProcessSpec spec, ChildStdio stdio) {
    Memory actions = new Memory(256);
    Memory attr = new Memory(512);
    Memory emptySet = new Memory(128);
    Memory allSet = new Memory(128);
    Memory pidOut = new Memory(4);
    LibC.posix_spawn_file_actions_init(actions);
    LibC.posix_spawnattr_init(attr);
    try {
      check(program, "posix_spawn_file_actions", fileActions(actions, spec, stdio));
      LibC.sigemptyset(emptySet);
      LibC.sigfillset(allSet);
      check(program, "posix_spawnattr_setsigmask", LibC.posix_spawnattr_setsigmask(attr, emptySet));
      check(program, "posix_spawnattr_setsigdefault",
          LibC.posix_spawnattr_setsigdefault(attr, allSet));
      check(program, "posix_spawnattr_setpgroup", LibC.posix_spawnattr_setpgroup(attr, 0));
      check(program, "posix_spawnattr_setflags", LibC.posix_spawnattr_setflags(attr,
          (short) (SETPGROUP | SETSIGMASK | SETSIGDEF)));
      List<String> argv = argv(program, spec);
      String[] envp = spec.environment().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).sorted().toArray(String[]::new);
      check(program, "posix_spawn " + SHELL, LibC.posix_spawn(pidOut, SHELL, actions, attr,
          new StringArray(argv.toArray(String[]::new)), new StringArray(envp)));
      return pidOut.getInt(0);
    } finally {
      LibC.posix_spawn_file_actions_destroy(actions);
      LibC.posix_spawnattr_destroy(attr);
    }
  }

  private static List<String> argv(Path program, ProcessSpec spec) {
    String pwd = spec.environment().get("PWD");
    List<String> argv = new ArrayList<>(List.of(SHELL, "-c",
        pwd == null ? STOP_UNSET_PWD_EXEC : STOP_SET_PWD_EXEC, program.toString()));
    if (pwd != null) {
      argv.add(pwd);
    }
    argv.addAll(spec.args());
    return argv;
  }

  /** Adds the stdio redirections, the chdir and closefrom(3); returns the first error or 0. */
  private static int fileActions(Memory fa, ProcessSpec spec, ChildStdio stdio) {
    Stdio[] choices = {spec.stdin(), spec.stdout(), spec.stderr()};
    for (int fd = 0; fd < 3; fd++) {
      int rc = 0;
      if (choices[fd] instanceof Stdio.Pipe) {
        rc = LibC.posix_spawn_file_actions_adddup2(fa, stdio.childEnd(fd), fd);
      } else if (choices[fd] instanceof Stdio.FromFile in) {
        rc = LibC.posix_spawn_file_actions_addopen(fa, fd,
            in.path().toAbsolutePath().toString(), O_RDONLY, 0);
      } else if (choices[fd] instanceof Stdio.ToFile out) {
        rc = LibC.posix_spawn_file_actions_addopen(fa, fd, out.path().toAbsolutePath().toString(),
            O_WRONLY | O_CREAT | (out.append() ? O_APPEND : O_TRUNC), 0644);
      }
      if (rc != 0) {
        return rc;
      }
    }
    int rc = LibC.posix_spawn_file_actions_addchdir_np(fa,
        spec.workingDirectory().toAbsolutePath().toString());
    // last: the dup2 sources above are >= 3 and must still be open when they run
    return rc != 0 ? rc : LibC.posix_spawn_file_actions_addclosefrom_np(fa, 3);
  }

  private static void check(Path program, String step, int errno) {
    if (errno != 0) {
      throw Errors.launch(program, errno, step);
    }
  }

  private static void killAndReap(Ptrace ptrace, int pid) {
    try {
      LibC.kill(-pid, Signals.SIGKILL);
    } catch (LastErrorException e) {
      // already gone
    }
    try {
      while (true) {
        ptrace.waitpid(pid, Ptrace.WALL);
        if (!WaitStatus.stopped(ptrace.status())) {
          return;
        }
      }
    } catch (DebuggerException e) {
      // ECHILD: reaped
    }
  }
}
