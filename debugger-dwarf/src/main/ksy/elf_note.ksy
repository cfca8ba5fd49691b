meta:
  id: elf_note
  title: One ELF note (Elf64_Nhdr with its name and descriptor), little-endian
  endian: le
doc: |
  A note entry of an SHT_NOTE section or PT_NOTE segment (System V gABI, "Note Section"):
  namesz (len_name), descsz (len_desc), type, then the name and the descriptor. The descriptor
  and the next note start at multiples of `align` from the note's start (4 in practice, 8 for
  GNU property notes), as binutils' ELF_NOTE_DESC_OFFSET computes. The sizes are validated
  against the bytes left in the stream before anything is allocated for them.
params:
  - id: align
    type: u1
seq:
  - id: len_name
    type: u4
    valid:
      max: _io.size - _io.pos
  - id: len_desc
    type: u4
    valid:
      max: _io.size - _io.pos
  - id: type
    type: u4
  - id: name
    size: len_name
  - id: name_padding
    size: (align - (12 + len_name) % align) % align
  - id: desc
    size: len_desc
  - id: desc_padding
    size: '_io.size - _io.pos < (align - len_desc % align) % align ? _io.size - _io.pos : (align - len_desc % align) % align'
