package org.dlv4j.gort.internal.target;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Copies what a program writes to a piped stdout or stderr into {@code Output} events.
 *
 * <p>It polls instead of blocking in {@code read}: a blocked read can have taken bytes out of the
 * pipe that are not yet posted, and then no one could tell, at a stop, whether all output has
 * been delivered. Here every read happens under the pump's lock and only reads what
 * {@code available()} reports, so {@link #drain()}, called when the program is stopped or
 * ended, takes the lock and empties the pipe itself: everything written before the stop is
 * posted before the caller posts the stop. Polling backs off from 1 ms to 16 ms while idle.
 */
final class OutputPump {
  private static final long MIN_PAUSE_NANOS = 1_000_000;
  private static final long MAX_PAUSE_NANOS = 16_000_000;

  private final InputStream in;
  private final Consumer<byte[]> sink;
  private final byte[] buffer = new byte[64 * 1024];
  private final java.lang.Thread thread;
  private volatile boolean closed;

  /**
   * Starts a pump.
   *
   * @param in the JVM's end of the pipe
   * @param sink receives each chunk, in order
   * @param name the pump thread's name
   */
  OutputPump(InputStream in, Consumer<byte[]> sink, String name) {
    this.in = in;
    this.sink = sink;
    this.thread = new java.lang.Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Posts everything the pipe holds now. */
  void drain() {
    synchronized (this) {
      while (pumpOnce()) {
        // until the pipe is empty
      }
    }
  }

  /** Stops polling; the stream itself belongs to the backend, which closes it. */
  void close() {
    closed = true;
    LockSupport.unpark(thread);
  }

  private void run() {
    long pause = MIN_PAUSE_NANOS;
    while (!closed) {
      boolean got;
      synchronized (this) {
        got = pumpOnce();
      }
      pause = got ? MIN_PAUSE_NANOS : Math.min(pause * 2, MAX_PAUSE_NANOS);
      if (!got) {
        LockSupport.parkNanos(pause);
      }
    }
  }

  /** Reads and posts what is available; returns whether there was anything. Holds the lock. */
  private boolean pumpOnce() {
    if (closed) {
      return false;
    }
    try {
      int available = in.available();
      if (available <= 0) {
        return false;
      }
      int n = in.read(buffer, 0, Math.min(available, buffer.length));
      if (n <= 0) {
        return false;
      }
      sink.accept(Arrays.copyOf(buffer, n));
      return true;
    } catch (IOException e) {
      closed = true; // the backend closed the pipe: the target is gone
      return false;
    }
  }
}
