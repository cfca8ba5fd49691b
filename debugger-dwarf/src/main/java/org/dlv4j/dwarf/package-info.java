/**
 * DWARF 2-5 debugging information: units, DIEs and a name index, read from sections supplied
 * by a {@link org.dlv4j.dwarf.SectionLoader} and never from a file directly.
 *
 * <p>Start at {@link org.dlv4j.dwarf.Dwarf}. Walk DIEs with a {@link org.dlv4j.dwarf.DieCursor},
 * which reuses one {@link org.dlv4j.dwarf.Die}; look things up by name or pc with
 * {@link org.dlv4j.dwarf.DwarfIndex}.
 *
 * <p><b>Security.</b> Debug sections are untrusted input. Every read is bounds-checked against
 * its section; a malformed unit throws {@link org.dlv4j.api.BinaryFormatException} naming the
 * section and offset, and is skipped by the unit scan and the index rather than failing the
 * whole object. Every walk moves forward through the bytes, so walks terminate; reference
 * chains are followed a bounded number of hops; allocations are proportional to the input
 * (range and location lists are capped at 65536 entries).
 */
package org.dlv4j.dwarf;
