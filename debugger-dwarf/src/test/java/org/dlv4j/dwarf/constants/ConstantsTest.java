package org.dlv4j.dwarf.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The open constant records: spec names, fallbacks, and Go's attribute codes. */
class ConstantsTest {
  @Test
  void knownCodesPrintTheirSpecNameAndOthersTheirCode() {
    assertEquals("DW_TAG_subprogram", DwTag.DW_TAG_subprogram.toString());
    assertEquals("DwTag(0x4109)", new DwTag(0x4109).toString());
    assertEquals("DW_AT_go_kind", new DwAt(0x2900).toString());
    assertEquals("DwAt(0x3fff)", new DwAt(0x3fff).toString());
    assertEquals("DW_FORM_line_strp", new DwForm(0x1f).toString());
    assertEquals("DW_ATE_UTF", new DwAte(0x10).toString());
    assertEquals("DW_LANG_Go", new DwLang(0x16).toString());
    assertEquals("DW_RLE_offset_pair", new DwRle(4).toString());
    assertEquals("DW_LLE_default_location", new DwLle(5).toString());
    assertEquals("DW_UT_split_type", new DwUt(6).toString());
    assertEquals("DwUt(0x80)", new DwUt(0x80).toString());
  }

  @Test
  void constantsAreValuesComparedByCode() {
    DwTag fresh = new DwTag(0x2e);
    assertNotSame(DwTag.DW_TAG_subprogram, fresh);
    assertEquals(DwTag.DW_TAG_subprogram, fresh);
    assertEquals(DwTag.DW_TAG_subprogram.hashCode(), fresh.hashCode());
  }

  /** The Go attribute codes must be the ones the Go toolchain writes. */
  @Test
  void goAttributeCodesMatchTheGoToolchain() throws Exception {
    String goroot = org.dlv4j.dwarf.GoEnv.goroot();
    String src = Files.readString(Path.of(goroot, "src/cmd/internal/dwarf/dwarf.go"));
    Matcher m = Pattern.compile("(DW_AT_go_\\w+)\\s*=\\s*0x([0-9a-f]+)").matcher(src);
    int seen = 0;
    while (m.find()) {
      DwAt at = (DwAt) DwAt.class.getField(m.group(1)).get(null);
      assertEquals(Integer.parseInt(m.group(2), 16), at.code(), m.group(1));
      seen++;
    }
    assertEquals(8, seen, "DW_AT_go_kind .. DW_AT_go_closure_offset");
  }
}
