package org.dlv4j.api;

/**
 * Where to create a breakpoint, and its {@link BreakpointOptions}: at an address, at a
 * function's entry, or at a source line.
 *
 * <pre>{@code
 * target.createBreakpoint(BreakpointSpec.atFunction("main.main"));
 * target.createBreakpoint(BreakpointSpec.atLine("main.go", 42).withName("loop"));
 * target.createBreakpoint(BreakpointSpec.atAddress(0x4a1b2cL));
 * }</pre>
 *
 * <p>The spec is resolved against the program by {@link Target#createBreakpoint}, which
 * throws {@link LocationNotFoundException} if it does not resolve. Instances are immutable and
 * thread-safe. New variants (watchpoints, Delve location specs) may be added in later versions.
 */
public sealed interface BreakpointSpec {
  /**
   * Returns a spec for the instruction at {@code address}.
   *
   * @param address the address (unsigned); it should be the start of an instruction
   * @return the spec, without options
   */
  static AtAddress atAddress(long address) {
    return new AtAddress(address, BreakpointOptions.NONE);
  }

  /**
   * Returns a spec for a function's entry, after its prologue.
   *
   * @param function the fully qualified Go name, e.g. {@code "main.main"} or
   *     {@code "main.(*Server).Serve"}
   * @return the spec, without options
   * @throws NullPointerException if {@code function} is null
   * @throws IllegalArgumentException if {@code function} is blank
   */
  static AtFunction atFunction(String function) {
    return new AtFunction(function, BreakpointOptions.NONE);
  }

  /**
   * Returns a spec for every place with code for a source line.
   *
   * @param file an absolute source path as compiled into the binary, or a suffix of one that
   *     starts after a {@code '/'}, e.g. {@code "main.go"} or {@code "cmd/app/main.go"}
   * @param line the 1-based line
   * @return the spec, without options
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is blank or {@code line} is not positive
   */
  static AtLine atLine(String file, int line) {
    return new AtLine(file, line, BreakpointOptions.NONE);
  }

  /**
   * Returns the breakpoint's attributes other than its location.
   *
   * @return the options
   */
  BreakpointOptions options();

  /**
   * Returns a copy with these options.
   *
   * @param options the new options
   * @return the new spec, of the same variant
   * @throws NullPointerException if {@code options} is null
   */
  BreakpointSpec withOptions(BreakpointOptions options);

  /**
   * Returns a copy with this name.
   *
   * @param name letters and digits, not all digits
   * @return the new spec, of the same variant
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not valid (see {@link BreakpointOptions})
   */
  default BreakpointSpec withName(String name) {
    return withOptions(options().withName(name));
  }

  /**
   * Returns the location in Delve's location spec syntax: {@code "*0x4a1b2c"},
   * {@code "main.main"} or {@code "main.go:42"}. Errors name locations this way.
   *
   * @return the location spec
   */
  String locspec();

  /**
   * A breakpoint at one address.
   *
   * @param address the address (unsigned)
   * @param options the attributes other than the location
   */
  record AtAddress(long address, BreakpointOptions options) implements BreakpointSpec {
    /**
     * Validates the components.
     *
     * @param address the address (unsigned)
     * @param options the attributes other than the location
     * @throws NullPointerException if {@code options} is null
     */
    public AtAddress {
      Checks.notNull(options, "options");
    }

    @Override
    public AtAddress withOptions(BreakpointOptions options) {
      return new AtAddress(address, options);
    }

    @Override
    public String locspec() {
      return "*0x" + Long.toHexString(address);
    }
  }

  /**
   * A breakpoint at a function's entry, after the prologue that grows the stack (as Delve
   * does), so that arguments are readable when it is hit. If the function was inlined, it is
   * also planted at the start of every inlined copy.
   *
   * @param function the fully qualified Go name
   * @param options the attributes other than the location
   */
  record AtFunction(String function, BreakpointOptions options) implements BreakpointSpec {
    /**
     * Validates the components.
     *
     * @param function the fully qualified Go name
     * @param options the attributes other than the location
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code function} is blank
     */
    public AtFunction {
      Checks.notBlank(function, "function");
      Checks.notNull(options, "options");
    }

    @Override
    public AtFunction withOptions(BreakpointOptions options) {
      return new AtFunction(function, options);
    }

    @Override
    public String locspec() {
      return function;
    }
  }

  /**
   * A breakpoint at a source line: planted at the first statement address of the line in
   * every function, and every inlined copy, that has code for it. A file suffix that matches
   * several files fails with a {@link LocationNotFoundException} naming them.
   *
   * @param file an absolute source path, or a suffix of one that starts after a {@code '/'}
   * @param line the 1-based line
   * @param options the attributes other than the location
   */
  record AtLine(String file, int line, BreakpointOptions options) implements BreakpointSpec {
    /**
     * Validates the components.
     *
     * @param file an absolute source path, or a suffix of one that starts after a {@code '/'}
     * @param line the 1-based line
     * @param options the attributes other than the location
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code file} is blank or {@code line} is not
     *     positive
     */
    public AtLine {
      Checks.notBlank(file, "file");
      Checks.positive(line, "line");
      Checks.notNull(options, "options");
    }

    @Override
    public AtLine withOptions(BreakpointOptions options) {
      return new AtLine(file, line, options);
    }

    @Override
    public String locspec() {
      return file + ":" + line;
    }
  }
}
