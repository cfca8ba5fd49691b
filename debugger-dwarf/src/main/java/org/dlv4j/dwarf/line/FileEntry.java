package org.dlv4j.dwarf.line;

import java.util.Optional;

/**
 * One entry of a line-number program's file table (DWARF v5 §6.2.4 items 21-22), or a file
 * added by {@code DW_LNE_define_file}.
 *
 * @param name the name as stored, often relative to its directory
 * @param directoryIndex the index of its directory in {@link LineProgram#directories()}
 * @param path the full path: {@code name} if absolute, else joined to its resolved directory
 * @param modificationTime the modification time as stored (producer-defined), 0 if unknown
 * @param size the file size in bytes, 0 if unknown
 * @param md5 the MD5 digest of the file as 32 lower-case hex digits, if the header has one
 */
public record FileEntry(
    String name, int directoryIndex, String path, long modificationTime, long size,
    Optional<String> md5) {}
