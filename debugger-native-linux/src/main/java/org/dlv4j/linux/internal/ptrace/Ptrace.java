package org.dlv4j.linux.internal.ptrace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import org.dlv4j.linux.internal.sys.ErrnoException;
import org.dlv4j.linux.internal.sys.LibC;

/**
 * Typed ptrace and waitpid calls, bound to one {@link PtraceThread}: every method checks that
 * it runs there and throws {@link IllegalStateException} otherwise. Failures throw
 * {@link ErrnoException}. Native scratch buffers are reused, so the calls do not allocate
 * beyond the caller's arrays.
 */
public final class Ptrace {
  /** Request {@code PTRACE_PEEKDATA} (request numbers are those of {@code <sys/ptrace.h>}). */
  public static final int PEEKDATA = 2;
  /** Request {@code PTRACE_POKEDATA}. */
  public static final int POKEDATA = 5;
  /** Request {@code PTRACE_POKEUSER}. */
  public static final int POKEUSER = 6;
  /** Request {@code PTRACE_CONT}. */
  public static final int CONT = 7;
  /** Request {@code PTRACE_SINGLESTEP}. */
  public static final int SINGLESTEP = 9;
  /** Request {@code PTRACE_GETREGS}. */
  public static final int GETREGS = 12;
  /** Request {@code PTRACE_SETREGS}. */
  public static final int SETREGS = 13;
  /** Request {@code PTRACE_GETFPREGS}. */
  public static final int GETFPREGS = 14;
  /** Request {@code PTRACE_DETACH}. */
  public static final int DETACH = 17;
  /** Request {@code PTRACE_SETOPTIONS}. */
  public static final int SETOPTIONS = 0x4200;
  /** Request {@code PTRACE_GETEVENTMSG}. */
  public static final int GETEVENTMSG = 0x4201;
  /** Request {@code PTRACE_GETSIGINFO}. */
  public static final int GETSIGINFO = 0x4202;
  /** Request {@code PTRACE_GETREGSET}. */
  public static final int GETREGSET = 0x4204;
  /** Request {@code PTRACE_SEIZE}. */
  public static final int SEIZE = 0x4206;
  /** Request {@code PTRACE_INTERRUPT}. */
  public static final int INTERRUPT = 0x4207;
  /** Where the counts of the 0x42xx requests start in {@link #calls}. */
  private static final int EXTENDED = 20;

  /** Option: report thread creation and trace new threads. */
  public static final long O_TRACECLONE = 0x8;
  /** Option: report execve. */
  public static final long O_TRACEEXEC = 0x10;
  /** Option: SIGKILL the tracee when the tracer thread exits. */
  public static final long O_EXITKILL = 0x100000;

  /** waitpid option: return at once if nothing changed. */
  public static final int WNOHANG = 1;
  /** waitpid option: also report stopped (not traced) children. */
  public static final int WUNTRACED = 2;
  /** waitpid option: wait for all children, clone or not (every thread of a tracee). */
  public static final int WALL = 0x40000000;
  /**
   * waitpid option: only children and tracees of the calling thread, not of the other threads
   * of its process (without it, a wait for a process group scans every thread of the JVM).
   */
  public static final int WNOTHREAD = 0x20000000;

  private static final int SCRATCH = 4096;

  private final PtraceThread owner;
  private final Memory scratch = new Memory(SCRATCH);
  private final Memory iov = new Memory(16);
  private final Memory word = new Memory(8);
  private int lastStatus;
  /** Calls made per request ({@link #slot}), for tests and benchmarks. */
  private final long[] calls = new long[EXTENDED + 8];

  /**
   * Creates the call surface of one tracer thread.
   *
   * @param owner the thread every call must run on
   */
  public Ptrace(PtraceThread owner) {
    this.owner = owner;
  }

  /** Returns the tracer thread these calls belong to. */
  public PtraceThread owner() {
    return owner;
  }

  /** {@code PTRACE_SEIZE}: traces {@code tid} without stopping it. */
  public void seize(int tid, long options) {
    call(SEIZE, tid, 0, options, "PTRACE_SEIZE");
  }

  /** {@code PTRACE_INTERRUPT}: makes a seized thread stop with {@code PTRACE_EVENT_STOP}. */
  public void interrupt(int tid) {
    call(INTERRUPT, tid, 0, 0, "PTRACE_INTERRUPT");
  }

  /** {@code PTRACE_SETOPTIONS}. */
  public void setOptions(int tid, long options) {
    call(SETOPTIONS, tid, 0, options, "PTRACE_SETOPTIONS");
  }

  /** {@code PTRACE_CONT}, delivering {@code signal} (0 for none). */
  public void cont(int tid, int signal) {
    call(CONT, tid, 0, signal, "PTRACE_CONT");
  }

