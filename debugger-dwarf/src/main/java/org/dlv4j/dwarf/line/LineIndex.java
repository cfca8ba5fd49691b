package org.dlv4j.dwarf.line;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dlv4j.api.BinaryFormatException;

/**
 * All line rows of a binary in sorted primitive arrays, for the lookups a debugger makes:
 * PC to source line ({@link #find}), source line to PCs ({@link #pcsForLine}), the end of a
 * function's prologue ({@link #prologueEnd}) and the list of source files ({@link #files}).
 *
 * <pre>{@code
 * LineIndex index = LineIndex.build(programs);
 * Optional<LineLocation> here = index.find(pc);
 * long[] breakpoints = index.pcsForLine("/src/app/main.go", 42);
 * }</pre>
 *
 * <p>Built in one pass over the programs; a program whose opcodes turn out malformed keeps
 * the sequences completed before the error, and the error is logged and kept in
 * {@link #errors()}. Sequences that overlap an earlier one are dropped. Instances are
 * immutable and thread-safe. File names are interned, so each path is stored once.
 */
public final class LineIndex {
  private static final Logger LOG = System.getLogger("dwarf");

  private final long[] address;
  private final int[] fileOf;
  private final int[] lineOf;
  private final int[] columnOf;
  private final byte[] flags;
  private final List<String> fileNames;
  private final Map<String, Integer> fileIds;
  /** Rows that are statements, grouped by file id, each group ordered by line then address. */
  private final int[] stmtRows;
  /** Start of each file's group in {@link #stmtRows}; one more entry than files. */
  private final int[] fileStart;
  private final List<BinaryFormatException> errors;

  private LineIndex(RowCollector.Rows rows, List<String> fileNames, Map<String, Integer> fileIds,
      List<BinaryFormatException> errors) {
    this.address = rows.address();
    this.fileOf = rows.file();
    this.lineOf = rows.line();
    this.columnOf = rows.column();
    this.flags = rows.flags();
    this.fileNames = List.copyOf(fileNames);
    this.fileIds = Map.copyOf(fileIds);
    this.errors = List.copyOf(errors);
    this.fileStart = new int[fileNames.size() + 1];
    this.stmtRows = statementsByFileAndLine();
  }

