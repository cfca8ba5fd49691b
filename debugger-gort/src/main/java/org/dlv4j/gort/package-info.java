/**
 * Facts about a Go binary that do not need a running process. {@link org.dlv4j.gort.GoBinary}
 * is the entry point: it opens an executable and answers pc, line, function, type and
 * package-variable questions from its pclntab and, when present, its DWARF (also from a
 * separate debug file). Beside it: the Go version ({@link org.dlv4j.gort.GoVersion}), the build
 * information ({@link org.dlv4j.gort.BuildInfo}) and the architecture
 * ({@link org.dlv4j.gort.Arch}).
 */
package org.dlv4j.gort;
