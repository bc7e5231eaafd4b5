"""Write compound files ([MS-CFB], version 3) for the tests of the readers of Word 97-2003
documents and Outlook messages: streams under 4,096 bytes in the mini stream, the rest in
sectors of their own, storages nested as a dict of dicts."""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import Union

Tree = Mapping[str, Union[bytes, "Tree"]]

SECTOR = 512
MINI = 64
CUTOFF = 4096
END, FREE, FAT_SECTOR, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(tree: Tree) -> bytes:
    """The bytes of a compound file holding ``tree`` (names to stream bytes or storages)."""
    entries: list[dict] = [{"name": "Root Entry", "kind": 5, "child": NONE, "data": None}]

    def add(storage: Tree, parent: int) -> None:
        previous = None
        for name, value in storage.items():
            index = len(entries)
            is_storage = not isinstance(value, bytes)
            entries.append(
                {
                    "name": name,
                    "kind": 1 if is_storage else 2,
                    "child": NONE,
                    "data": None if is_storage else value,
                    "right": NONE,
                }
            )
            if previous is None:
                entries[parent]["child"] = index
            else:
                entries[previous]["right"] = index  # siblings as a chain to the right
            previous = index
            if is_storage:
                add(value, index)  # type: ignore[arg-type]

    add(tree, 0)

    mini_stream = b""
    mini_fat: list[int] = []
    big: list[tuple[int, bytes]] = []
    for index, entry in enumerate(entries):
        data = entry["data"]
        if data is None:
            continue
        if len(data) < CUTOFF:
            entry["start"] = len(mini_stream) // MINI if data else END
            count = -(-len(data) // MINI)
            first = len(mini_fat)
            mini_fat.extend(range(first + 1, first + count))
            if count:
                mini_fat.append(END)
            mini_stream += data.ljust(count * MINI, b"\0")
        else:
            big.append((index, data))

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return END
        first = len(sectors)
        count = -(-len(data) // SECTOR)
        for n in range(count):
            sectors.append(data[n * SECTOR : (n + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + n + 1 if n < count - 1 else END)
        return first

    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat) if mini_fat else b""
    first_mini_fat = place(mini_fat_bytes)
    entries[0]["start"] = place(mini_stream)
    entries[0]["size"] = len(mini_stream)
    for index, data in big:
        entries[index]["start"] = place(data)
    for entry in entries:
        if entry["data"] is not None:
            entry["size"] = len(entry["data"])
        entry.setdefault("size", 0)
        entry.setdefault("start", END)
    directory = b"".join(_entry(entry) for entry in entries)
    first_directory = place(directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0"))

    fat_count = 1
    while fat_count * (SECTOR // 4) < len(sectors) + fat_count:
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([FAT_SECTOR] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for n in range(fat_count):
        sectors.append(fat_bytes[n * SECTOR : (n + 1) * SECTOR])

    # The header lists up to 109 allocation-table sectors (files up to about 6.9 MB); the
    # tests need no more, so no further list sectors are written.
    assert fat_count <= 109, "too large for this writer"
    difat = list(range(fat_start, fat_start + fat_count)) + [FREE] * (109 - fat_count)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack(
            "<9I",
            0,
            fat_count,
            first_directory,
            0,
            CUTOFF,
            first_mini_fat,
            -(-len(mini_fat_bytes) // SECTOR),
            END,
            0,
        )
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _entry(entry: dict) -> bytes:
    name = entry["name"].encode("utf-16-le") + b"\0\0"
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry["kind"], 1)
        + struct.pack("<3I", entry.get("left", NONE), entry.get("right", NONE), entry["child"])
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", entry["start"], entry["size"])
    )
