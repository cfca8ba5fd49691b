package org.dlv4j.gort.internal.target;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.dlv4j.api.MemoryAccessException;
import org.dlv4j.linux.amd64.internal.Amd64Arch;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.MemoryAccess;
import org.dlv4j.spi.ProcessBackend;
import org.dlv4j.spi.RegisterFile;
import org.dlv4j.spi.ThreadBackend;
import org.dlv4j.spi.WaitEvent;

/**
 * A stand-in for a traced amd64 process, to drive the continue loop through exact
 * interleavings. Its code is {@link #SIZE} bytes at {@link #BASE}, one-byte instructions
 * (0x90) until someone writes a breakpoint instruction (0xCC). Each thread executes a fixed
 * path of addresses, one instruction at a time, its threads taking turns; executing a
 * breakpoint instruction leaves the PC after it and reports a trap. While one thread is
 * single-stepped, every other running thread executes one instruction too, as real threads
 * would. With {@link #overtakeTraps}, {@link #stopAll()} makes a thread standing at a
 * breakpoint instruction execute it but leaves its trap queued, as the kernel does when an
 * interrupt overtakes a trap; the trap is reported when the thread next runs. A thread that
 * is resumed from an address that is not the next of its path (the middle of an instruction)
 * is recorded in {@link #wildStarts}.
 */
final class FakeProcess implements ProcessBackend {
  static final long BASE = 0x1000;
  static final int SIZE = 0x100;
  private static final byte NOP = (byte) 0x90;
  private static final byte INT3 = (byte) 0xcc;

  private final byte[] text = new byte[SIZE];
  private final List<FakeThread> threads = new ArrayList<>();
  private final Deque<WaitEvent> queued = new ArrayDeque<>();
  /** The tids of threads that were single-stepped while another thread ran. */
  final List<Integer> stepsWhileOthersRan = new ArrayList<>();
  /** The threads that ran on from an address off their path, with that address. */
  final List<String> wildStarts = new ArrayList<>();
  /** Whether stopAll leaves the trap of a thread it stops at a breakpoint instruction queued. */
  boolean overtakeTraps;
  int stopAlls;
  private int turn;
  private boolean alive = true;

  FakeProcess() {
    Arrays.fill(text, NOP);
  }

  /** Adds a stopped thread that will execute {@code path} (absolute addresses) and then block. */
  FakeThread thread(long... path) {
    FakeThread t = new FakeThread(threads.size() + 1, path);
    threads.add(t);
    return t;
  }

  /** Writes a byte of the program's own code (before the debugger looks). */
  void code(long address, byte value) {
    text[(int) (address - BASE)] = value;
  }

  byte codeAt(long address) {
    return text[(int) (address - BASE)];
  }

  @Override
  public int pid() {
    return 1;
  }

  @Override
  public boolean launched() {
    return true;
  }

  @Override
  public ArchSupport arch() {
    return Amd64Arch.INSTANCE;
  }

  @Override
  public boolean isAlive() {
    return alive;
  }

