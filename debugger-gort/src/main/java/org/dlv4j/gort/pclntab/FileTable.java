package org.dlv4j.gort.pclntab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlv4j.dwarf.internal.io.ByteCursor;

/**
 * The source files: filetab holds {@code nfiles} NUL-terminated names back to back, and each
 * compilation unit's slice of cutab maps the unit's file numbers (the values of pcfile tables)
 * to filetab offsets, {@code ~0} meaning none. Files get dense ids in filetab order, names are
 * decoded once per id, and cutab is pre-translated to ids so that a lookup is two array reads.
 */
final class FileTable {
  private final Strings names;
  /** Region offsets of the file names, ascending; index = file id. */
  private final int[] starts;
  /** cutab translated to file ids; -1 where cutab holds ~0 or an offset that starts no name. */
  private final int[] cuFileIds;
  /** Decoded names by id; racy but safe: Strings are immutable and decoding is idempotent. */
  private final String[] decoded;
  private volatile Map<String, Integer> byName;

  private FileTable(Strings names, int[] starts, int[] cuFileIds) {
    this.names = names;
    this.starts = starts;
    this.cuFileIds = cuFileIds;
    this.decoded = new String[starts.length];
  }

  /** Reads filetab and cutab as located by {@code h}. */
  static FileTable read(ByteCursor c, Strings names, PcHeader h) {
    int[] starts = new int[h.nfiles()];
    long off = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = (int) off;
      off = names.endOf(off) - h.filetabOffset() + 1L;
    }
    int[] ids = new int[h.cutabLength()];
    c.seek(h.cuOffset());
    for (int i = 0; i < ids.length; i++) {
      long fileOff = c.u32();
      int id = fileOff > Integer.MAX_VALUE ? -1 : Arrays.binarySearch(starts, (int) fileOff);
      ids[i] = id < 0 ? -1 : id;
    }
    return new FileTable(names, starts, ids);
  }

  /** Returns the number of files. */
  int count() {
    return starts.length;
  }

  /**
   * Returns the id of file number {@code fileno} of the compilation unit whose cutab slice
   * starts at {@code cuOffset}, or -1 if there is none.
   */
  int idOf(int cuOffset, int fileno) {
    long i = (long) cuOffset + fileno;
    if (fileno < 0 || cuOffset < 0 || i >= cuFileIds.length) {
      return -1;
    }
    return cuFileIds[(int) i];
  }

  /**
   * Like {@link #idOf(int, int)}, with debug/gosym's arithmetic: the cutab byte offset
   * {@code (cuOffset + fileno) * 4} is computed in uint32 and wraps, so that linker-made
   * functions with cuOffset {@code ~0} find their files at the start of cutab.
   */
  int idOfAsGosym(int cuOffset, int fileno) {
    long slot = ((cuOffset & 0xffff_ffffL) + (fileno & 0xffff_ffffL)) & 0x3fff_ffffL;
    return fileno < 0 || slot >= cuFileIds.length ? -1 : cuFileIds[(int) slot];
  }

  /** Returns the name of file {@code id}, decoded once and then shared. */
  String name(int id) {
    String s = decoded[id];
    if (s == null) {
      s = names.at(starts[id]);
      decoded[id] = s;
    }
    return s;
  }

  /** Returns the id of the file called {@code name}, or -1. */
  int idOf(String name) {
    Integer id = byNameIndex().get(name);
    return id == null ? -1 : id;
  }

  /** Returns all file names in filetab order. */
  List<String> all() {
    List<String> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      out.add(name(i));
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, Integer> byNameIndex() {
    Map<String, Integer> m = byName;
    if (m == null) {
      m = new HashMap<>(starts.length * 2);
      for (int i = starts.length - 1; i >= 0; i--) {
        m.put(name(i), i); // the first of duplicate names wins
      }
      byName = m;
    }
    return m;
  }
}
