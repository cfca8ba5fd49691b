package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchTest {
  @Test
  void factsPerArchitecture() {
    assertEquals(Optional.of(Arch.AMD64), Arch.forElfMachine(62));
    assertEquals(Optional.of(Arch.ARM64), Arch.forElfMachine(183));
    assertEquals(Optional.empty(), Arch.forElfMachine(3));
    assertEquals(Optional.of(Arch.ARM64), Arch.forGoArch("arm64"));
    assertEquals(Optional.empty(), Arch.forGoArch("386"));
    assertEquals(1, Arch.AMD64.pcQuantum());
    assertEquals(4, Arch.ARM64.pcQuantum());
    assertEquals(8, Arch.ARM64.ptrSize());
    assertEquals("amd64", Arch.AMD64.goArch());
  }
}
