package org.dlv4j.gort.internal.bp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.dlv4j.api.Breakpoint;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Function;
import org.dlv4j.api.Location;

/**
 * The breakpoints of one target: logical breakpoints by id, and one physical breakpoint (one
 * breakpoint instruction) per address however many logical ones share it, together with the
 * temporary breakpoints of a step in progress ({@link StepBreaklet}s, which are neither listed
 * nor counted). Keeps the code bytes each instruction replaced, so that reads show the
 * program's own code and writes over a breakpoint update what is restored later.
 *
 * <p>Thread-safe: every method is synchronized. Methods that write code ({@link #create},
 * {@link #clear}, {@link #addStepping}, {@link #clearStepping}, {@link #lift}, {@link #plant},
 * {@link #removeAll}) must run where {@link Code#write} may run (the tracer thread, with the
 * thread that writes stopped); the queries may run anywhere.
 */
public final class BreakpointTable {
  /** Access to the target's code. */
  public interface Code {
    /**
     * Reads code bytes as they are in the target now.
     *
     * @param address the first address
     * @param dst where to put them; filled completely
     */
    void read(long address, byte[] dst);

    /**
     * Writes code bytes (a breakpoint instruction, or the bytes it replaced).
     *
     * @param address the first address
     * @param bytes the bytes
     */
    void write(long address, byte[] bytes);
  }

  /** The most code read at once to save the bytes a step's breakpoints replace. */
  private static final long MAX_CODE_WINDOW = 1 << 20;

  private final Code code;
  private final byte[] instruction;
  private final TreeMap<Integer, LogicalBreakpoint> byId = new TreeMap<>();
  private final TreeMap<Long, PhysicalBreakpoint> byAddress = new TreeMap<>(Long::compareUnsigned);
  /** The physical breakpoints that carry stepping breaklets. */
  private final List<PhysicalBreakpoint> stepping = new ArrayList<>();
  private int nextId = 1;

  /**
   * Creates an empty table.
   *
   * @param code how to read and write the target's code
   * @param instruction the architecture's breakpoint instruction
   */
  public BreakpointTable(Code code, byte[] instruction) {
    this.code = code;
    this.instruction = instruction.clone();
  }

  /**
   * Creates a logical breakpoint and plants an instruction at each address that has none yet.
   *
   * @param spec the request
   * @param at where it resolved to: one location per address, ascending and distinct
   * @return the new breakpoint's snapshot
   * @throws IllegalArgumentException if another breakpoint has the spec's name
   */
  public synchronized Breakpoint create(BreakpointSpec spec, List<Location> at) {
    spec.options().name().ifPresent(name -> {
      if (byName(name).isPresent()) {
        throw new IllegalArgumentException("breakpoint name \"" + name + "\" is already used");
      }
    });
    List<Long> addrs = at.stream().map(Location::pc).toList();
    LogicalBreakpoint b = new LogicalBreakpoint(nextId, spec, addrs, file(at), line(at),
        function(at));
    List<PhysicalBreakpoint> planted = new ArrayList<>();
    try {
      for (Location loc : at) {
        PhysicalBreakpoint p = byAddress.get(loc.pc());
        if (p == null) {
          p = plantNew(loc);
          planted.add(p);
        }
        p.users().add(b);
      }
    } catch (RuntimeException e) {
      undo(b, planted);
      throw e;
    }
    byId.put(nextId++, b);
    return b.snapshot();
  }

  /**
   * Removes a logical breakpoint; addresses no other breakpoint uses get their code back.
   *
   * @param id the breakpoint's id
   * @return its last snapshot, or empty if no breakpoint has that id
   */
  public synchronized Optional<Breakpoint> clear(int id) {
    LogicalBreakpoint b = byId.remove(id);
    if (b == null) {
      return Optional.empty();
    }
    for (long address : b.addrs()) {
      PhysicalBreakpoint p = byAddress.get(address);
      p.users().remove(b);
      if (p.unused()) {
        code.write(address, p.original());
        byAddress.remove(address);
      }
    }
    return Optional.of(b.snapshot());
  }

