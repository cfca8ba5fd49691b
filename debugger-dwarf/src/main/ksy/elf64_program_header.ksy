meta:
  id: elf64_program_header
  title: ELF64 program header (Elf64_Phdr), little-endian
  endian: le
doc: One 56-byte entry of the program header table (System V gABI, "Program Header").
seq:
  - id: p_type
    type: u4
  - id: p_flags
    type: u4
  - id: p_offset
    type: u8
  - id: p_vaddr
    type: u8
  - id: p_paddr
    type: u8
  - id: p_filesz
    type: u8
  - id: p_memsz
    type: u8
  - id: p_align
    type: u8
