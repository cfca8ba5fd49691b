package org.dlv4j.elf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlv4j.junit.Command;
import org.dlv4j.junit.GoBuild;
import org.dlv4j.junit.GoNm;

/** The reference tools' answers the ELF tests compare with (objcopy, go tool nm). */
final class Tools {
  private Tools() {}

  /** Returns {@code objcopy args... in out} run into {@code out}, which is returned. */
  static Path objcopy(Path in, Path out, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("objcopy");
    cmd.addAll(List.of(args));
    cmd.add(in.toString());
    cmd.add(out.toString());
    Command.output(cmd.toArray(new String[0]));
    return out;
  }

  /** Returns {@code go tool nm -size} of {@code binary} keyed by name (first wins). */
  static Map<String, GoNm.Symbol> goNm(Path binary) {
    Map<String, GoNm.Symbol> out = new HashMap<>();
    for (GoNm.Symbol s : GoNm.symbols(binary)) {
      out.putIfAbsent(s.name(), s);
    }
    return out;
  }

  /** The hello fixture, built without optimization. */
  static Path hello() {
    return GoBuild.fixture("hello").build();
  }
}
