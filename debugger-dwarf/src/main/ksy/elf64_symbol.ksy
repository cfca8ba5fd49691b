meta:
  id: elf64_symbol
  title: ELF64 symbol table entry (Elf64_Sym), little-endian
  endian: le
doc: |
  One 24-byte entry of .symtab or .dynsym (System V gABI, "Symbol Table"). st_info packs the
  binding (high nibble) and type (low nibble); st_other holds the visibility.
seq:
  - id: st_name
    type: u4
  - id: st_info
    type: u1
  - id: st_other
    type: u1
  - id: st_shndx
    type: u2
  - id: st_value
    type: u8
  - id: st_size
    type: u8
instances:
  bind:
    value: st_info >> 4
  type:
    value: st_info & 0xf
