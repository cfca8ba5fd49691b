package org.dlv4j.dwarf.line;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import org.dlv4j.api.BinaryFormatException;

/**
 * Fuzzes {@code .debug_line} decoding: every program header, every row, and the index over
 * them. Any exception other than {@link BinaryFormatException}, a hang or an OOM is a bug.
 * Runs the seeds in {@code LineProgramFuzzTestInputs/fuzz} in the normal build; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class LineProgramFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] data) {
    LineSections sections =
        LineSections.of(ByteBuffer.wrap(data)).withLineStr(ByteBuffer.wrap(data));
    List<LineProgram> programs;
    try {
      programs = LineProgram.all(sections, 8, "/cu");
    } catch (BinaryFormatException expected) {
      return;
    }
    LineRow.Mutable row = new LineRow.Mutable();
    for (LineProgram p : programs) {
      try {
        for (LineCursor c = p.cursor(); c.next(row); ) {
          if (!row.endSequence()) {
            c.file(row.file()).orElseThrow();
          }
        }
      } catch (BinaryFormatException expected) {
        // malformed opcodes: reported cleanly
      }
    }
    LineIndex index = LineIndex.build(programs);
    for (int i = 0; i < Math.min(8, data.length / 8); i++) {
      long pc = ByteBuffer.wrap(data, 8 * i, 8).getLong();
      index.find(pc);
      index.prologueEnd(pc, pc + 64);
    }
    for (String file : index.files()) {
      index.pcsForLine(file, 1);
    }
  }
}
