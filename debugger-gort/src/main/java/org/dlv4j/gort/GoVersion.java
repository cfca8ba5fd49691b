package org.dlv4j.gort;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go toolchain version such as {@code go1.22.12}, {@code go1.26rc1} or a development build
 * ({@code devel go1.27-abcdef}). Immutable.
 *
 * <p>Versions order as Go releases do: a development build of 1.27 is older than 1.27beta1,
 * which is older than 1.27rc1, and every pre-release is older than the release {@code 1.27.0}. {@link #atLeast(int, int)} ignores the pre-release, so that a 1.27 release
 * candidate already counts as 1.27 for layout decisions.
 *
 * @param major the major version, 1 for every Go release so far
 * @param minor the minor version, e.g. 22
 * @param patch the patch version, 0 for {@code go1.22}, {@code go1.22.0} and pre-releases
 * @param prerelease {@code ""} for a release, otherwise {@code "rc1"}, {@code "beta2"} or
 *     {@code "devel"}
 */
public record GoVersion(int major, int minor, int patch, String prerelease)
    implements Comparable<GoVersion> {

  /** The oldest Go version dlv4j supports. */
  public static final GoVersion OLDEST_SUPPORTED = new GoVersion(1, 22, 0, "");

  /** The newest Go minor version dlv4j supports (any patch release of it). */
  public static final GoVersion NEWEST_SUPPORTED = new GoVersion(1, 26, 0, "");

  private static final Pattern VERSION = Pattern.compile(
      "go(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?((?:rc|beta)\\d{1,9})?(?:[-+ ].*)?");
  private static final Pattern DEVEL = Pattern.compile("devel go(\\d{1,9})\\.(\\d{1,9})(?:[-+ ].*)?");

  private static final Comparator<GoVersion> ORDER = Comparator.comparingInt(GoVersion::major)
      .thenComparingInt(GoVersion::minor)
      .thenComparingInt(GoVersion::prereleaseRank)
      .thenComparingInt(GoVersion::prereleaseNumber)
      .thenComparingInt(GoVersion::patch);

  /**
   * Checks the components.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   * @param prerelease {@code ""}, {@code "rcN"}, {@code "betaN"} or {@code "devel"}
   * @throws IllegalArgumentException if a number is negative or the pre-release is not
   *     {@code ""}, {@code "devel"}, {@code "betaN"} or {@code "rcN"}
   */
  public GoVersion {
    Objects.requireNonNull(prerelease, "prerelease");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version component: " + major + "." + minor + "." + patch);
    }
    if (!prerelease.isEmpty() && !prerelease.equals("devel") && !prerelease.matches("(rc|beta)\\d+")) {
      throw new IllegalArgumentException("unknown pre-release " + prerelease);
    }
  }

  /**
   * Parses a version as the Go toolchain prints it: {@code "go1.22.12"}, {@code "go1.26rc1"},
   * {@code "go1.21"}, {@code "go1.26.8 X:nodwarf5"} or {@code "devel go1.27-abcdef Tue Jan 1 …"}.
   * Text after the version (experiments, vendor suffixes, dates) is ignored.
   *
   * @param text the version string, e.g. from {@link BuildInfo#goVersion()}
   * @return the version, or empty if {@code text} is not a Go version
   */
  public static Optional<GoVersion> parse(String text) {
    Matcher devel = DEVEL.matcher(text);
    if (devel.matches()) {
      return Optional.of(new GoVersion(Integer.parseInt(devel.group(1)), Integer.parseInt(devel.group(2)),
          0, "devel"));
    }
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    String pre = m.group(4) == null ? "" : m.group(4);
    if (!pre.isEmpty() && m.group(3) != null) {
      return Optional.empty(); // "go1.22.1rc1" is not a Go version
    }
    return Optional.of(new GoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch, pre));
  }

  /**
   * Returns whether this version is {@code major.minor} or later, ignoring the patch and the
   * pre-release: {@code go1.26rc1} and {@code devel go1.26-…} are at least 1.26.
   *
   * @param major the major version to compare with
   * @param minor the minor version to compare with
   * @return whether this version's {@code major.minor} is at least the given one
   */
  public boolean atLeast(int major, int minor) {
    return this.major != major ? this.major > major : this.minor >= minor;
  }

  /**
   * {@return whether dlv4j supports binaries built by this version} Its minor version must lie
   * between {@link #OLDEST_SUPPORTED} and {@link #NEWEST_SUPPORTED}, inclusive.
   */
  public boolean isSupported() {
    return atLeast(OLDEST_SUPPORTED.major, OLDEST_SUPPORTED.minor)
        && !atLeast(NEWEST_SUPPORTED.major, NEWEST_SUPPORTED.minor + 1);
  }

  /** {@return whether this is a release (not a beta, release candidate or development build)} */
  public boolean isRelease() {
    return prerelease.isEmpty();
  }

  @Override
  public int compareTo(GoVersion other) {
    return ORDER.compare(this, other);
  }

  /** {@return the version in the toolchain's spelling, e.g. {@code go1.22.12} or {@code go1.26rc1}} */
  @Override
  public String toString() {
    if (prerelease.equals("devel")) {
      return "devel go" + major + "." + minor;
    }
    if (!prerelease.isEmpty()) {
      return "go" + major + "." + minor + prerelease;
    }
    return "go" + major + "." + minor + "." + patch;
  }

  private int prereleaseRank() {
    if (prerelease.isEmpty()) {
      return 3;
    }
    if (prerelease.startsWith("rc")) {
      return 2;
    }
    return prerelease.startsWith("beta") ? 1 : 0;
  }

  private int prereleaseNumber() {
    int start = prerelease.startsWith("rc") ? 2 : prerelease.startsWith("beta") ? 4 : prerelease.length();
    return start >= prerelease.length() ? 0 : Integer.parseInt(prerelease.substring(start));
  }
}
