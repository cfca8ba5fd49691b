/**
 * Reading 64-bit little-endian ELF files: header, sections (decompressed on demand), program
 * headers, symbols, notes, build IDs and {@code .gnu_debuglink}, and finding separate debug
 * files. The entry point is {@link org.dlv4j.elf.ElfFile#open}.
 *
 * <p><b>Threat model.</b> Files are untrusted: they may be truncated, corrupted or crafted.
 * Every offset, size and count is checked against the file before use; decompressed sizes are
 * capped at 1 GiB and at 1032 times the compressed size plus 64 KiB; nothing loops on data
 * without consuming it. Malformed input is reported as a
 * {@link org.dlv4j.api.BinaryFormatException} (or {@link org.dlv4j.elf.UnsupportedBinaryException})
 * whose {@code where()} names the file and structure. Its {@code offset()} is relative to the
 * section when {@code where()} names a section's contents (e.g. {@code "/bin/app .symtab"}),
 * and a file offset otherwise (e.g. {@code "/bin/app section header 3"}).
 */
package org.dlv4j.elf;
