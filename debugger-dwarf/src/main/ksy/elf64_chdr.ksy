meta:
  id: elf64_chdr
  title: ELF64 compression header (Elf64_Chdr), little-endian
  endian: le
doc: |
  The 24-byte header at the start of an SHF_COMPRESSED section (System V gABI, "Section
  Compression"), followed by the compressed stream. ch_type 1 is ELFCOMPRESS_ZLIB, 2 is
  ELFCOMPRESS_ZSTD; ch_size is the size of the uncompressed data.
seq:
  - id: ch_type
    type: u4
  - id: ch_reserved
    type: u4
  - id: ch_size
    type: u8
  - id: ch_addralign
    type: u8
