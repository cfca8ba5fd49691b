package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttachSpecTest {
  @Test
  void ofReadsTheProcessOwnExecutable() {
    assertEquals(new AttachSpec(42, Optional.empty()), AttachSpec.of(42));
    assertEquals(Optional.of(Path.of("app.debug")),
        AttachSpec.of(42).withExecutable(Path.of("app.debug")).executable());
  }

  @Test
  void rejectsBadValues() {
    assertEquals("pid must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> AttachSpec.of(0)).getMessage());
    assertEquals("pid must be positive: -1",
        assertThrows(IllegalArgumentException.class, () -> AttachSpec.of(-1)).getMessage());
    assertEquals("executable is empty", assertThrows(IllegalArgumentException.class,
        () -> AttachSpec.of(1).withExecutable(Path.of(""))).getMessage());
    assertEquals("executable is null", assertThrows(NullPointerException.class,
        () -> AttachSpec.of(1).withExecutable(null)).getMessage());
  }
}
