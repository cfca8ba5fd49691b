/**
 * The parts of {@link org.dlv4j.gort.GoBinary} that are not API: the DWARF side (found in the
 * binary or in a separate debug file), source-file matching and the prologue rule. Not
 * exported.
 */
package org.dlv4j.gort.internal.binary;
