package org.dlv4j.gort.internal.bp;

import org.dlv4j.api.Location;

/**
 * A temporary breakpoint of a step: where, and what it means there. Immutable.
 *
 * @param at the address, with its source position and function
 * @param breaklet what reaching it means, and for whom
 */
public record StepPoint(Location at, StepBreaklet breaklet) {
}
