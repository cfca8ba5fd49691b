package org.dlv4j.elf;

/**
 * The contents of a {@code .gnu_debuglink} section: the file name of the separate debug-info
 * file and the CRC-32 of its whole contents.
 *
 * @param name the file name (no directory), e.g. {@code "app.debug"}
 * @param crc32 the IEEE CRC-32 the file must have, as {@link java.util.zip.CRC32} computes it
 */
public record DebugLink(String name, long crc32) {}
