package org.dlv4j.gort.internal.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dlv4j.api.BreakpointOptions;
import org.dlv4j.api.BreakpointSpec;
import org.dlv4j.api.Location;
import org.junit.jupiter.api.Test;

/**
 * The temporary breakpoints of a step in a {@link BreakpointTable}, over a code array: they
 * share instructions with user breakpoints, stay out of listings, hit counts and reads, and
 * give the code back when the last user of an address goes.
 */
class BreakpointTableSteppingTest {
  private static final long BASE = 0x401000;
  private static final byte INT3 = (byte) 0xcc;
  private static final StepBreaklet NEXT =
      new StepBreaklet(StepBreaklet.Kind.NEXT, 1, 0, true, -0x40);
  private static final StepBreaklet CALL =
      new StepBreaklet(StepBreaklet.Kind.CALL, 1, 0, true, -0x40);

  private final byte[] text = new byte[64];
  private final List<Long> writes = new ArrayList<>();
  private final List<Long> reads = new ArrayList<>();
  private final BreakpointTable table = new BreakpointTable(new BreakpointTable.Code() {
    @Override
    public void read(long address, byte[] dst) {
      reads.add(address);
      System.arraycopy(text, (int) (address - BASE), dst, 0, dst.length);
    }

    @Override
    public void write(long address, byte[] bytes) {
      writes.add(address);
      System.arraycopy(bytes, 0, text, (int) (address - BASE), bytes.length);
    }
  }, new byte[] {INT3});

  BreakpointTableSteppingTest() {
    for (int i = 0; i < text.length; i++) {
      text[i] = (byte) (0x90 + i);
    }
  }

  @Test
  void aSteppingBreakpointIsPlantedAndHiddenFromListsHitsAndReads() {
    table.addStepping(List.of(new StepPoint(at(0x10), NEXT)));
    table.addStepping(List.of(new StepPoint(at(0x10), CALL)));

    PhysicalBreakpoint p = table.at(BASE + 0x10);
    assertEquals(INT3, text[0x10]);
    assertEquals(List.of(NEXT, CALL), p.stepping());
    assertTrue(table.hasStepping());
    assertEquals(List.of(), table.all());
    assertEquals(List.of(), table.hit(p, 1, id -> { }));
    assertFalse(table.tracepointsOnly(p), "a step's breakpoint needs a look at the thread");
    assertFalse(table.stopsForUser(p));
    byte[] read = new byte[4];
    System.arraycopy(text, 0x0e, read, 0, 4);
    table.showOriginal(BASE + 0x0e, read);
    assertArrayEquals(new byte[] {(byte) 0x9e, (byte) 0x9f, (byte) 0xa0, (byte) 0xa1}, read);
  }

  @Test
  void clearingTheStepKeepsTheUserBreakpointAtTheSameAddress() {
    table.create(BreakpointSpec.atAddress(BASE + 0x10), List.of(at(0x10)));
    PhysicalBreakpoint user = table.at(BASE + 0x10);
    table.addStepping(List.of(new StepPoint(at(0x10), NEXT)));
    table.addStepping(List.of(new StepPoint(at(0x20), NEXT)));
    assertSame(user, table.at(BASE + 0x10), "one instruction per address");
    assertTrue(table.stopsForUser(user));

    table.clearStepping();

    assertFalse(table.hasStepping());
    assertEquals(INT3, text[0x10]);
    assertEquals((byte) 0xb0, text[0x20]);
    assertNull(table.at(BASE + 0x20));
    assertEquals(List.of(), user.stepping());
    assertEquals(1, table.hit(user, 1, null).size());
  }

  @Test
  void clearingTheUserBreakpointKeepsTheStepsInstruction() {
    int id = table.create(BreakpointSpec.atAddress(BASE + 0x10), List.of(at(0x10))).id();
    table.addStepping(List.of(new StepPoint(at(0x10), NEXT)));

    table.clear(id);

    assertEquals(INT3, text[0x10]);
    assertEquals(List.of(NEXT), table.at(BASE + 0x10).stepping());
    table.clearStepping();
    assertEquals((byte) 0xa0, text[0x10]);
    assertNull(table.at(BASE + 0x10));
  }

  @Test
  void aTracepointWithAStepsBreakpointIsNoLongerTheFastPath() {
    table.create(BreakpointSpec.atAddress(BASE + 0x10)
        .withOptions(BreakpointOptions.NONE.withTracepoint(true)), List.of(at(0x10)));
    PhysicalBreakpoint p = table.at(BASE + 0x10);
    assertTrue(table.tracepointsOnly(p));

    table.addStepping(List.of(new StepPoint(at(0x10), NEXT)));

    assertFalse(table.tracepointsOnly(p));
    assertFalse(table.stopsForUser(p));
    table.clearStepping();
    assertTrue(table.tracepointsOnly(p));
  }

  @Test
  void aStepsBreakpointsReadTheCodeTheyReplaceInOneGo() {
    table.create(BreakpointSpec.atAddress(BASE + 0x08), List.of(at(0x08)));
    reads.clear();

    table.addStepping(List.of(new StepPoint(at(0x04), NEXT), new StepPoint(at(0x08), NEXT),
        new StepPoint(at(0x30), NEXT), new StepPoint(at(0x12), NEXT)));

    assertEquals(List.of(BASE + 0x04), reads, "one read from the lowest new address");
    for (int offset : new int[] {0x04, 0x08, 0x12, 0x30}) {
      assertEquals(INT3, text[offset]);
    }
    table.clearStepping();
    assertEquals((byte) 0x94, text[0x04]);
    assertEquals(INT3, text[0x08], "the user breakpoint stays");
    assertEquals((byte) 0xa2, text[0x12]);
    assertEquals((byte) 0xc0, text[0x30]);
  }

  @Test
  void droppingTheStepWritesNothing() {
    table.addStepping(List.of(new StepPoint(at(0x10), NEXT)));
    writes.clear();

    table.dropStepping();

    assertEquals(List.of(), writes);
    assertFalse(table.hasStepping());
    assertNull(table.at(BASE + 0x10));
  }

  private static Location at(long offset) {
    return new Location(BASE + offset, "main.go", 1, Optional.empty());
  }
}
