meta:
  id: elf64_section_header
  title: ELF64 section header (Elf64_Shdr), little-endian
  endian: le
doc: One 64-byte entry of the section header table (System V gABI, "Sections").
seq:
  - id: sh_name
    type: u4
  - id: sh_type
    type: u4
  - id: sh_flags
    type: u8
  - id: sh_addr
    type: u8
  - id: sh_offset
    type: u8
  - id: sh_size
    type: u8
  - id: sh_link
    type: u4
  - id: sh_info
    type: u4
  - id: sh_addralign
    type: u8
  - id: sh_entsize
    type: u8
