package org.dlv4j.linux.internal.ptrace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.dlv4j.linux.internal.sys.Errors;
import org.dlv4j.linux.internal.sys.LibC;
import org.dlv4j.spi.Stdio;

/**
 * The pipes between the JVM and a launched process's standard streams. Before the spawn it
 * creates the pipes (close-on-exec, so no other child inherits them); after the spawn it closes
 * the child's ends and turns the JVM's ends into Java streams, which it closes with itself.
 */
final class ChildStdio implements Closeable {
  private static final int O_CLOEXEC = 0x80000;

  /** The child's end of each stream (or -1), indexed by the child's fd 0..2. */
  private final int[] childEnds = {-1, -1, -1};
  /** The JVM's end of each stream (or -1). */
  private final int[] parentEnds = {-1, -1, -1};
  private OutputStream stdin;
  private InputStream stdout;
  private InputStream stderr;

  /** No pipes at all, for attached processes. */
  static ChildStdio none() {
    return new ChildStdio();
  }

  /**
   * Creates the pipes the spec asks for.
   *
   * @param program the program, for error messages
   * @param choices stdin, stdout, stderr
   */
  static ChildStdio create(Path program, Stdio... choices) {
    ChildStdio s = new ChildStdio();
    try {
      for (int fd = 0; fd < 3; fd++) {
        if (choices[fd] instanceof Stdio.Pipe) {
          Memory fds = new Memory(8);
          LibC.pipe2(fds, O_CLOEXEC);
          int read = fds.getInt(0);
          int write = fds.getInt(4);
          s.childEnds[fd] = fd == 0 ? read : write;
          s.parentEnds[fd] = fd == 0 ? write : read;
        }
      }
    } catch (LastErrorException e) {
      s.close();
      throw Errors.launch(program, e.getErrorCode(), "pipe2");
    }
    return s;
  }

  /** Returns the child's end for fd 0..2, or -1 if that stream is not a pipe. */
  int childEnd(int fd) {
    return childEnds[fd];
  }

  /** Closes the child's ends (after the spawn) and opens Java streams on the JVM's ends. */
  void afterSpawn() throws IOException {
    closeAll(childEnds);
    // FileDescriptor cannot be built from an int without reflection; reopening the pipe
    // through /proc/self/fd gives a stream on the same pipe, then the original fd is closed.
    if (parentEnds[0] >= 0) {
      stdin = new FileOutputStream(procFd(parentEnds[0]));
    }
    if (parentEnds[1] >= 0) {
      stdout = new BufferedInputStream(new FileInputStream(procFd(parentEnds[1])));
    }
    if (parentEnds[2] >= 0) {
      stderr = new BufferedInputStream(new FileInputStream(procFd(parentEnds[2])));
    }
    closeAll(parentEnds);
  }

  OutputStream stdin() {
    return stdin;
  }

  InputStream stdout() {
    return stdout;
  }

  InputStream stderr() {
    return stderr;
  }

  @Override
  public void close() {
    closeAll(childEnds);
    closeAll(parentEnds);
    for (Closeable c : new Closeable[] {stdin, stdout, stderr}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        // closing a pipe end cannot usefully fail
      }
    }
  }

  private static String procFd(int fd) {
    return "/proc/self/fd/" + fd;
  }

  private static void closeAll(int[] fds) {
    for (int i = 0; i < fds.length; i++) {
      if (fds[i] >= 0) {
        try {
          LibC.close(fds[i]);
        } catch (LastErrorException e) {
          // already closed; nothing to release
        }
        fds[i] = -1;
      }
    }
  }
}
