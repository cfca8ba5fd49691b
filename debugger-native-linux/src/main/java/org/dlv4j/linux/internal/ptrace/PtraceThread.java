package org.dlv4j.linux.internal.ptrace;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import org.dlv4j.api.DebuggerException;

/**
 * The one platform thread that issues every ptrace and waitpid call for a target. The kernel
 * binds a tracee to the tracing <em>thread</em>, so all requests must come from here. Work is a
 * queue of {@link FutureTask}s run in order; a task that throws does not end the thread (a
 * thread pool would silently replace a dead worker, and with it the tracer).
 */
public final class PtraceThread implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("ptrace");

  private final BlockingQueue<FutureTask<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts the thread.
   *
   * @param name the thread's name, e.g. {@code "dlv4j-ptrace-launch"}
   */
  public PtraceThread(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs a task on this thread and returns its result; runs it directly when called on this
   * thread.
   *
   * @param task the work
   * @param <T> the result type
   * @return the task's result
   * @throws DebuggerException what the task threw (unchecked exceptions unchanged), or if the
   *     caller was interrupted while waiting
   * @throws IllegalStateException if the thread has been closed
   */
  public <T> T call(Callable<T> task) {
    if (isCurrent()) {
      return callHere(task);
    }
    FutureTask<T> future = new FutureTask<>(task);
    if (closed || !queue.offer(future)) {
      throw new IllegalStateException(thread.getName() + " is closed");
    }
    if (closed) {
      // close() may have drained the queue between our check and the offer
      queue.remove(future);
      throw new IllegalStateException(thread.getName() + " is closed");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DebuggerException("interrupted while waiting for " + thread.getName(), e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** Tells whether the calling thread is this tracer thread. */
  public boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /**
   * Throws unless called on this thread.
   *
   * @param operation what the caller is about to do, for the message
   * @throws IllegalStateException when called from another thread
   */
  public void checkCurrent(String operation) {
    if (!isCurrent()) {
      throw new IllegalStateException(operation + " must run on the tracer thread "
          + thread.getName() + " (use ProcessBackend.onTracer), not on "
          + Thread.currentThread().getName());
    }
  }

  /** Returns the thread's name. */
  public String name() {
    return thread.getName();
  }

  /**
   * Stops accepting work, lets queued tasks finish and ends the thread. Waits for it unless
   * called on the thread itself. Tracees still attached are released (or killed, with
   * {@code PTRACE_O_EXITKILL}) by the kernel when the thread ends.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.offer(new FutureTask<>(() -> null));
    if (!isCurrent()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    while (true) {
      FutureTask<?> task;
      try {
        task = queue.take();
      } catch (InterruptedException e) {
        LOG.log(System.Logger.Level.DEBUG, "{0} ignores an interrupt", thread.getName());
        continue;
      }
      task.run();
      if (closed && queue.isEmpty()) {
        return;
      }
    }
  }

  private static <T> T callHere(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new DebuggerException("tracer task failed: " + e, e);
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new DebuggerException("tracer task failed: " + cause, cause);
  }
}
