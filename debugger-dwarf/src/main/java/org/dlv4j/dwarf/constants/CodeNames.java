package org.dlv4j.dwarf.constants;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The spec names of one constant type's codes, read once from its public constants. */
final class CodeNames {
  private final String typeName;
  private final Map<Integer, String> names;

  private CodeNames(String typeName, Map<Integer, String> names) {
    this.typeName = typeName;
    this.names = names;
  }

  /**
   * Collects the {@code public static final} constants of {@code type}. Where two constants
   * share a code the first declared one names it.
   */
  static <T> CodeNames of(Class<T> type, ToIntFunction<T> code) {
    Map<Integer, String> names = new HashMap<>();
    for (Field f : type.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isPublic(m) && f.getType() == type) {
        try {
          names.putIfAbsent(code.applyAsInt(type.cast(f.get(null))), f.getName());
        } catch (IllegalAccessException e) {
          throw new AssertionError("public constant " + f + " not readable", e);
        }
      }
    }
    return new CodeNames(type.getSimpleName(), Map.copyOf(names));
  }

  /** Returns the constant's name, or {@code Type(0xCODE)} for a code without one. */
  String nameOf(int code) {
    String name = names.get(code);
    return name != null ? name : typeName + "(0x" + Integer.toHexString(code) + ")";
  }
}
