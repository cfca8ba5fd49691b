/**
 * The Go pclntab: the function, line, file, stack-frame and inline tables that every Go binary
 * carries for the runtime's own tracebacks, so they are present even when the binary is
 * stripped of symbols and DWARF. {@link org.dlv4j.gort.pclntab.Pclntab} reads the layouts of
 * Go 1.18/1.19 and of Go 1.20 and later (see {@link org.dlv4j.gort.pclntab.PclntabFormat});
 * older tables are rejected with an "unsupported Go version" error.
 *
 * <p>Sources of facts: {@code runtime/symtab.go} (pcHeader, moduledata, pcvalue),
 * {@code runtime/runtime2.go} ({@code _func}), {@code runtime/symtabinl.go} (inline trees),
 * {@code internal/abi/symtab.go} and {@code cmd/link/internal/ld/pcln.go} (the writer).
 *
 * <p><b>Security.</b> Tables are treated as untrusted input. Every read is bounds-checked
 * against the table and the region it belongs to, counts are checked against the room the
 * table has for them before anything is allocated for them, varints are limited to five bytes,
 * pcvalue walks end at the end of the pctab region, and inline-tree walks must strictly
 * descend. Malformed data raises {@link org.dlv4j.api.BinaryFormatException} naming
 * {@code .gopclntab} and an offset; no input makes a reader loop or allocate without bound.
 * Decoded line tables are cached per function; their size is bounded by a small multiple of
 * the encoded tables.
 */
package org.dlv4j.gort.pclntab;
