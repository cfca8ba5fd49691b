package org.dlv4j.linux.internal.memory;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.dlv4j.linux.internal.sys.Errno;
import org.dlv4j.linux.internal.sys.Errors;
import org.dlv4j.linux.internal.sys.LibC;

/**
 * Uncached reads and writes of another process's memory. Reads use {@code process_vm_readv}
 * (one copy, no ptrace stop needed) and fall back to positional reads of
 * {@code /proc/pid/mem}, which can also read pages without read permission; writes use
 * {@code process_vm_writev} and fall back to {@code /proc/pid/mem}, which can also write
 * read-only pages. Thread-safe: each calling thread has its own native scratch buffer.
 */
final class RemoteMemory {
  /** Largest single transfer; bigger requests are split. */
  static final int CHUNK = 1 << 20;

  private final int pid;
  private final Supplier<OptionalInt> exitStatus;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private volatile FileChannel procMem;

  RemoteMemory(int pid, Supplier<OptionalInt> exitStatus) {
    this.pid = pid;
    this.exitStatus = exitStatus;
  }

  int pid() {
    return pid;
  }

  /**
   * Reads up to {@code length} bytes into {@code dst}.
   *
   * @return bytes read; fewer than {@code length} only where readable memory ends
   * @throws org.dlv4j.api.DebuggerException if the first byte is unreadable
   */
  int read(long address, byte[] dst, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, dst.length);
    Scratch s = scratch.get();
    int done = 0;
    while (done < length) {
      int want = Math.min(length - done, CHUNK);
      Memory buf = s.buffer(want);
      int got = transfer(address + done, Pointer.nativeValue(buf), want, false);
      if (got <= 0) {
        got = procMemRead(address + done, ByteBuffer.wrap(dst, offset + done, want));
        if (got > 0) {
          done += got;
          continue;
        }
        if (done == 0) {
          throw failure(address, length, "read", -got);
        }
        return done;
      }
      buf.read(0, dst, offset + done, got);
      done += got;
      if (got < want) {
        break; // readable memory ended inside this chunk
      }
    }
    return done;
  }

  /** Reads into a buffer from its position to its limit, like the array variant. */
  int read(long address, ByteBuffer dst) {
    if (!dst.isDirect()) {
      int n = read(address, dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      dst.position(dst.position() + n);
      return n;
    }
    long base = Pointer.nativeValue(Native.getDirectBufferPointer(dst));
    int length = dst.remaining();
    int done = 0;
    while (done < length) {
      int got = transfer(address + done, base + dst.position() + done, length - done, false);
      if (got <= 0) {
        ByteBuffer view = dst.duplicate();
        view.position(dst.position() + done);
        got = procMemRead(address + done, view);
        if (got <= 0) {
          if (done == 0) {
            throw failure(address, length, "read", -got);
          }
          break;
        }
      }
      done += got;
    }
    dst.position(dst.position() + done);
    return done;
  }

  /** Writes all of the range or throws. */
  void write(long address, byte[] src, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, src.length);
    Scratch s = scratch.get();
    int done = 0;
    while (done < length) {
      int want = Math.min(length - done, CHUNK);
      Memory buf = s.buffer(want);
      buf.write(0, src, offset + done, want);
      int got = transfer(address + done, Pointer.nativeValue(buf), want, true);
      if (got <= 0) {
        got = procMemWrite(address + done, ByteBuffer.wrap(src, offset + done, want));
        if (got <= 0) {
          throw failure(address + done, length - done, "write", -got);
        }
      }
      done += got;
    }
  }

  /** One process_vm_readv/writev call; returns bytes moved or -errno. */
  private int transfer(long remote, long local, int length, boolean write) {
    Scratch s = scratch.get();
    s.iovecs.setLong(0, local);
    s.iovecs.setLong(8, length);
    s.iovecs.setLong(16, remote);
    s.iovecs.setLong(24, length);
    long iov = Pointer.nativeValue(s.iovecs);
    try {
      long n = write ? LibC.process_vm_writev(pid, iov, 1, iov + 16, 1, 0)
          : LibC.process_vm_readv(pid, iov, 1, iov + 16, 1, 0);
      return (int) n;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Errno.ESRCH) {
        throw failure(remote, length, write ? "write" : "read", Errno.ESRCH);
      }
      return -e.getErrorCode();
    }
  }

  /** A positional read of /proc/pid/mem; returns bytes read or -errno (EIO if unknown). */
  private int procMemRead(long address, ByteBuffer dst) {
    try {
      int n = channel().read(dst, address);
      return n > 0 ? n : -Errno.EIO;
    } catch (IOException e) {
      return -Errno.EIO;
    }
  }

  private int procMemWrite(long address, ByteBuffer src) {
    try {
      int n = channel().write(src, address);
      return n > 0 ? n : -Errno.EIO;
    } catch (IOException e) {
      return -Errno.EIO;
    }
  }

  private FileChannel channel() throws IOException {
    FileChannel c = procMem;
    if (c == null) {
      synchronized (this) {
        c = procMem;
        if (c == null) {
          c = FileChannel.open(Path.of("/proc", Integer.toString(pid), "mem"),
              StandardOpenOption.READ, StandardOpenOption.WRITE);
          procMem = c;
        }
      }
    }
    return c;
  }

  private RuntimeException failure(long address, int length, String operation, int errno) {
    return Errors.memory(pid, address, length, operation, errno == 0 ? Errno.EFAULT : errno,
        exitStatus.get());
  }

  /** Closes the /proc/pid/mem channel, if one was opened. */
  void close() {
    FileChannel c = procMem;
    procMem = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // nothing to release beyond the descriptor
      }
    }
  }

  /** Per-thread native memory: two iovecs and a transfer buffer that grows up to CHUNK. */
  private static final class Scratch {
    final Memory iovecs = new Memory(32);
    Memory buffer = new Memory(4096);

    Memory buffer(int size) {
      if (buffer.size() < size) {
        buffer = new Memory(Math.max(size, Math.min(CHUNK, buffer.size() * 2)));
      }
      return buffer;
    }
  }
}
