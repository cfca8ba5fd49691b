/**
 * The service provider interface of dlv4j: what engines and backends implement. It is for
 * implementors, not clients, and may change between minor versions; clients use
 * {@link org.dlv4j.api}.
 *
 * <p>{@link org.dlv4j.spi.DebuggerEngine} is what {@link org.dlv4j.api.Debugger} finds with
 * {@link java.util.ServiceLoader} (provided by {@code debugger-gort}). The engine in turn finds a
 * {@link org.dlv4j.spi.TargetBackendProvider} (provided by the native modules), which launches
 * or attaches to a process and returns a {@link org.dlv4j.spi.ProcessBackend}: threads
 * ({@link org.dlv4j.spi.ThreadBackend}) with their {@link org.dlv4j.spi.RegisterFile}s, target
 * memory ({@link org.dlv4j.spi.MemoryAccess}) and stop events ({@link org.dlv4j.spi.WaitEvent}).
 * Architecture facts the engine needs (pointer size, breakpoint encoding, DWARF register
 * numbers) come from {@link org.dlv4j.spi.ArchSupport}.
 *
 * <p><b>Threading.</b> A backend owns one dedicated platform thread per target (the <em>tracer
 * thread</em>) that issues every ptrace-like call. Methods documented as tracer-only throw
 * {@link java.lang.IllegalStateException} elsewhere; run them inside
 * {@link org.dlv4j.spi.ProcessBackend#onTracer(java.util.concurrent.Callable)}. Memory access,
 * {@link org.dlv4j.spi.ProcessBackend#requestHalt()} and
 * {@link org.dlv4j.spi.ProcessBackend#kill()} work from any thread. Engines own the threading
 * model that {@link org.dlv4j.api.Target} promises: listeners run on a separate event thread.
 *
 * <p><b>Trust.</b> Everything read from a target process or its binary is untrusted input:
 * implementations validate sizes and counts before allocating, and report malformed data as
 * {@link org.dlv4j.api.BinaryFormatException} or another
 * {@link org.dlv4j.api.DebuggerException}, never by hanging or exhausting memory.
 */
package org.dlv4j.spi;
