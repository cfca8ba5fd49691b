package org.dlv4j.gort.pclntab;

/**
 * One level of inlining at a pc: a call to {@code function} that the compiler inlined into its
 * caller, made at {@code callFile:callLine}. Immutable.
 *
 * @param function the inlined function's symbol name, e.g. {@code main.square}
 * @param funcId the inlined function's {@code abi.FuncID} (see {@link FuncInfo#funcId()})
 * @param startLine the line of the inlined function's {@code func} keyword (Go 1.20+; 0 in
 *     older tables)
 * @param callFile the file of the call site, in the caller
 * @param callLine the line of the call site, in the caller
 * @param callPc the pc of an instruction the compiler marked with the call site's position
 *     ({@code entry + parentPc}); its own inline index names the caller
 */
public record InlinedCall(
    String function, int funcId, int startLine, String callFile, int callLine, long callPc) {
}
