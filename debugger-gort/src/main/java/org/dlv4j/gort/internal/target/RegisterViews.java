package org.dlv4j.gort.internal.target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dlv4j.api.Register;
import org.dlv4j.api.Registers;
import org.dlv4j.spi.ArchSupport;
import org.dlv4j.spi.RegisterFile;

/** Turns a backend's {@link RegisterFile} into the API's immutable register records. */
final class RegisterViews {
  private final List<String> general;
  private final int[] generalDwarf;
  private final Set<String> generalNames;
  private final ArchSupport arch;

  RegisterViews(ArchSupport arch) {
    this.arch = arch;
    this.general = arch.generalRegisterNames();
    this.generalDwarf = general.stream().mapToInt(n -> arch.dwarfRegister(n).orElse(-1))
        .toArray();
    this.generalNames = new HashSet<>(general);
  }

  /** Returns the general purpose registers, in the architecture's order. */
  Registers general(RegisterFile file) {
    List<Register> list = new ArrayList<>(general.size());
    for (int i = 0; i < general.size(); i++) {
      list.add(Register.of(general.get(i), generalDwarf[i],
          file.value(general.get(i)).orElse(0)));
    }
    return new Registers(file.pc(), file.sp(), list);
  }

  /** Returns every other register the file has (floating point and vector), in its order. */
  List<Register> floatingPoint(RegisterFile file) {
    List<Register> list = new ArrayList<>();
    for (String name : file.names()) {
      if (!generalNames.contains(name)) {
        file.bytes(name).ifPresent(bytes ->
            list.add(new Register(name, arch.dwarfRegister(name).orElse(-1), bytes)));
      }
    }
    return List.copyOf(list);
  }
}
