package org.dlv4j.gort.internal.runtime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dlv4j.gort.Arch;
import org.dlv4j.gort.GoVersion;

/**
 * Runtime struct offsets for binaries without DWARF, per Go minor version. The values were
 * read from the DWARF of {@code testdata/hello} built by each toolchain (go1.22.12,
 * go1.23.12, go1.24.13, go1.25.5, go1.26.8) for linux/amd64 and linux/arm64, whose layouts
 * are identical for these fields (every field before them is pointer-sized or a fixed-size
 * integer); {@code FallbackLayoutsTest} checks the table against the DWARF of the installed
 * toolchain and of each older one it can download. Patch releases do not change these
 * structs. What changed:
 *
 * <ul>
 *   <li>1.23 added {@code g.syscallbp} after {@code syscallpc}, moving everything after it;
 *   <li>1.24 grew {@code g} at its end (size only);
 *   <li>1.25 removed {@code gobuf.ret} (so {@code lr}/{@code bp} and every later {@code g}
 *       field moved up by 8) and a word before {@code m.procid};
 *   <li>1.26 grew {@code g} before {@code parentGoid} and at its end.
 * </ul>
 */
final class FallbackLayouts {
  /** The oldest and newest minor versions of the table; columns in this order. */
  static final int OLDEST = 22;
  static final int NEWEST = 26;

  private static final String TABLE = """
      field            1.22  1.23  1.24  1.25  1.26
      G_STACK_LO          0     0     0     0     0
      G_STACK_HI          8     8     8     8     8
      G_PANIC            32    32    32    32    32
      G_DEFER            40    40    40    40    40
      G_M                48    48    48    48    48
      G_SCHED_SP         56    56    56    56    56
      G_SCHED_PC         64    64    64    64    64
      G_SCHED_G          72    72    72    72    72
      G_SCHED_CTXT       80    80    80    80    80
      G_SCHED_LR         96    96    96    88    88
      G_SCHED_BP        104   104   104    96    96
      G_SYSCALLSP       112   112   112   104   104
      G_SYSCALLPC       120   120   120   112   112
      G_STATUS          144   152   152   144   144
      G_GOID            152   160   160   152   152
      G_WAITSINCE       168   176   176   168   168
      G_WAITREASON      176   184   184   176   176
      G_PARENT_GOID     272   280   280   272   280
      G_GOPC            280   288   288   280   288
      G_ANCESTORS       288   296   296   288   296
      G_STARTPC         296   304   304   296   304
      G_LABELS          344   352   352   344   352
      G_SIZE            424   432   440   440   456
      M_G0                0     0     0     0     0
      M_PROCID           72    72    72    64    64
      M_GSIGNAL          80    80    80    72    72
      M_CURG            192   192   192   184   184
      DEFER_RANGEFUNC     1     1     1     1     1
      DEFER_SP            8     8     8     8     8
      DEFER_PC           16    16    16    16    16
      DEFER_FN           24    24    24    24    24
      DEFER_LINK         32    32    32    32    32
      DEFER_SIZE         48    48    48    48    48
      """;

  private static final Map<Integer, int[]> BY_MINOR = parse();

  private FallbackLayouts() {
  }

  /**
   * Returns the offsets (by {@link RuntimeField} ordinal) for a Go version and architecture.
   * A version newer than the table gets the newest column (the caller logs that).
   *
   * @return the values, or empty for versions older than the table or other architectures
   */
  static Optional<int[]> forVersion(GoVersion version, Arch arch) {
    if (version.major() != 1 || version.minor() < OLDEST
        || (arch != Arch.AMD64 && arch != Arch.ARM64)) {
      return Optional.empty();
    }
    return Optional.of(BY_MINOR.get(Math.min(version.minor(), NEWEST)).clone());
  }

  private static Map<Integer, int[]> parse() {
    Map<Integer, int[]> out = new HashMap<>();
    for (int minor = OLDEST; minor <= NEWEST; minor++) {
      int[] values = new int[RuntimeField.values().length];
      Arrays.fill(values, -1);
      out.put(minor, values);
    }
    String[] lines = TABLE.strip().split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].trim().split("\\s+");
      RuntimeField field = RuntimeField.valueOf(cells[0]);
      for (int minor = OLDEST; minor <= NEWEST; minor++) {
        out.get(minor)[field.ordinal()] = Integer.parseInt(cells[1 + minor - OLDEST]);
      }
    }
    for (int[] values : out.values()) {
      for (RuntimeField f : RuntimeField.values()) {
        if (values[f.ordinal()] < 0) {
          throw new AssertionError("fallback table lacks " + f);
        }
      }
    }
    return Map.copyOf(out);
  }
}
