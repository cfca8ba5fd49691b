package org.dlv4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BreakpointSpecTest {
  @Test
  void factoriesHaveNoOptions() {
    assertEquals(new BreakpointSpec.AtAddress(0x4a1b2cL, BreakpointOptions.NONE),
        BreakpointSpec.atAddress(0x4a1b2cL));
    assertEquals(new BreakpointSpec.AtFunction("main.main", BreakpointOptions.NONE),
        BreakpointSpec.atFunction("main.main"));
    assertEquals(new BreakpointSpec.AtLine("main.go", 12, BreakpointOptions.NONE),
        BreakpointSpec.atLine("main.go", 12));
    assertEquals(new BreakpointOptions(Optional.empty(), false), BreakpointOptions.NONE);
  }

  @Test
  void tracepointIsKeptByWithNameAndDroppedByNone() {
    BreakpointOptions trace = BreakpointOptions.NONE.withTracepoint(true).withName("t1");

    assertEquals(new BreakpointOptions(Optional.of("t1"), true), trace);
    assertEquals(new BreakpointOptions(Optional.of("t1"), false), trace.withTracepoint(false));
    assertEquals(trace, BreakpointSpec.atFunction("f").withOptions(trace).withName("t1")
        .options());
  }

  @Test
  void locspecUsesDelveSyntax() {
    assertEquals("*0x4a1b2c", BreakpointSpec.atAddress(0x4a1b2cL).locspec());
    assertEquals("*0xffffffffffffffff", BreakpointSpec.atAddress(-1L).locspec());
    assertEquals("main.(*T).M", BreakpointSpec.atFunction("main.(*T).M").locspec());
    assertEquals("cmd/app/main.go:7", BreakpointSpec.atLine("cmd/app/main.go", 7).locspec());
  }

  @Test
  void withNameKeepsTheVariant() {
    BreakpointSpec named = BreakpointSpec.atLine("main.go", 12).withName("loop2");

    assertEquals(new BreakpointSpec.AtLine("main.go", 12,
        new BreakpointOptions(Optional.of("loop2"), false)), named);
    assertEquals(new BreakpointSpec.AtFunction("f", BreakpointOptions.NONE.withName("n")),
        BreakpointSpec.atFunction("f").withName("n"));
    assertEquals(new BreakpointSpec.AtAddress(1, BreakpointOptions.NONE.withName("n")),
        BreakpointSpec.atAddress(1).withName("n"));
    assertEquals(BreakpointOptions.NONE,
        named.withOptions(BreakpointOptions.NONE).options());
  }

  @Test
  void namesFollowDelveRules() {
    assertEquals(Optional.of("ümlaut9"), BreakpointOptions.NONE.withName("ümlaut9").name());
    assertEquals("breakpoint name can not be a number: 12",
        assertThrows(IllegalArgumentException.class,
            () -> BreakpointOptions.NONE.withName("12")).getMessage());
    assertEquals("invalid character '_' in breakpoint name: a_b",
        assertThrows(IllegalArgumentException.class,
            () -> BreakpointSpec.atAddress(1).withName("a_b")).getMessage());
    assertEquals("invalid character ' ' in breakpoint name: a b",
        assertThrows(IllegalArgumentException.class,
            () -> BreakpointOptions.NONE.withName("a b")).getMessage());
    assertEquals("breakpoint name is empty", assertThrows(IllegalArgumentException.class,
        () -> BreakpointOptions.NONE.withName("")).getMessage());
    assertEquals("name is null", assertThrows(NullPointerException.class,
        () -> BreakpointOptions.NONE.withName(null)).getMessage());
  }

  @Test
  void rejectsBadLocations() {
    assertEquals("line must be positive: 0", assertThrows(IllegalArgumentException.class,
        () -> BreakpointSpec.atLine("main.go", 0)).getMessage());
    assertEquals("file is blank", assertThrows(IllegalArgumentException.class,
        () -> BreakpointSpec.atLine(" ", 1)).getMessage());
    assertEquals("file is null", assertThrows(NullPointerException.class,
        () -> BreakpointSpec.atLine(null, 1)).getMessage());
    assertEquals("function is blank", assertThrows(IllegalArgumentException.class,
        () -> BreakpointSpec.atFunction("")).getMessage());
    assertEquals("options is null", assertThrows(NullPointerException.class,
        () -> BreakpointSpec.atAddress(1).withOptions(null)).getMessage());
  }
}
