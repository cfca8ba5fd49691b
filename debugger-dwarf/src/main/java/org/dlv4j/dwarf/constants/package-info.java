/**
 * DWARF constants as open value types ({@code record DwTag(int code)}), with constants spelled
 * as in the DWARF standard ({@code DwTag.DW_TAG_subprogram}) and Go's extensions
 * ({@code DwAt.DW_AT_go_kind}). Unknown codes stay representable and print as
 * {@code DwTag(0x4109)}.
 */
package org.dlv4j.dwarf.constants;
