package org.dlv4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandTest {
  @Test
  void theOutputIsStandardOutputOnly() {
    assertEquals("out\n", Command.output("/bin/sh", "-c", "echo out; echo warning >&2"));
  }

  @Test
  void inputIsWrittenToStandardInput() {
    assertEquals("B\nA\n", Command.outputWithInput("A\nB\n", "sort", "-r"));
  }

  @Test
  void aProgramThatStopsReadingEarlyIsNoFailure() {
    String lots = "x".repeat(1 << 20) + "\n";
    assertEquals("", Command.outputWithInput(lots, "/bin/sh", "-c", "exit 0"));
  }

  @Test
  void aFailureShowsTheCommandItsStatusAndWhatItPrinted() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> Command.output("/bin/sh", "-c", "echo partial; echo broken >&2; exit 3"));
    assertEquals("/bin/sh -c echo partial; echo broken >&2; exit 3 exited with status 3:\nbroken\npartial\n",
        e.getMessage());
  }

  @Test
  void aMissingProgramFails() {
    AssertionError e = assertThrows(AssertionError.class, () -> Command.output("/no/such/tool", "x"));
    assertEquals("cannot run /no/such/tool x", e.getMessage());
  }

  @Test
  void succeedsTellsTheExitStatus() {
    assertTrue(Command.succeeds("true"));
    assertFalse(Command.succeeds("false"));
    assertFalse(Command.succeeds("/no/such/tool"));
  }
}
