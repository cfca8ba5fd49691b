package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dlv4j.api.Function;
import org.dlv4j.api.Goroutine;
import org.dlv4j.api.Location;
import org.dlv4j.gort.internal.runtime.CodeLocation;
import org.dlv4j.gort.internal.runtime.GStatus;

/**
 * Turns the runtime model's records into the public API's: code locations into
 * {@link Location}s (with the physical function's bounds), goroutines into {@link Goroutine}s.
 */
final class ApiViews {
  /** How many locations the memo keeps before it starts over. */
  private static final int MEMO_LIMIT = 1 << 16;

  private final CodeIndex code;
  /**
   * Public locations by model location: a program's code never changes, and a stop with many
   * goroutines repeats a few locations many times.
   */
  private final Map<CodeLocation, Location> memo = new ConcurrentHashMap<>();

  ApiViews(CodeIndex code) {
    this.code = code;
  }

  /**
   * Returns the public form of a location. Its file, line and function name are the ones the
   * runtime model found (the inlined function's, for a frame of an inlined call; the call's
   * line for a caller's frame); entry, end and optimization come from the physical function.
   */
  Location location(CodeLocation at) {
    Location known = memo.get(at);
    if (known == null) {
      if (memo.size() >= MEMO_LIMIT) {
        memo.clear();
      }
      known = convert(at);
      memo.put(at, known);
    }
    return known;
  }

  private Location convert(CodeLocation at) {
    Location physical = code.location(at.pc());
    boolean known = !at.file().equals("?") && at.line() > 0;
    Optional<Function> function = at.function().map(name -> physical.function()
        .map(f -> new Function(name, f.entry(), f.end(), f.optimized()))
        .orElseGet(() -> new Function(name, at.pc(), at.pc(), false)));
    return new Location(at.pc(), known ? at.file() : "", known ? at.line() : 0, function);
  }

  /** Returns the public form of a goroutine of the runtime model. */
  Goroutine goroutine(org.dlv4j.gort.internal.runtime.Goroutine g) {
    return goroutine(g, this::location);
  }

  /**
   * Returns the public forms of goroutines of the runtime model. The goroutines of a listing
   * share a few location records, so each is looked up once by identity before the memo
   * compares records field by field.
   */
  List<Goroutine> goroutines(List<org.dlv4j.gort.internal.runtime.Goroutine> gs) {
    RecentLocations recent = new RecentLocations();
    List<Goroutine> out = new ArrayList<>(gs.size());
    for (org.dlv4j.gort.internal.runtime.Goroutine g : gs) {
      out.add(goroutine(g, recent));
    }
    return out;
  }

  private static Goroutine goroutine(org.dlv4j.gort.internal.runtime.Goroutine g, Locations locations) {
    return new Goroutine(g.id(), GStatus.base(g.g().status()), g.g().waitReason(), g.statusText(),
        g.threadId(), locations.of(g.current()), locations.of(g.user()), locations.of(g.goStatement()),
        locations.of(g.start()), g.labels(), g.system(), g.unreadable());
  }

  /** Gives the public form of location records. */
  @FunctionalInterface
  private interface Locations {
    Location of(CodeLocation at);
  }

  /** The public forms of the location records seen last, by identity: a small direct-mapped table. */
  private final class RecentLocations implements Locations {
    private static final int SLOTS = 256;
    private final CodeLocation[] keys = new CodeLocation[SLOTS];
    private final Location[] values = new Location[SLOTS];

    @Override
    public Location of(CodeLocation at) {
      int i = System.identityHashCode(at) & (SLOTS - 1);
      if (keys[i] != at) {
        keys[i] = at;
        values[i] = location(at);
      }
      return values[i];
    }
  }
}
