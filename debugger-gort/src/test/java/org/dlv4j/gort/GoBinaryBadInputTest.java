package org.dlv4j.gort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlv4j.api.BinaryFormatException;
import org.dlv4j.elf.BinaryIoException;
import org.dlv4j.elf.BinaryNotFoundException;
import org.dlv4j.junit.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What GoBinary.open says about files it cannot read as Go binaries. */
class GoBinaryBadInputTest {

  @Test
  void aCProgramIsNotAGoBinary(@TempDir Path dir) throws IOException {
    Path source = dir.resolve("hello.c");
    Files.writeString(source, "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
    Path exe = dir.resolve("hello");
    Command.output("gcc", "-g", "-o", exe.toString(), source.toString());
    NotAGoBinaryException e = assertThrows(NotAGoBinaryException.class, () -> GoBinary.open(exe));
    assertEquals("no .gopclntab section: not a Go binary in " + exe + " at 0x0", e.getMessage());
    assertEquals(exe.toString(), e.where());
  }

  @Test
  void aTextFileIsNotAnElfFile(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "this is not an executable, just some text\n");
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> GoBinary.open(text));
    assertEquals("not an ELF file: no \\x7fELF magic in " + text + " at 0x0", e.getMessage());
  }

  @Test
  void aTruncatedGoBinaryFailsCleanly(@TempDir Path dir) throws IOException {
    Path cut = dir.resolve("cut");
    byte[] whole = Files.readAllBytes(GoBinaryFixture.PLAIN.path());
    Files.write(cut, java.util.Arrays.copyOf(whole, 4096));
    BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> GoBinary.open(cut));
    assertEquals(cut.toString(), e.where().substring(0, cut.toString().length()), e.getMessage());
  }

  @Test
  void aMissingFileIsReportedByName(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-binary");
    BinaryNotFoundException e = assertThrows(BinaryNotFoundException.class, () -> GoBinary.open(missing));
    assertEquals("cannot read " + missing + ": no such file", e.getMessage());
    BinaryIoException d = assertThrows(BinaryIoException.class, () -> GoBinary.open(dir));
    assertEquals("cannot read " + dir + ": is a directory", d.getMessage());
  }
}