  /** {@code PTRACE_SINGLESTEP}, delivering {@code signal} (0 for none). */
  public void singleStep(int tid, int signal) {
    call(SINGLESTEP, tid, 0, signal, "PTRACE_SINGLESTEP");
  }

  /** {@code PTRACE_DETACH}, delivering {@code signal} (0 for none). */
  public void detach(int tid, int signal) {
    call(DETACH, tid, 0, signal, "PTRACE_DETACH");
  }

  /** {@code PTRACE_GETEVENTMSG}: e.g. the new thread's id after a clone event. */
  public long eventMessage(int tid) {
    call(GETEVENTMSG, tid, 0, address(word), "PTRACE_GETEVENTMSG");
    return word.getLong(0);
  }

  /** {@code PTRACE_GETSIGINFO}, returning {@code si_code} of the pending signal. */
  public int sigInfoCode(int tid) {
    call(GETSIGINFO, tid, 0, address(scratch), "PTRACE_GETSIGINFO");
    return scratch.getInt(8);
  }

  /** {@code PTRACE_PEEKDATA}: one word of target memory. */
  public long peekData(int tid, long address) {
    return call(PEEKDATA, tid, address, 0, "PTRACE_PEEKDATA");
  }

  /** {@code PTRACE_POKEDATA}: writes one word of target memory, also read-only text. */
  public void pokeData(int tid, long address, long value) {
    call(POKEDATA, tid, address, value, "PTRACE_POKEDATA");
  }

  /**
   * {@code PTRACE_POKEUSER}: writes one word of the thread's {@code struct user}, such as one
   * general register.
   */
  public void pokeUser(int tid, long offset, long value) {
    call(POKEUSER, tid, offset, value, "PTRACE_POKEUSER");
  }

  /** {@code PTRACE_GETREGS}: fills {@code words} with the general registers. */
  public void getRegs(int tid, long[] words) {
    call(GETREGS, tid, 0, address(scratch), "PTRACE_GETREGS");
    scratch.read(0, words, 0, words.length);
  }

  /** {@code PTRACE_SETREGS}: writes the general registers from {@code words}. */
  public void setRegs(int tid, long[] words) {
    scratch.write(0, words, 0, words.length);
    call(SETREGS, tid, 0, address(scratch), "PTRACE_SETREGS");
  }

  /** {@code PTRACE_GETFPREGS}: fills {@code area} (512 bytes) with the FXSAVE image. */
  public void getFpRegs(int tid, byte[] area) {
    call(GETFPREGS, tid, 0, address(scratch), "PTRACE_GETFPREGS");
    scratch.read(0, area, 0, area.length);
  }

  /**
   * {@code PTRACE_GETREGSET}: fills {@code area} with register set {@code type} (e.g.
   * {@code NT_X86_XSTATE}).
   *
   * @return how many bytes the kernel wrote
   */
  public int getRegSet(int tid, int type, byte[] area) {
    int len = Math.min(area.length, SCRATCH);
    iov.setLong(0, address(scratch));
    iov.setLong(8, len);
    call(GETREGSET, tid, type, address(iov), "PTRACE_GETREGSET");
    int got = (int) iov.getLong(8);
    scratch.read(0, area, 0, got);
    return got;
  }

  /**
   * Returns how many times a request was made so far (failed calls included). Read it on the
   * tracer thread for an exact count.
   *
   * @param request one of this class's request numbers, e.g. {@link #PEEKDATA}
   * @return the number of calls
   */
  public long calls(int request) {
    return calls[slot(request)];
  }

  /**
   * {@code waitpid(pid, &status, options)}; the status is then {@link #status()}.
   *
   * @return the id of the task that changed state, or 0 with {@link #WNOHANG} if none did
   */
  public int waitpid(int pid, int options) {
    owner.checkCurrent("waitpid");
    while (true) {
      try {
        int tid = LibC.waitpid(pid, word, options);
        lastStatus = tid > 0 ? word.getInt(0) : 0;
        return tid;
      } catch (LastErrorException e) {
        if (e.getErrorCode() != org.dlv4j.linux.internal.sys.Errno.EINTR) {
          throw new ErrnoException(e.getErrorCode(), "waitpid", pid);
        }
      }
    }
  }

  /** Returns the status word of the last successful {@link #waitpid}. */
  public int status() {
    return lastStatus;
  }

  private long call(int request, int tid, long address, long data, String name) {
    owner.checkCurrent(name);
    calls[slot(request)]++;
    try {
      return LibC.ptrace(request, tid, address, data);
    } catch (LastErrorException e) {
      throw new ErrnoException(e.getErrorCode(), name, tid);
    }
  }

  private static int slot(int request) {
    return request >= SETOPTIONS ? EXTENDED + (request - SETOPTIONS) : request;
  }

  private static long address(Memory m) {
    return com.sun.jna.Pointer.nativeValue(m);
  }
}
