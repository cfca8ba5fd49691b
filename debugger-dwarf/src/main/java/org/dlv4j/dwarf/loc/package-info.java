/**
 * Address ranges and locations: the decoded form of DW_AT_ranges / DW_AT_low_pc..high_pc and
 * of location-valued attributes, as returned by {@link org.dlv4j.dwarf.Die#ranges()} and
 * {@link org.dlv4j.dwarf.Die#location}.
 */
package org.dlv4j.dwarf.loc;
