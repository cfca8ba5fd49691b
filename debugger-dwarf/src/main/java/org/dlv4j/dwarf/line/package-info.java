/**
 * DWARF line-number information (DWARF v5 §6.2): line-number programs of versions 2 to 5 in
 * the 32- and 64-bit formats, a cursor that runs a program's state machine row by row, and an
 * index over all programs of a binary for PC-to-line and line-to-PC lookups.
 *
 * <pre>{@code
 * LineSections sections = LineSections.of(debugLine);
 * LineIndex index = LineIndex.build(LineProgram.all(sections, 8, ""));
 * index.find(pc).ifPresent(loc -> System.out.println(loc.file() + ":" + loc.line()));
 * }</pre>
 *
 * <p><b>Threat model.</b> The bytes come from untrusted binaries. Every reader is
 * bounds-checked against its section and its unit; malformed input (truncation, lengths or
 * counts past the data, zero {@code line_range}, unknown forms, address overflow, a program
 * that never ends its sequence) throws {@link org.dlv4j.api.BinaryFormatException} naming the
 * section and offset. Every loop consumes input bytes, so no input makes a reader hang, and
 * allocations whose size comes from the file are capped by the bytes that remain.
 */
package org.dlv4j.dwarf.line;
