meta:
  id: dwarf_unit_header
  title: Fixed header of a DWARF 2-5 unit in .debug_info, 32- or 64-bit format
  endian: le
doc: |
  The header at the start of every unit in .debug_info (DWARF v5 §7.5.1; v4 §7.5.1.1). An
  initial length of 0xffffffff selects the 64-bit format, whose length and section offsets
  are 8 bytes wide. DWARF 5 moved the address size before the abbreviation offset and added a
  unit type, after which type units carry a signature and type offset and skeleton and split
  compile units a DWO id. Only the fixed header is read here: the DIEs that follow are
  decoded by hand. Reserved initial lengths (0xfffffff0-0xfffffffe) and unknown versions are
  rejected by the Java facade, which sees the raw fields.
seq:
  - id: unit_length_32
    type: u4
  - id: unit_length_64
    type: u8
    if: is_dwarf64
  - id: version
    type: u2
  - id: unit_type_v5
    type: u1
    if: version >= 5
  - id: address_size_v5
    type: u1
    if: version >= 5
  - id: abbrev_offset_32
    type: u4
    if: not is_dwarf64
  - id: abbrev_offset_64
    type: u8
    if: is_dwarf64
  - id: address_size_v4
    type: u1
    if: version < 5
  - id: type_signature
    type: u8
    if: is_type_unit
  - id: type_offset_32
    type: u4
    if: is_type_unit and not is_dwarf64
  - id: type_offset_64
    type: u8
    if: is_type_unit and is_dwarf64
  - id: dwo_id
    type: u8
    if: version >= 5 and (unit_type_v5 == 4 or unit_type_v5 == 5)
instances:
  is_dwarf64:
    value: unit_length_32 == 0xffffffff
  unit_length:
    value: 'is_dwarf64 ? unit_length_64 : unit_length_32'
  unit_type:
    doc: DW_UT_* for DWARF 5; 1 (DW_UT_compile) for earlier versions.
    value: 'version >= 5 ? unit_type_v5 : 1'
  address_size:
    value: 'version >= 5 ? address_size_v5 : address_size_v4'
  abbrev_offset:
    value: 'is_dwarf64 ? abbrev_offset_64 : abbrev_offset_32'
  is_type_unit:
    value: version >= 5 and (unit_type_v5 == 2 or unit_type_v5 == 6)
  type_offset:
    value: 'is_dwarf64 ? type_offset_64 : type_offset_32'
