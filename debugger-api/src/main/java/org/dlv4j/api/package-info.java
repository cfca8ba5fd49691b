/**
 * Debug Go programs from Java: launch or attach with {@link org.dlv4j.api.Debugger}, control
 * the process through its {@link org.dlv4j.api.Target}, and read what it reports. The shapes
 * and names follow Delve's JSON-RPC API v2, so a Delve-compatible server maps them one to one.
 *
 * <p><b>Kinds of types.</b> Live handles are interfaces implemented by engines only
 * ({@link org.dlv4j.api.Target}, {@link org.dlv4j.api.Thread}); later versions add methods to
 * them (goroutines, stacks, stepping, variables). Data are immutable records
 * that copy what they are given ({@link org.dlv4j.api.DebuggerState},
 * {@link org.dlv4j.api.Breakpoint}, {@link org.dlv4j.api.Location}, ...). Variants are sealed
 * interfaces with nested records ({@link org.dlv4j.api.StopReason},
 * {@link org.dlv4j.api.Event}, {@link org.dlv4j.api.BreakpointSpec},
 * {@link org.dlv4j.api.Redirect}, ...); new variants may be added in later versions. Request
 * records ({@link org.dlv4j.api.LaunchSpec}, {@link org.dlv4j.api.AttachSpec},
 * {@link org.dlv4j.api.BreakpointSpec}, {@link org.dlv4j.api.BreakpointOptions}) are built
 * with their factories and {@code withX} methods, because their canonical constructors may gain
 * components.
 *
 * <p><b>Conventions.</b> Addresses are unsigned 64-bit values held in {@code long}. Goroutine
 * id 0 means "no goroutine" (the Go runtime never assigns it). Absence is an {@code Optional};
 * a null argument is a {@code NullPointerException} naming it, a malformed argument an
 * {@code IllegalArgumentException} naming it and its value. Failures of the debugger are
 * unchecked {@link org.dlv4j.api.DebuggerException} subclasses that carry the pid, address,
 * path or location they concern.
 *
 * <p><b>Threading.</b> Every type here is thread-safe. A target is traced by one dedicated
 * thread inside the engine; client calls hand work to it and wait. {@link
 * org.dlv4j.api.Target#halt()} may be called from any thread while another blocks in {@link
 * org.dlv4j.api.Target#resume()}. Listeners run on a per-target event thread, never on the
 * tracing thread. Handles tied to one stop ({@link org.dlv4j.api.Thread}) stop reading the
 * target once it resumes ({@link org.dlv4j.api.StaleHandleException}).
 *
 * <p><b>Trust.</b> The debugged program is not trusted: its memory, registers and binary may
 * hold anything. Engines treat every size, count and pointer read from it as untrusted input,
 * bound their allocations, and report malformed data as {@link
 * org.dlv4j.api.BinaryFormatException} or another {@code DebuggerException} rather than
 * hanging. Debugging needs the right to trace the process (same user, or
 * {@code CAP_SYS_PTRACE}, and the system's ptrace policy); a traced program can observe that it
 * is traced but cannot reach the JVM through dlv4j.
 */
package org.dlv4j.api;