  @Override
  public <T> T onTracer(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<ThreadBackend> threads() {
    return List.copyOf(threads);
  }

  @Override
  public WaitEvent waitEvent() {
    while (queued.isEmpty()) {
      List<FakeThread> running = threads.stream().filter(t -> !t.stopped && t.hasMore()).toList();
      if (running.isEmpty()) {
        alive = false;
        return new WaitEvent.Exited(0); // every thread ran off its path
      }
      FakeThread t = running.get(turn++ % running.size());
      if (t.pendingTrap) {
        t.pendingTrap = false;
        t.stopped = true;
        queued.add(new WaitEvent.Trap(t, WaitEvent.Trap.SI_KERNEL));
      } else {
        execute(t);
      }
    }
    return queued.poll();
  }

  @Override
  public void resume(ThreadBackend thread) {
    start((FakeThread) thread);
  }

  @Override
  public void resume(ThreadBackend thread, int signal) {
    start((FakeThread) thread);
  }

  @Override
  public void resumeAll() {
    threads.stream().filter(t -> t.stopped).forEach(this::start);
  }

  @Override
  public List<WaitEvent> stopAll() {
    stopAlls++;
    for (FakeThread t : threads) {
      if (!t.stopped && overtakeTraps && t.hasMore() && codeAt(t.pc) == INT3) {
        t.pc++;
        t.pendingTrap = true;
      }
      t.stopped = true;
    }
    List<WaitEvent> events = new ArrayList<>(queued);
    queued.clear();
    return events;
  }

  @Override
  public WaitEvent singleStep(ThreadBackend thread) {
    FakeThread stepped = (FakeThread) thread;
    if (stepped.pendingTrap) {
      throw new AssertionError("thread " + stepped.tid + " stepped with a trap queued");
    }
    List<FakeThread> others = threads.stream()
        .filter(t -> t != stepped && !t.stopped && t.hasMore()).toList();
    if (!others.isEmpty()) {
      stepsWhileOthersRan.add(stepped.tid);
    }
    others.forEach(this::execute);
    checkStart(stepped);
    execute(stepped);
    stepped.stopped = true;
    queued.removeIf(e -> e instanceof WaitEvent.Trap trap && trap.thread() == stepped);
    return new WaitEvent.Trap(stepped, WaitEvent.Trap.TRAP_TRACE);
  }

  @Override
  public void writeText(long address, byte[] bytes) {
    System.arraycopy(bytes, 0, text, (int) (address - BASE), bytes.length);
  }

  @Override
  public MemoryAccess memory() {
    return new MemoryAccess() {
      @Override
      public int read(long address, byte[] dst, int offset, int length) {
        if (address < BASE || address + length > BASE + SIZE) {
          throw new MemoryAccessException("read", 1, address, length, "not mapped");
        }
        System.arraycopy(text, (int) (address - BASE), dst, offset, length);
        return length;
      }

      @Override
      public int read(long address, ByteBuffer dst) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long readLong(long address) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int readInt(long address) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void write(long address, byte[] src, int offset, int length) {
        throw new UnsupportedOperationException();
      }

      @Override
      public MemoryAccess uncached() {
        return this;
      }
    };
  }

  @Override
  public void detach() {
    alive = false;
  }

  @Override
  public void kill() {
    alive = false;
  }

  @Override
  public void requestHalt() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<OutputStream> stdin() {
    return Optional.empty();
  }

  @Override
  public Optional<InputStream> stdout() {
    return Optional.empty();
  }

  @Override
  public Optional<InputStream> stderr() {
    return Optional.empty();
  }

  @Override
  public void close() {
    alive = false;
  }

  private void start(FakeThread t) {
    if (t.stopped && t.hasMore()) {
      checkStart(t);
    }
    t.stopped = false;
  }

  private void checkStart(FakeThread t) {
    if (!t.pendingTrap && t.pc != t.path[t.next]) {
      wildStarts.add(t.tid + "@0x" + Long.toHexString(t.pc));
    }
  }

  /** Executes a thread's next instruction; a trap stops it and is queued. */
  private void execute(FakeThread t) {
    if (codeAt(t.pc) == INT3) {
      t.pc++;
      t.stopped = true;
      queued.add(new WaitEvent.Trap(t, WaitEvent.Trap.SI_KERNEL));
    } else {
      t.next++;
      t.pc = t.hasMore() ? t.path[t.next] : t.pc + 1;
    }
  }

  /** One thread of a {@link FakeProcess}. */
  static final class FakeThread implements ThreadBackend {
    private final int tid;
    private final long[] path;
    private int next;
    private long pc;
    private boolean stopped = true;
    private boolean pendingTrap;

    FakeThread(int tid, long[] path) {
      this.tid = tid;
      this.path = path;
      this.pc = path[0];
    }

    boolean hasMore() {
      return next < path.length;
    }

    @Override
    public int tid() {
      return tid;
    }

    @Override
    public boolean isStopped() {
      return stopped;
    }

    @Override
    public RegisterFile registers() {
      return new Registers(tid, pc);
    }

    @Override
    public void setRegisters(RegisterFile registers) {
      pc = registers.pc();
    }

    @Override
    public void setPc(long pc) {
      this.pc = pc;
    }

    @Override
    public String toString() {
      return "thread " + tid + " at 0x" + Long.toHexString(pc);
    }
  }

  /** The registers of a {@link FakeThread}: only the PC. */
  private record Registers(int tid, long pc) implements RegisterFile {
    @Override
    public long sp() {
      return 0;
    }

    @Override
    public long bp() {
      return 0;
    }

    @Override
    public List<String> names() {
      return List.of("rip");
    }

    @Override
    public OptionalLong value(String name) {
      return name.equals("rip") ? OptionalLong.of(pc) : OptionalLong.empty();
    }

    @Override
    public OptionalLong dwarfValue(int dwarfRegister) {
      return dwarfRegister == 16 ? OptionalLong.of(pc) : OptionalLong.empty();
    }

    @Override
    public Optional<byte[]> bytes(String name) {
      return Optional.empty();
    }

    @Override
    public RegisterFile with(String name, long newValue) {
      return name.equals("rip") ? new Registers(tid, newValue) : this;
    }
  }
}
