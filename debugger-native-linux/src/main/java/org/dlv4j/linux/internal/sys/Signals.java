package org.dlv4j.linux.internal.sys;

/** Linux signal numbers (x86-64 and arm64 agree on all of these) and their names. */
public final class Signals {
  /** Illegal instruction. */
  public static final int SIGILL = 4;
  /** Trace/breakpoint trap. */
  public static final int SIGTRAP = 5;
  /** Bus error. */
  public static final int SIGBUS = 7;
  /** Arithmetic fault. */
  public static final int SIGFPE = 8;
  /** Kill, cannot be caught. */
  public static final int SIGKILL = 9;
  /** User-defined signal 1. */
  public static final int SIGUSR1 = 10;
  /** Segmentation fault. */
  public static final int SIGSEGV = 11;
  /** Broken pipe. */
  public static final int SIGPIPE = 13;
  /** Stack fault on coprocessor. */
  public static final int SIGSTKFLT = 16;
  /** Continue a stopped process. */
  public static final int SIGCONT = 18;
  /** Stop, cannot be caught. */
  public static final int SIGSTOP = 19;
  /** Terminal stop. */
  public static final int SIGTSTP = 20;
  /** Background read from the terminal. */
  public static final int SIGTTIN = 21;
  /** Background write to the terminal. */
  public static final int SIGTTOU = 22;
  /** Urgent socket condition; Go uses it for asynchronous preemption. */
  public static final int SIGURG = 23;

  private static final String[] NAMES = {
    "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
    "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
    "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
  };

  private Signals() { }

  /** Returns a signal's name, e.g. {@code "SIGURG"}, or {@code "SIG34"} for real-time ones. */
  public static String name(int signo) {
    return signo >= 0 && signo < NAMES.length ? NAMES[signo] : "SIG" + signo;
  }

  /** Tells whether a stop signal is one that starts a group-stop. */
  public static boolean isStopSignal(int signo) {
    return signo == SIGSTOP || signo == SIGTSTP || signo == SIGTTIN || signo == SIGTTOU;
  }

  /** Tells whether a signal reports a fault of the instruction just executed. */
  public static boolean isSynchronousFault(int signo) {
    return signo == SIGILL || signo == SIGBUS || signo == SIGFPE || signo == SIGSEGV
        || signo == SIGSTKFLT;
  }
}
