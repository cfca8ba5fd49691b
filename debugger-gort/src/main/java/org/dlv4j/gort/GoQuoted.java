package org.dlv4j.gort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes Go string literals as {@code strconv.Quote} writes them: double-quoted with Go
 * escapes, or back-quoted raw strings. Build settings with spaces or quotes are stored this way.
 */
final class GoQuoted {
  private GoQuoted() {
  }

  /** Returns the value of the Go string literal {@code s}, or empty if it is not one. */
  static Optional<String> unquote(String s) {
    if (s.length() >= 2 && s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`') {
      String body = s.substring(1, s.length() - 1);
      return body.indexOf('`') >= 0 ? Optional.empty() : Optional.of(body.replace("\r", ""));
    }
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return Optional.empty();
    }
    byte[] in = s.substring(1, s.length() - 1).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '"' || b == '\n') {
        return Optional.empty();
      }
      if (b != '\\') {
        out.write(b);
        continue;
      }
      if (++i >= in.length) {
        return Optional.empty();
      }
      int consumed = escape(in, i, out);
      if (consumed < 0) {
        return Optional.empty();
      }
      i += consumed - 1;
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  /** Decodes the escape whose letter is at {@code in[i]}; returns the bytes used, or -1. */
  private static int escape(byte[] in, int i, ByteArrayOutputStream out) {
    switch (in[i]) {
      case 'a': out.write(7); return 1;
      case 'b': out.write('\b'); return 1;
      case 'f': out.write('\f'); return 1;
      case 'n': out.write('\n'); return 1;
      case 'r': out.write('\r'); return 1;
      case 't': out.write('\t'); return 1;
      case 'v': out.write(11); return 1;
      case '\\': out.write('\\'); return 1;
      case '"': out.write('"'); return 1;
      case 'x': return hex(in, i + 1, 2, out, false) ? 3 : -1;
      case 'u': return hex(in, i + 1, 4, out, true) ? 5 : -1;
      case 'U': return hex(in, i + 1, 8, out, true) ? 9 : -1;
      default:
        if (in[i] >= '0' && in[i] <= '7' && i + 2 < in.length) {
          int v = 0;
          for (int k = 0; k < 3; k++) {
            int d = in[i + k] - '0';
            if (d < 0 || d > 7) {
              return -1;
            }
            v = v * 8 + d;
          }
          if (v > 255) {
            return -1;
          }
          out.write(v);
          return 3;
        }
        return -1;
    }
  }

  /** Writes the value of {@code digits} hex digits at {@code in[i]}: a byte, or a code point as UTF-8. */
  private static boolean hex(byte[] in, int i, int digits, ByteArrayOutputStream out, boolean codePoint) {
    if (i + digits > in.length) {
      return false;
    }
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(in[i + k], 16);
      if (d < 0) {
        return false;
      }
      v = v * 16 + d;
    }
    if (!codePoint) {
      out.write(v);
      return true;
    }
    if (!Character.isValidCodePoint(v) || (v >= 0xd800 && v <= 0xdfff)) {
      return false;
    }
    out.writeBytes(new String(Character.toChars(v)).getBytes(StandardCharsets.UTF_8));
    return true;
  }
}
