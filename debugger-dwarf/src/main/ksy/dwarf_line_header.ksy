meta:
  id: dwarf_line_header
  title: Fixed part of a DWARF 2-5 line-number program header (.debug_line)
  endian: le
doc: |
  The fields of a line-number program header that have a fixed layout for a given version and
  format (DWARF v5 §6.2.4, DWARF v4 §6.2.4, DWARF v2 §6.2.4), starting at the unit's
  initial length. The variable part that follows (v2-v4 include_directories and file_names,
  v5 directory/file entry formats and entries) and the opcode program are decoded by hand
  over ByteCursor. Versions outside 2..5 stop after `version` (body absent) so the reader can
  report them instead of misreading a different layout.
seq:
  - id: unit_length_32
    type: u4
    doc: The unit length, or 0xffffffff announcing the 64-bit DWARF format (DWARF v5 §7.4).
  - id: unit_length_64
    type: u8
    if: unit_length_32 == 0xffffffff
  - id: version
    type: u2
  - id: body
    type: body
    if: version >= 2 and version <= 5
instances:
  dwarf64:
    value: unit_length_32 == 0xffffffff
  initial_length_size:
    value: 'dwarf64 ? 12 : 4'
    doc: Bytes taken by the initial length field; the unit ends unit_length bytes after it.
types:
  body:
    seq:
      - id: address_size
        type: u1
        if: _root.version >= 5
      - id: segment_selector_size
        type: u1
        if: _root.version >= 5
      - id: header_length
        type:
          switch-on: _root.dwarf64
          cases:
            true: u8
            false: u4
        doc: Bytes from the end of this field to the first opcode of the program.
      - id: minimum_instruction_length
        type: u1
      - id: maximum_operations_per_instruction
        type: u1
        if: _root.version >= 4
        doc: Absent before version 4, where it is implicitly 1.
      - id: default_is_stmt
        type: u1
      - id: line_base
        type: s1
      - id: line_range
        type: u1
      - id: opcode_base
        type: u1
      - id: standard_opcode_lengths
        type: u1
        repeat: expr
        repeat-expr: 'opcode_base == 0 ? 0 : opcode_base - 1'
        doc: Operand counts of standard opcodes 1 .. opcode_base-1.
    instances:
      header_length_end:
        value: >-
          _root.initial_length_size + 2 + (_root.version >= 5 ? 2 : 0)
          + (_root.dwarf64 ? 8 : 4)
        doc: Offset from the unit start of the byte after header_length.
