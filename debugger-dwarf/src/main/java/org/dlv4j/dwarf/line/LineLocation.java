package org.dlv4j.dwarf.line;

/**
 * The source position of a range of code, as {@link LineIndex#find(long)} returns it: one row
 * of the line table and the address where the next row starts.
 *
 * @param address the first address of the row
 * @param end the first address after the row (exclusive)
 * @param file the full path of the source file
 * @param line the source line, 0 when no line applies
 * @param column the source column, 0 when unknown (Go writes none)
 * @param isStmt whether the row is a recommended breakpoint location
 */
public record LineLocation(long address, long end, String file, int line, int column,
    boolean isStmt) {}
