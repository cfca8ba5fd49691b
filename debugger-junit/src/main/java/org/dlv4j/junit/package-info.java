/**
 * JUnit 5 support for testing with Go programs under the debugger.
 *
 * <p><b>Setup.</b> Add this module and, for the tests only, dlv4j's engine and the backend for
 * your platform:
 *
 * <pre>{@code
 * <dependency><groupId>org.dlv4j</groupId><artifactId>debugger-junit</artifactId><scope>test</scope></dependency>
 * <dependency><groupId>org.dlv4j</groupId><artifactId>debugger-gort</artifactId><scope>test</scope></dependency>
 * <dependency><groupId>org.dlv4j</groupId><artifactId>debugger-native-linux-amd64</artifactId><scope>test</scope></dependency>
 * }</pre>
 *
 * <p>Go must be on the {@code PATH}. Put each Go program in a directory under a test-data root
 * (a Go module, e.g. {@code src/test/go/} with a {@code go.mod}) and point the system property
 * {@code dlv4j.testdata} at it (default: {@code testdata} under the working directory); built
 * binaries are cached under {@code dlv4j.fixtureCache} (default: {@code target/go-fixtures}).
 *
 * <p><b>Use.</b>
 * <ul>
 *   <li>{@link org.dlv4j.junit.GoBuild} builds a program on demand, cached by a hash of its
 *       sources, flags, environment and toolchain.
 *   <li>{@link org.dlv4j.junit.GoDebugExtension} ({@code @ExtendWith}) injects a launched
 *       {@link org.dlv4j.api.Target} for a parameter annotated {@link org.dlv4j.junit.GoProgram}
 *       and a {@link org.dlv4j.junit.GoDebugSession} for anything else (attach, several
 *       targets, custom launches); after each test it kills what it launched, detaches what it
 *       attached, and fails the test if a process is still alive or still traced.
 *   <li>{@link org.dlv4j.junit.GoDebugSession} does the same without the extension, in
 *       try-with-resources.
 *   <li>{@link org.dlv4j.junit.AttachableProgram} starts a program untraced, for a test to
 *       attach to; {@link org.dlv4j.junit.AttachableProgramExtension} does so around each test.
 * </ul>
 *
 * <p><b>Oracles.</b> What a test checks the debugger against, asked without it:
 * <ul>
 *   <li>{@link org.dlv4j.junit.Command} runs a reference tool and returns its output;
 *       {@link org.dlv4j.junit.GoNm} and {@link org.dlv4j.junit.GoAddr2line} ask the Go
 *       toolchain for symbols and source positions.
 *   <li>{@link org.dlv4j.junit.ProcFs} reads Linux's {@code /proc}: threads and their states,
 *       tracers, mappings, memory.
 *   <li>{@link org.dlv4j.junit.BackendWaits} holds the wait loops of tests that drive a backend
 *       ({@code org.dlv4j.spi.ProcessBackend}) without an engine.
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(GoDebugExtension.class)
 * @Timeout(60)
 * class CheckoutTest {
 *   @Test
 *   void totalsTheCart(@GoProgram(value = "checkout", args = "--items=3") Target target) {
 *     target.createBreakpoint(BreakpointSpec.atLine("cart.go", 42));
 *     DebuggerState state = target.resume();
 *     assertEquals("main.(*Cart).Total",
 *         state.currentThread().orElseThrow().location().function().orElseThrow().name());
 *   }
 * }
 * }</pre>
 */
package org.dlv4j.junit;