  /**
   * Adds temporary breakpoints of the step in progress, planting an instruction at each
   * address that has none yet. The code they replace is read in one go where the addresses are
   * close together (a function's statements), not once per address.
   *
   * @param points the breakpoints
   */
  public synchronized void addStepping(List<StepPoint> points) {
    long lo = -1;
    long hi = 0;
    int fresh = 0;
    for (StepPoint s : points) {
      long a = s.at().pc();
      if (!byAddress.containsKey(a)) {
        lo = fresh == 0 || Long.compareUnsigned(a, lo) < 0 ? a : lo;
        hi = fresh == 0 || Long.compareUnsigned(a, hi) > 0 ? a : hi;
        fresh++;
      }
    }
    long span = hi - lo + instruction.length;
    byte[] window = null;
    if (fresh > 1 && span > 0 && span <= MAX_CODE_WINDOW) {
      window = new byte[(int) span];
      code.read(lo, window);
    }
    for (StepPoint s : points) {
      PhysicalBreakpoint p = byAddress.get(s.at().pc());
      if (p == null) {
        p = window == null ? plantNew(s.at()) : plantNew(s.at(), Arrays.copyOfRange(window,
            (int) (s.at().pc() - lo), (int) (s.at().pc() - lo) + instruction.length));
      }
      if (p.stepping().isEmpty()) {
        stepping.add(p);
      }
      p.addStepping(s.breaklet());
    }
  }

  /**
   * Removes every temporary breakpoint of the step in progress; addresses no user breakpoint
   * uses get their code back.
   */
  public synchronized void clearStepping() {
    for (PhysicalBreakpoint p : stepping) {
      p.clearStepping();
      if (p.unused() && byAddress.get(p.address()) == p) {
        code.write(p.address(), p.original());
        byAddress.remove(p.address());
      }
    }
    stepping.clear();
  }

  /** Forgets the temporary breakpoints of a step without writing code (the process is gone). */
  public synchronized void dropStepping() {
    for (PhysicalBreakpoint p : stepping) {
      p.clearStepping();
      if (p.unused()) {
        byAddress.remove(p.address());
      }
    }
    stepping.clear();
  }

  /** {@return whether a step in progress has temporary breakpoints} */
  public synchronized boolean hasStepping() {
    return !stepping.isEmpty();
  }

  /**
   * Tells whether a hit stops the target for a user breakpoint (one that is not a tracepoint).
   *
   * @param p the breakpoint instruction that was hit
   * @return whether a user breakpoint there stops the target
   */
  public synchronized boolean stopsForUser(PhysicalBreakpoint p) {
    return p.stopsForUser();
  }

  /** Reads the code at {@code at}, writes the instruction there and records it. */
  private PhysicalBreakpoint plantNew(Location at) {
    byte[] original = new byte[instruction.length];
    code.read(at.pc(), original);
    return plantNew(at, original);
  }

  /** Writes the instruction over {@code original} at {@code at} and records it. */
  private PhysicalBreakpoint plantNew(Location at, byte[] original) {
    code.write(at.pc(), instruction);
    PhysicalBreakpoint p = new PhysicalBreakpoint(at.pc(), original, at);
    byAddress.put(at.pc(), p);
    return p;
  }

  /** Writes every saved code byte back and forgets every breakpoint (before a detach). */
  public synchronized void removeAll() {
    for (PhysicalBreakpoint p : byAddress.values()) {
      code.write(p.address(), p.original());
    }
    byAddress.clear();
    byId.clear();
    stepping.clear();
  }

  /**
   * Returns the breakpoint instruction at an address.
   *
   * @param address an address
   * @return the physical breakpoint, or null if there is none (hot path: no Optional)
   */
  public synchronized PhysicalBreakpoint at(long address) {
    return byAddress.get(address);
  }

  /**
   * Puts the original code back under a breakpoint, to execute it (step over).
   *
   * @param p the breakpoint
   */
  public synchronized void lift(PhysicalBreakpoint p) {
    code.write(p.address(), p.original());
  }

  /**
   * Puts the breakpoint instruction back after {@link #lift}, unless it was removed meanwhile.
   *
   * @param p the breakpoint
   */
  public synchronized void plant(PhysicalBreakpoint p) {
    if (byAddress.get(p.address()) == p) {
      code.write(p.address(), instruction);
    }
  }

  /**
   * Counts a hit of every breakpoint at {@code p}.
   *
   * @param p where a thread trapped
   * @param goroutineId the goroutine the thread runs, or 0
   * @param tracepointHit called with the id of each tracepoint hit, if not null
   * @return the snapshots, after counting, of the breakpoints that stop the target (empty if
   *     all are tracepoints), ascending by id
   */
  public synchronized List<Breakpoint> hit(PhysicalBreakpoint p, long goroutineId,
      IntConsumer tracepointHit) {
    List<Breakpoint> stopping = List.of();
    for (LogicalBreakpoint b : p.users()) {
      b.hit(goroutineId);
      if (b.tracepoint()) {
        if (tracepointHit != null) {
          tracepointHit.accept(b.id());
        }
      } else {
        if (stopping.isEmpty()) {
          stopping = new ArrayList<>(2);
        }
        stopping.add(b.snapshot());
      }
    }
    return stopping;
  }

