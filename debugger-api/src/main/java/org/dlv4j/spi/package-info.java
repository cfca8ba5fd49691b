/**
 * The service provider interface of dlv4j: what engines and backends implement. It is for
 * implementors, not clients, and may change between minor versions; clients use
 * {@link org.dlv4j.api}.
 *
 * <p>{@link org.dlv4j.spi.DebuggerEngine} is what {@link org.dlv4j.api.Debugger} finds with
 * {@link java.util.ServiceLoader} (provided by {@code debugger-gort}). The backend types
 * beside it (process, thread, memory and register access; provided by the native modules)
 * let an engine control processes without issuing system calls itself.
 *
 * <p><b>Threading.</b> Each type documents its thread-safety. Engines own the threading model
 * that {@link org.dlv4j.api.Target} promises: one dedicated thread traces each process, and
 * listeners run on a separate event thread.
 *
 * <p><b>Trust.</b> Everything read from a target process or its binary is untrusted input:
 * implementations validate sizes and counts before allocating, and report malformed data as
 * {@link org.dlv4j.api.BinaryFormatException} or another
 * {@link org.dlv4j.api.DebuggerException}, never by hanging or exhausting memory.
 */
package org.dlv4j.spi;
