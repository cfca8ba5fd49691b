package org.dlv4j.gort.internal.target;

/** The source-level steps: Delve's {@code next}, {@code step} and {@code stepOut}. */
enum StepCommand {
  /** To the next line of the function, over calls. */
  NEXT("next"),
  /** To the next line, into the calls of the current one. */
  STEP("step"),
  /** Out of the function, to its caller. */
  STEP_OUT("step out");

  private final String operation;

  StepCommand(String operation) {
    this.operation = operation;
  }

  /** {@return the operation's name in messages, e.g. {@code "step out"}} */
  String operation() {
    return operation;
  }
}
