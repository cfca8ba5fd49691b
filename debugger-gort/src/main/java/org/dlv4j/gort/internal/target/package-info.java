/**
 * The engine behind {@link org.dlv4j.api.Debugger}: {@code GoEngine} (found by
 * {@link java.util.ServiceLoader}) launches, builds and attaches through a
 * {@link org.dlv4j.spi.TargetBackendProvider}; {@code TargetImpl} implements
 * {@link org.dlv4j.api.Target} over a {@link org.dlv4j.spi.ProcessBackend}, with the continue
 * loop ({@code RunLoop}) running as one task on the backend's tracer thread, events on a thread
 * of each target, and code knowledge from {@code GoBinary} ({@code CodeIndex}). Not
 * exported.
 */
package org.dlv4j.gort.internal.target;
