package org.dlv4j.gort.internal.binary;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, by whichever thread asks first; an exception thrown by
 * the computation is remembered and rethrown to every later caller, so a malformed table is
 * never parsed twice. Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<T> compute;
  private volatile T value;
  private volatile RuntimeException failure;

  private Lazy(Supplier<T> compute) {
    this.compute = compute;
  }

  /**
   * Returns a value that {@code compute} will produce when first asked for.
   *
   * @param compute computes the value; called at most once; must not return null
   * @param <T> the value's type
   * @return the lazy value
   */
  public static <T> Lazy<T> of(Supplier<T> compute) {
    return new Lazy<>(Objects.requireNonNull(compute, "compute"));
  }

  /** {@return the value, computing it on the first call} */
  @Override
  public T get() {
    T v = value;
    if (v != null) {
      return v;
    }
    synchronized (this) {
      if (value == null && failure == null) {
        try {
          value = Objects.requireNonNull(compute.get(), "lazy value");
        } catch (RuntimeException e) {
          failure = e;
        }
        compute = null;
      }
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /** {@return whether the value has been computed (successfully)} */
  public boolean isDone() {
    return value != null;
  }
}
