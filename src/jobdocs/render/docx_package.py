"""Writing a Word package (a ZIP file) fast and reproducibly.

A rendered document differs from its template in a few parts only (``word/document.xml``,
headers and footers holding tags, ``docProps/core.xml``). A :class:`PackageLayout` keeps the
other parts exactly as they were compressed once — their local headers and deflated bytes
ready to copy — and compresses only the parts given to :meth:`PackageLayout.assemble`.

Every entry gets the same fixed date (1980-01-01, the earliest a ZIP file can hold, as
reproducible builds use) and fixed attributes, so equal parts give byte-identical files.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from jobdocs.errors import RenderError, TemplateError

#: DOS date and time of 1980-01-01 00:00.
_DOS_DATE = (1 << 5) | 1
_DOS_TIME = 0
_VERSION = 20
_UTF8_NAME = 0x800
_LIMIT = 0xFFFFFFFF

COMPRESS_LEVEL = 6
"""zlib level for the parts compressed at render time (zipfile's default)."""


@dataclass(frozen=True, slots=True)
class ZipEntry:
    """One member of a ZIP file, compressed: its name and its raw (deflated) bytes."""

    name: str
    method: int
    """``zipfile.ZIP_DEFLATED`` or ``zipfile.ZIP_STORED``."""
    crc: int
    size: int
    """The uncompressed size."""
    raw: bytes
    """The bytes as stored in the ZIP file."""

    @classmethod
    def compress(cls, name: str, data: bytes, level: int = COMPRESS_LEVEL) -> ZipEntry:
        """``data`` deflated as the member ``name``."""
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        raw = packer.compress(data) + packer.flush()
        return cls(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), raw)

    def local_record(self) -> bytes:
        """The local file header followed by the data."""
        name, flags = _encoded_name(self.name)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, flags, self.method,
                             _DOS_TIME, _DOS_DATE, self.crc, len(self.raw), self.size,
                             len(name), 0)
        return header + name + self.raw

    def central_record(self, offset: int) -> bytes:
        """The central directory header of this entry, whose local header is at ``offset``."""
        name, flags = _encoded_name(self.name)
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, flags,
                           self.method, _DOS_TIME, _DOS_DATE, self.crc, len(self.raw),
                           self.size, len(name), 0, 0, 0, 0, 0, offset) + name


def _encoded_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME


def read_entries(data: bytes) -> list[ZipEntry]:
    """The members of the ZIP file ``data`` in their stored order, still compressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"not a Word document (not a ZIP file): {exc}") from exc
    entries = []
    with archive:
        for info in archive.infolist():
            if info.flag_bits & 0x1:
                raise RenderError(f"the Word document is encrypted ({info.filename})")
            start = info.header_offset
            name_len, extra_len = struct.unpack("<HH", data[start + 26:start + 30])
            begin = start + 30 + name_len + extra_len
            raw = data[begin:begin + info.compress_size]
            if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
                raw_data = archive.read(info)
                entries.append(ZipEntry.compress(info.filename, raw_data))
            else:
                entries.append(ZipEntry(info.filename, info.compress_type, info.CRC,
                                        info.file_size, raw))
    return entries


def write_entries(entries: Iterable[ZipEntry]) -> bytes:
    """A ZIP file of ``entries``, in order, with fixed dates."""
    return _finish([(e, e.local_record()) for e in entries])


def normalize(data: bytes) -> bytes:
    """The ZIP file ``data`` rewritten reproducibly: same members in the same order, their
    compressed bytes copied, dates and attributes fixed."""
    return write_entries(read_entries(data))


def _finish(records: Sequence[tuple[ZipEntry, bytes]]) -> bytes:
    offsets = []
    position = 0
    for _, local in records:
        offsets.append(position)
        position += len(local)
    central = b"".join(entry.central_record(offset)
                       for (entry, _), offset in zip(records, offsets, strict=True))
    if position > _LIMIT or len(records) > 0xFFFF:
        raise RenderError("the Word document is too large (over 4 GiB or 65,535 parts)")
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records), len(records),
                      len(central), position, 0)
    return b"".join(local for _, local in records) + central + end


class PackageLayout:
    """The members of a package in order: most of them prepared once, some given per call.

    >>> layout = PackageLayout([ZipEntry.compress("a.xml", b"<a/>"), "b.xml"])
    >>> data = layout.assemble({"b.xml": b"<b/>"})
    """

    def __init__(self, members: Sequence[ZipEntry | str]):
        self._members = [(m, m.local_record()) if isinstance(m, ZipEntry) else m
                         for m in members]
        self.dynamic = frozenset(m for m in members if isinstance(m, str))
        """The names whose content each :meth:`assemble` call gives."""

    def assemble(self, parts: Mapping[str, bytes]) -> bytes:
        """The package with ``parts`` (name → uncompressed bytes) compressed in their places
        and every other member copied as prepared."""
        missing = self.dynamic.difference(parts)
        if missing:
            raise RenderError(f"no content for the part(s) {', '.join(sorted(missing))}")
        records = []
        for member in self._members:
            if isinstance(member, str):
                entry = ZipEntry.compress(member, parts[member])
                records.append((entry, entry.local_record()))
            else:
                records.append(member)
        return _finish(records)


MAX_UNPACKED_BYTES = 256 * 2**20
"""The most a Word template may hold once unpacked (a ZIP bomb is refused before it is)."""


def check_unpacked_size(data: bytes, name: str) -> None:
    """Refuse a package whose parts, unpacked, would exceed :data:`MAX_UNPACKED_BYTES`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TemplateError(f"{name} is not a Word document (.docx): {exc}") from exc
    if total > MAX_UNPACKED_BYTES:
        raise TemplateError(f"{name} unpacks to {total:,} bytes; the limit is "
                            f"{MAX_UNPACKED_BYTES:,}")