  /**
   * Tells whether a hit leaves the target running without a look at the thread: every
   * breakpoint there is a tracepoint, and no step is in progress there.
   *
   * @param p the breakpoint instruction that was hit
   * @return whether it never stops the target
   */
  public synchronized boolean tracepointsOnly(PhysicalBreakpoint p) {
    return p.tracepointsOnly();
  }

  /**
   * Returns a breakpoint's snapshot.
   *
   * @param id the breakpoint's id
   * @return the snapshot, or empty if no breakpoint has that id
   */
  public synchronized Optional<Breakpoint> get(int id) {
    return Optional.ofNullable(byId.get(id)).map(LogicalBreakpoint::snapshot);
  }

  /** {@return every breakpoint's snapshot, ascending by id} */
  public synchronized List<Breakpoint> all() {
    return byId.values().stream().map(LogicalBreakpoint::snapshot).toList();
  }

  /**
   * Replaces breakpoint instructions in bytes read from the target by the code they replaced.
   *
   * @param address where {@code bytes} were read
   * @param bytes the bytes read; changed in place
   */
  public synchronized void showOriginal(long address, byte[] bytes) {
    forEachOverlap(address, bytes.length, (p, offset, index) ->
        bytes[index] = p.original()[offset]);
  }

  /**
   * Prepares a write to the target: returns the bytes to write, with breakpoint instructions
   * kept where they are planted.
   *
   * @param address where the write goes
   * @param data what the caller wants there; not changed
   * @return a copy of {@code data} with the instruction bytes at planted breakpoints
   */
  public synchronized byte[] keepInstructions(long address, byte[] data) {
    byte[] out = data.clone();
    forEachOverlap(address, data.length, (p, offset, index) ->
        out[index] = instruction[offset]);
    return out;
  }

  /**
   * Records a write that went through: the bytes written over breakpoint instructions become
   * the code those breakpoints restore.
   *
   * @param address where the write went
   * @param data what the caller wrote
   */
  public synchronized void updateOriginals(long address, byte[] data) {
    forEachOverlap(address, data.length, (p, offset, index) ->
        p.original()[offset] = data[index]);
  }

  /** Visits every byte of a breakpoint instruction inside {@code [address, address+length)}. */
  private void forEachOverlap(long address, int length, OverlapVisitor visitor) {
    if (length == 0) {
      return;
    }
    long from = address - (instruction.length - 1);
    long to = address + length - 1;
    NavigableMap<Long, PhysicalBreakpoint> near = Long.compareUnsigned(from, to) <= 0
        ? byAddress.subMap(from, true, to, true) : byAddress;
    for (PhysicalBreakpoint p : near.values()) {
      for (int offset = 0; offset < instruction.length; offset++) {
        long index = p.address() + offset - address;
        if (index >= 0 && index < length) {
          visitor.visit(p, offset, (int) index);
        }
      }
    }
  }

  /** What {@link #forEachOverlap} calls for each overlapping byte. */
  private interface OverlapVisitor {
    void visit(PhysicalBreakpoint p, int offsetInInstruction, int indexInRange);
  }

  private Optional<LogicalBreakpoint> byName(String name) {
    return byId.values().stream().filter(b -> b.name().filter(name::equals).isPresent())
        .findFirst();
  }

  private void undo(LogicalBreakpoint b, List<PhysicalBreakpoint> planted) {
    for (PhysicalBreakpoint p : byAddress.values()) {
      p.users().remove(b);
    }
    for (PhysicalBreakpoint p : planted) {
      byAddress.remove(p.address());
      try {
        code.write(p.address(), p.original());
      } catch (RuntimeException e) {
        // the address that failed was never written; nothing else to restore there
      }
    }
  }

  private static String file(List<Location> at) {
    String first = at.get(0).file();
    return at.stream().allMatch(l -> l.file().equals(first)) ? first : "<multiple locations>";
  }

  private static int line(List<Location> at) {
    Location first = at.get(0);
    return at.stream().allMatch(l -> l.file().equals(first.file()) && l.line() == first.line())
        ? first.line() : 0;
  }

  private static Optional<String> function(List<Location> at) {
    Set<Optional<String>> names = new HashSet<>();
    at.forEach(l -> names.add(l.function().map(Function::name)));
    return names.size() > 1 ? Optional.of("(multiple functions)")
        : at.get(0).function().map(Function::name);
  }
}
