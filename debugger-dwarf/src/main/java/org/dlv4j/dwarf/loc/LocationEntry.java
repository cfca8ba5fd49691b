package org.dlv4j.dwarf.loc;

import java.nio.ByteBuffer;

/**
 * One bounded entry of a location list: an expression valid for pcs in [start, end).
 *
 * @param range the addresses at which the expression is valid
 * @param expression the expression bytes, read-only; empty when the value is unavailable there
 */
public record LocationEntry(AddressRange range, ByteBuffer expression) {}
