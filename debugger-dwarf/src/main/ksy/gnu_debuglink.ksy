meta:
  id: gnu_debuglink
  title: Contents of an ELF .gnu_debuglink section
  endian: le
doc: |
  The name of the separate debug-info file, NUL-terminated, padded with zero bytes to a
  4-byte boundary, followed by the CRC-32 (IEEE, as zlib computes it) of that whole file.
  The CRC is little-endian on little-endian targets, the only ones dlv4j supports.
seq:
  - id: file_name
    type: strz
    encoding: UTF-8
  - id: padding
    size: (4 - _io.pos % 4) % 4
  - id: crc32
    type: u4
