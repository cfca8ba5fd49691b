package org.dlv4j.gort.internal.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlv4j.gort.internal.runtime.Binary;
import org.dlv4j.gort.internal.runtime.CodeMap;
import org.dlv4j.junit.GoBuild;
import org.junit.jupiter.api.Test;

/** The user-frame verdicts kept per function agree with Delve's rules on names (UserCode). */
class UserFunctionsTest {

  @Test
  void everyFunctionOfRealBinariesGetsTheVerdictOfTheRules() {
    for (GoBuild build : new GoBuild[] {GoBuild.fixture("hello"), GoBuild.fixture("goroutines-states").optimized()}) {
      CodeMap code = Binary.open(build.build()).runtime().code();
      UserFunctions functions = new UserFunctions(code);
      int n = code.pclntab().functionCount();
      int user = 0;
      for (int pass = 0; pass < 2; pass++) { // decided, then kept
        user = 0;
        for (int i = 0; i < n; i++) {
          boolean expected = UserCode.isUserFrame(code.name(i));
          assertEquals(expected, functions.isUser(i), code.name(i));
          user += expected ? 1 : 0;
        }
      }
      assertTrue(user > 0 && user < n, user + " user functions of " + n);
    }
  }

  @Test
  void framesOfInlinedCallsAndForeignCodeAreJudgedByTheirNames() {
    CodeMap code = Binary.open(GoBuild.fixture("hello").build()).runtime().code();
    UserFunctions functions = new UserFunctions(code);
    int mainMain = code.pclntab().functionNamed("main.main").orElseThrow().index();
    int gopark = code.pclntab().functionNamed("runtime.gopark").orElseThrow().index();
    assertTrue(functions.isUser(frame(mainMain, "main.main", false)));
    assertFalse(functions.isUser(frame(gopark, "runtime.gopark", false)));
    // an inlined call is named by its callee, not by the function it was inlined into
    assertFalse(functions.isUser(frame(mainMain, "runtime.gopark", true)));
    assertTrue(functions.isUser(frame(gopark, "main.helper", true)));
    // code outside Go: the ELF symbol's name, or no name at all
    assertFalse(functions.isUser(frame(-1, "c_spin", false)));
    assertTrue(functions.isUser(frame(-1, "main.cgoCallback", false)));
    assertFalse(functions.isUser(frame(-1, null, false)));
  }

  private static FrameCursor frame(int funcIndex, String function, boolean inlined) {
    FrameCursor f = new FrameCursor();
    f.funcIndex = funcIndex;
    f.function = function;
    f.inlined = inlined;
    return f;
  }
}
