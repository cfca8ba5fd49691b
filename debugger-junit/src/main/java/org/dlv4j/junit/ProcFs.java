package org.dlv4j.junit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} says about processes and threads, read behind the debugger's back
 * to check what it did: which threads exist and whether they are stopped or traced, what a
 * process has mapped and what its memory holds.
 *
 * <pre>{@code
 * assertEquals('t', ProcFs.state(tid));               // in a ptrace stop
 * assertEquals(0, ProcFs.tracerPid(pid));             // released after detach
 * byte[] text = ProcFs.memory(pid, address, 16);      // the bytes really there
 * }</pre>
 *
 * <p>Methods about one process throw {@link UncheckedIOException} if it does not exist (any
 * more), except {@link #status}, which answers empty. Thread-safe.
 */
public final class ProcFs {
  private static final Path PROC = Path.of("/proc");

  private ProcFs() { }

  /**
   * One line of {@code /proc/pid/maps}.
   *
   * @param start the first address
   * @param end the address after the last
   * @param permissions e.g. {@code r-xp}
   * @param offset the offset in the mapped file
   * @param path the mapped file, or a pseudo name such as {@code [stack]}, or empty
   */
  public record Mapping(long start, long end, String permissions, long offset, String path) {
    /**
     * Tells whether the mapping holds an address.
     *
     * @param address a process address
     * @return whether {@code start <= address < end}
     */
    public boolean contains(long address) {
      return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /** {@return whether the mapping may be read} */
    public boolean readable() {
      return permissions.startsWith("r");
    }
  }

  /**
   * Lists the processes that exist now.
   *
   * @return their ids, in the order /proc lists them
   */
  public static List<Integer> processes() {
    try (Stream<Path> entries = Files.list(PROC)) {
      return entries.map(p -> p.getFileName().toString())
          .filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
          .map(Integer::valueOf).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lists the threads of a process.
   *
   * @param pid the process
   * @return the thread ids, ascending
   */
  public static List<Integer> tasks(int pid) {
    try (Stream<Path> tasks = Files.list(dir(pid).resolve("task"))) {
      return tasks.map(t -> Integer.valueOf(t.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the state letter of a thread ({@code /proc/tid/stat}): {@code R} running,
   * {@code S} sleeping, {@code t} stopped by its tracer, {@code T} stopped, {@code Z} zombie...
   *
   * @param tid a thread or process id
   * @return the letter
   */
  public static char state(int tid) {
    String stat = read(dir(tid).resolve("stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }

  /**
   * Returns the CPU time a process has used, user and system, in clock ticks.
   *
   * @param pid the process
   * @return {@code utime + stime} of {@code /proc/pid/stat}
   */
  public static long cpuTicks(int pid) {
    String stat = read(dir(pid).resolve("stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * Reads {@code /proc/pid/status}.
   *
   * @param pid a process or thread id
   * @return its fields by name without the colon ({@code "TracerPid" -> "0"}), in file order;
   *     empty if it does not exist (any more)
   */
  public static Optional<Map<String, String>> status(int pid) {
    String text;
    try {
      text = Files.readString(dir(pid).resolve("status"));
    } catch (IOException gone) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return Optional.of(fields);
  }

  /**
   * Returns which thread traces a process or thread.
   *
   * @param pid a process or thread id
   * @return the tracer's thread id, 0 if it is not traced
   */
  public static int tracerPid(int pid) {
    return Integer.parseInt(status(pid).orElseThrow(() -> new UncheckedIOException(
        new IOException("no process " + pid))).get("TracerPid"));
  }

  /**
   * Returns the executable a process runs ({@code /proc/pid/exe}).
   *
   * @param pid the process
   * @return the file's path
   */
  public static Path executable(int pid) {
    try {
      return Files.readSymbolicLink(dir(pid).resolve("exe"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lists what a process has mapped ({@code /proc/pid/maps}).
   *
   * @param pid the process
   * @return the mappings, ascending
   */
  public static List<Mapping> mappings(int pid) {
    List<Mapping> out = new ArrayList<>();
    for (String line : read(dir(pid).resolve("maps")).split("\n")) {
      String[] f = line.trim().split("\\s+", 6);
      if (f.length < 5) {
        continue;
      }
      int dash = f[0].indexOf('-');
      out.add(new Mapping(Long.parseUnsignedLong(f[0].substring(0, dash), 16),
          Long.parseUnsignedLong(f[0].substring(dash + 1), 16), f[1],
          Long.parseUnsignedLong(f[2], 16), f.length == 6 ? f[5] : ""));
    }
    return out;
  }

  /**
   * Reads a process's memory through {@code /proc/pid/mem}, bypassing the debugger: the
   * bytes really there, breakpoints included. The caller must be allowed to trace it.
   *
   * @param pid the process
   * @param address where to read
   * @param length how many bytes
   * @return the bytes
   */
  public static byte[] memory(int pid, long address, int length) {
    try (RandomAccessFile mem = new RandomAccessFile(dir(pid).resolve("mem").toFile(), "r")) {
      byte[] bytes = new byte[length];
      mem.seek(address);
      mem.readFully(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + length + " bytes at 0x"
          + Long.toHexString(address) + " of process " + pid, e);
    }
  }

  private static Path dir(int pid) {
    return PROC.resolve(Integer.toString(pid));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
