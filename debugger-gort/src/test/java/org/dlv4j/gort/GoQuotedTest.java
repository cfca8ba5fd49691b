package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoQuotedTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"all=-N -l\"|all=-N -l",
      "\"a\\\"b\"|a\"b",
      "\"tab\\there\"|tab\there",
      "\"\\x41\\101\\u00e9\\U0001F600\"|AAé😀",
      "`raw \\n`|raw \\n",
      "\"\"|''",
  })
  void unquotes(String literal, String value) {
    assertEquals(Optional.of(value.equals("''") ? "" : value), GoQuoted.unquote(literal));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\"", "plain", "\"a\"b\"", "\"\\q\"", "\"\\x4\"", "\"\\777\"", "\"\\ud800\"", "`a`b`",
      "\"trailing\\\"", "\"\\U00110000\""})
  void rejects(String literal) {
    assertEquals(Optional.empty(), GoQuoted.unquote(literal));
  }
}
