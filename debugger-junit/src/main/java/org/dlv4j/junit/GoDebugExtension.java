package org.dlv4j.junit;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.dlv4j.api.Environment;
import org.dlv4j.api.LaunchSpec;
import org.dlv4j.api.Redirect;
import org.dlv4j.api.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that debugs Go programs in tests and guarantees that no traced process
 * outlives the test.
 *
 * <p>It injects, into test methods and lifecycle methods of each test:
 * <ul>
 *   <li>a {@link GoDebugSession} parameter, to build, launch and attach freely;
 *   <li>a {@link Target} parameter annotated with {@link GoProgram}: the fixture built and
 *       launched, stopped at its first instruction.
 * </ul>
 *
 * <p>After each test, the session is closed: launched programs are killed, attached ones
 * detached, and the test fails if one of them is still alive (or still traced by this JVM), or
 * if any other process became traced by this JVM during the test and still is (a target the
 * test made through {@link org.dlv4j.api.Debugger} directly and did not close).
 *
 * <pre>{@code
 * @ExtendWith(GoDebugExtension.class)
 * @Timeout(60)
 * class HelloTest {
 *   @Test
 *   void greets(@GoProgram(value = "hello", args = "gopher") Target target) {
 *     target.createBreakpoint(BreakpointSpec.atFunction("main.greet"));
 *     DebuggerState state = target.resume();
 *     assertEquals("main.greet",
 *         state.currentThread().orElseThrow().location().function().orElseThrow().name());
 *   }
 *
 *   @Test
 *   void attaches(GoDebugSession session) {
 *     Target target = session.attach(somePid);
 *     // ...
 *   }
 * }
 * }</pre>
 *
 * <p>Needs dlv4j's engine and the backend for the platform on the test class path (e.g.
 * {@code debugger-gort} and {@code debugger-native-linux-amd64}), and Go on the {@code PATH}
 * to build fixtures. Fixture directories resolve as {@link GoBuild#fixture(String)} says.
 */
public final class GoDebugExtension implements ParameterResolver, BeforeEachCallback,
    AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GoDebugExtension.class);
  private static final String SESSION = "session";
  private static final String TRACED_BEFORE = "tracedBefore";

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public GoDebugExtension() {
    // stateless: everything lives in the test's ExtensionContext.Store
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(TRACED_BEFORE, Tracees.tracedByUs());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == GoDebugSession.class
        || (type == Target.class && parameter.isAnnotated(GoProgram.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    GoDebugSession session = session(context);
    if (parameter.getParameter().getType() == GoDebugSession.class) {
      return session;
    }
    GoProgram program = parameter.findAnnotation(GoProgram.class).orElseThrow();
    try {
      return session.launch(spec(session, program));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("cannot launch fixture " + program.value(), e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    GoDebugSession session = store.remove(SESSION, GoDebugSession.class);
    if (session != null) {
      session.close();
    }
    @SuppressWarnings("unchecked")
    Set<Integer> before = store.remove(TRACED_BEFORE, Set.class);
    Set<Integer> leaked = new TreeSet<>(Tracees.tracedByUs());
    if (before != null) {
      leaked.removeAll(before);
    }
    if (!leaked.isEmpty()) {
      throw new AssertionError("processes still traced by this JVM after the test: " + leaked
          + " (close every Target, or make them through GoDebugSession)");
    }
  }

  private static GoDebugSession session(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(SESSION,
        key -> new GoDebugSession(), GoDebugSession.class);
  }

  private static LaunchSpec spec(GoDebugSession session, GoProgram program) {
    Environment env = Environment.inherit();
    for (String assignment : program.env()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ParameterResolutionException("@GoProgram env entry must be NAME=value: "
            + assignment);
      }
      env = env.with(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    LaunchSpec spec = LaunchSpec.of(session.build(program.value()))
        .withArgs(Arrays.asList(program.args())).withEnvironment(env);
    return program.pipeOutput() ? spec.withStdout(Redirect.PIPE).withStderr(Redirect.PIPE) : spec;
  }
}
