/**
 * The service-provider interface between the Go-aware engine and the operating-system
 * backends that control processes. For implementors, not for clients of the debugger.
 *
 * <p>A {@link org.dlv4j.spi.TargetBackendProvider} (found with {@link java.util.ServiceLoader})
 * launches or attaches to a process and returns a {@link org.dlv4j.spi.ProcessBackend}: threads
 * ({@link org.dlv4j.spi.ThreadBackend}) with their {@link org.dlv4j.spi.RegisterFile}s, target
 * memory ({@link org.dlv4j.spi.MemoryAccess}) and stop events ({@link org.dlv4j.spi.WaitEvent}).
 * Architecture facts the engine needs (pointer size, breakpoint encoding, DWARF register
 * numbers) come from {@link org.dlv4j.spi.ArchSupport}.
 *
 * <p>Threading: a backend owns one dedicated platform thread per target (the <em>tracer
 * thread</em>) that issues every ptrace-like call. Methods documented as tracer-only throw
 * {@link java.lang.IllegalStateException} elsewhere; run them inside
 * {@link org.dlv4j.spi.ProcessBackend#onTracer(java.util.concurrent.Callable)}. Memory access,
 * {@link org.dlv4j.spi.ProcessBackend#requestHalt()} and
 * {@link org.dlv4j.spi.ProcessBackend#kill()} work from any thread.
 *
 * <p>This package is versioned separately from {@code org.dlv4j.api}: it may change between
 * minor releases.
 */
package org.dlv4j.spi;