  /**
   * Runs every program and indexes its rows.
   *
   * @param programs the line programs of one binary, typically one per compilation unit
   * @return the index
   */
  public static LineIndex build(Collection<LineProgram> programs) {
    RowCollector rows = new RowCollector();
    List<String> names = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    List<BinaryFormatException> errors = new ArrayList<>();
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineProgram program : programs) {
      LineCursor cursor = program.cursor();
      int[] idOfIndex = new int[0];
      try {
        while (cursor.next(row)) {
          int fileId = -1;
          if (!row.endSequence()) {
            int i = row.file() - program.firstFileIndex();
            if (i >= idOfIndex.length) {
              int old = idOfIndex.length;
              idOfIndex = Arrays.copyOf(idOfIndex, Math.max(i + 1, 2 * old));
              Arrays.fill(idOfIndex, old, idOfIndex.length, -1);
            }
            if (idOfIndex[i] < 0) {
              String path = cursor.file(row.file()).orElseThrow().path();
              idOfIndex[i] = ids.computeIfAbsent(path, p -> {
                names.add(p);
                return names.size() - 1;
              });
            }
            fileId = idOfIndex[i];
          }
          rows.add(row, fileId);
        }
      } catch (BinaryFormatException e) {
        rows.abandonSequence();
        errors.add(e);
        LOG.log(Level.DEBUG, "skipping the rest of line program at 0x{0}: {1}",
            Long.toHexString(program.offset()), e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      LOG.log(Level.WARNING, "{0} malformed line programs indexed only in part; first: {1}",
          errors.size(), errors.get(0).getMessage());
    }
    if (rows.droppedSequences() > 0) {
      LOG.log(Level.WARNING, "dropped {0} line sequences whose addresses decrease",
          rows.droppedSequences());
    }
    return new LineIndex(rows.finish(), names, ids, errors);
  }

  /**
   * Returns the source position of the code at {@code pc}: the last row at or below it,
   * unless {@code pc} lies past the end of every sequence there.
   *
   * @param pc a program counter
   * @return the position, or empty if no line table covers {@code pc}
   */
  public Optional<LineLocation> find(long pc) {
    int i = lastAtOrBelow(pc);
    if (i < 0 || (flags[i] & RowCollector.END_SEQUENCE) != 0) {
      return Optional.empty();
    }
    return Optional.of(new LineLocation(address[i], address[i + 1], fileNames.get(fileOf[i]),
        lineOf[i], columnOf == null ? 0 : columnOf[i], (flags[i] & RowCollector.IS_STMT) != 0));
  }

  /**
   * Returns the addresses where code for {@code file:line} starts: the address of every
   * statement row with that line, ascending and without duplicates. These are the places a
   * debugger puts breakpoints for a line; inlined copies and loop headers give several.
   *
   * @param file a full path as {@link #files()} lists it
   * @param line a source line
   * @return the addresses, empty if the line has no code
   */
  public long[] pcsForLine(String file, int line) {
    Integer id = fileIds.get(file);
    if (id == null) {
      return new long[0];
    }
    int from = firstStmtRowWithLine(fileStart[id], fileStart[id + 1], line);
    long[] out = new long[0];
    int n = 0;
    for (int k = from; k < fileStart[id + 1] && lineOf[stmtRows[k]] == line; k++) {
      long a = address[stmtRows[k]];
      if (n > 0 && out[n - 1] == a) {
        continue;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, Math.max(4, 2 * n));
      }
      out[n++] = a;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Returns where a function's prologue ends, which is where a debugger puts a breakpoint on
   * the function: the first row in {@code [entry, end)} marked {@code prologue_end}, else the
   * first statement row after {@code entry} and before {@code end}.
   *
   * @param entry the function's entry address
   * @param end the first address after the function
   * @return the address, or empty if the table marks neither (the caller uses {@code entry})
   */
  public OptionalLong prologueEnd(long entry, long end) {
    int first = firstAtOrAbove(entry);
    for (int i = first; i < address.length && Long.compareUnsigned(address[i], end) < 0; i++) {
      if ((flags[i] & (RowCollector.PROLOGUE_END | RowCollector.END_SEQUENCE))
          == RowCollector.PROLOGUE_END) {
        return OptionalLong.of(address[i]);
      }
    }
    for (int i = first; i < address.length && Long.compareUnsigned(address[i], end) < 0; i++) {
      if (address[i] != entry && (flags[i] & (RowCollector.IS_STMT | RowCollector.END_SEQUENCE))
          == RowCollector.IS_STMT) {
        return OptionalLong.of(address[i]);
      }
    }
    return OptionalLong.empty();
  }

  /** {@return the full paths of the source files that have rows, sorted} */
  public List<String> files() {
    return fileNames.stream().sorted().toList();
  }

  /** {@return the number of rows indexed, end-of-sequence rows included} */
  public int rowCount() {
    return address.length;
  }

  /** {@return the errors of programs that were indexed only up to a malformed opcode} */
  public List<BinaryFormatException> errors() {
    return errors;
  }

  /** {@return the index of the last row whose address is at most {@code pc}, or -1} */
  private int lastAtOrBelow(long pc) {
    int lo = 0;
    int hi = address.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(address[mid], pc) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi;
  }

  /** {@return the index of the first row whose address is at least {@code pc}, or the row count} */
  private int firstAtOrAbove(long pc) {
    int lo = 0;
    int hi = address.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(address[mid], pc) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int firstStmtRowWithLine(int lo, int hi, int line) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lineOf[stmtRows[mid]] < line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Groups the statement rows by file with a counting sort, then sorts each group by line
   * and row (rows are in address order) through keys {@code line << 32 | row}.
   */
  private int[] statementsByFileAndLine() {
    int n = 0;
    for (int i = 0; i < flags.length; i++) {
      if (isStatement(i)) {
        fileStart[fileOf[i] + 1]++;
        n++;
      }
    }
    for (int f = 1; f < fileStart.length; f++) {
      fileStart[f] += fileStart[f - 1];
    }
    long[] keys = new long[n];
    int[] next = Arrays.copyOf(fileStart, fileStart.length - 1);
    for (int i = 0; i < flags.length; i++) {
      if (isStatement(i)) {
        keys[next[fileOf[i]]++] = (long) lineOf[i] << 32 | i;
      }
    }
    int[] out = new int[n];
    for (int f = 0; f + 1 < fileStart.length; f++) {
      Arrays.sort(keys, fileStart[f], fileStart[f + 1]);
    }
    for (int k = 0; k < n; k++) {
      out[k] = (int) keys[k];
    }
    return out;
  }

  private boolean isStatement(int i) {
    return (flags[i] & (RowCollector.IS_STMT | RowCollector.END_SEQUENCE)) == RowCollector.IS_STMT;
  }
}
