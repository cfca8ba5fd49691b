/**
 * Facts about a Go binary that do not need a running process: its Go version
 * ({@link org.dlv4j.gort.GoVersion}), its build information ({@link org.dlv4j.gort.BuildInfo})
 * and its architecture ({@link org.dlv4j.gort.Arch}).
 */
package org.dlv4j.gort;
