meta:
  id: elf64_header
  title: ELF64 file header (Elf64_Ehdr), little-endian
  endian: le
doc: |
  The 64-byte header at offset 0 of an ELF64 little-endian file (System V gABI, "ELF Header").
  The identification bytes are a separate type so that the class and byte order can be checked
  before the rest is read. Every field is kept raw; ElfFile validates and interprets them.
seq:
  - id: ident
    type: ident
  - id: e_type
    type: u2
  - id: e_machine
    type: u2
  - id: e_version
    type: u4
  - id: e_entry
    type: u8
  - id: e_phoff
    type: u8
  - id: e_shoff
    type: u8
  - id: e_flags
    type: u4
  - id: e_ehsize
    type: u2
  - id: e_phentsize
    type: u2
  - id: e_phnum
    type: u2
  - id: e_shentsize
    type: u2
  - id: e_shnum
    type: u2
  - id: e_shstrndx
    type: u2
types:
  ident:
    doc: e_ident, the 16 bytes every ELF file starts with whatever its class and byte order.
    seq:
      - id: magic
        size: 4
      - id: ei_class
        type: u1
      - id: ei_data
        type: u1
      - id: ei_version
        type: u1
      - id: ei_osabi
        type: u1
      - id: ei_abiversion
        type: u1
      - id: ei_pad
        size: 7
