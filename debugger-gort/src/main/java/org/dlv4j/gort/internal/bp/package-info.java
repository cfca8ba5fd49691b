/**
 * Software breakpoints of one target: logical breakpoints (what the client asked for) sharing
 * physical ones (one breakpoint instruction per address), the code bytes they replaced, and
 * their hit counts. Not exported.
 */
package org.dlv4j.gort.internal.bp;
