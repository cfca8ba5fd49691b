/**
 * The Go runtime as a debugger sees it: where its structs keep what a debugger reads
 * ({@link org.dlv4j.gort.internal.runtime.RuntimeLayout}, by DWARF field name, with a fallback
 * table per Go version), its globals and where threads keep their g
 * ({@link org.dlv4j.gort.internal.runtime.RuntimeGlobals}), wait-reason names, the code map
 * ({@link org.dlv4j.gort.internal.runtime.CodeMap}), and the goroutines themselves: the bulk
 * {@code allgs} reader ({@link org.dlv4j.gort.internal.runtime.AllGs}), what each thread runs
 * ({@link org.dlv4j.gort.internal.runtime.ThreadG}), pprof labels and the goroutine records and
 * filters of Delve's {@code ListGoroutines}. One {@link org.dlv4j.gort.internal.runtime.GoRuntime}
 * per binary; target memory is read through the small
 * {@link org.dlv4j.gort.internal.runtime.TargetMemory} interface.
 *
 * <p>Sources of facts: {@code runtime/runtime2.go} (g, m, gobuf, _defer, statuses, wait
 * reasons), {@code runtime/proc.go} (allgs/allglen), {@code runtime/traceback.go} (status names,
 * system goroutines), {@code runtime/map.go} of Go 1.22/1.23 and {@code runtime/pprof/label.go}
 * (labels), {@code cmd/link} (TLS), and the reference digest runtime-internals.md §2.
 *
 * <p><b>Trust.</b> Target memory is untrusted: counts are capped before anything is allocated
 * for them (allglen, labels, map buckets and chains), unreadable memory makes one goroutine (or
 * one label set) unreadable rather than the listing fail, and no pointer chain is followed
 * without a bound.
 */
package org.dlv4j.gort.internal.runtime;
