"""Reading zip archives (CRM packages, xlsx workbooks) within a budget of inflated bytes.

A member's declared size is written by whoever made the zip, so it is checked first (cheap, refuses the
honest bombs) and then the bytes actually inflated are counted while the member streams (refuses the
lying ones). One budget covers the whole archive: a per-member cap alone lets 200 members of 32 MiB each
through. Every failure is an `ArchiveError` naming the archive and member, never a zlib or zipfile
traceback.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from workbench.i18n import _
from workbench.loading.bounded import BoundedReadError, open_regular

CHUNK = 1 << 20


class ArchiveError(Exception):
    """A member or the archive cannot be read within its budget; `file` is what the problem points at."""

    def __init__(self, message: str, file: str, code: str = "zip") -> None:
        super().__init__(f"{file}: {message}")
        self.message, self.file, self.code = message, file, code


class Budget:
    """What is left of an archive's inflated-bytes budget, and the cap on any one member."""

    def __init__(self, file: str, total: int, member: int) -> None:
        self.file, self.total, self.member, self.left = file, total, member, total

    def check_declared(self, infos: list[zipfile.ZipInfo]) -> None:
        declared = sum(info.file_size for info in infos)
        if declared > self.total:
            message = _(
                "its files declare {size:,} bytes unpacked, over the limit of {limit:,}; expected a "
                "smaller archive (is this a zip bomb?)"
            ).format(size=declared, limit=self.total)
            raise ArchiveError(message, self.file, "too-big")
        for info in infos:
            if info.file_size > self.member:
                raise ArchiveError(
                    _("{size:,} bytes unpacked, over the limit of {limit:,} for one file").format(
                        size=info.file_size, limit=self.member
                    ),
                    f"{self.file}!{info.filename}",
                    "too-big",
                )

    def stream(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's bytes in chunks, counted against the budget (declared sizes may lie)."""
        name, count = f"{self.file}!{info.filename}", 0
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    count += len(chunk)
                    self.left -= len(chunk)
                    if count > self.member or self.left < 0:
                        raise ArchiveError(self._over(count), name, "too-big")
                    yield chunk
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
            ValueError,
        ) as exc:
            raise ArchiveError(
                _("cannot unpack: {reason}; expected an intact zip").format(reason=exc), name
            ) from None

    def _over(self, count: int) -> str:
        if count > self.member:
            return _(
                "unpacks past {limit:,} bytes, more than its header declares and over the limit for one file"
            ).format(limit=self.member)
        return _(
            "the archive unpacks past {limit:,} bytes in all, over its limit; expected a smaller archive "
            "(is this a zip bomb?)"
        ).format(limit=self.total)


@contextmanager
def open_zip(path: Path, what: str = "zip") -> Iterator[zipfile.ZipFile]:
    """A zip opened through `open_regular` (no FIFO, device or folder); ArchiveError when unreadable."""
    try:
        handle = open_regular(path, what)
    except BoundedReadError as exc:
        raise ArchiveError(exc.message, str(path), "io") from None
    with handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ArchiveError(_("not a readable zip: {reason}").format(reason=exc), str(path)) from None
        with archive:
            yield archive


MAX_WORKBOOK_BYTES = 256 * 1024 * 1024
"""Inflated bytes of one xlsx read back (RFP responses, checklists): a workbook of 10,000 requirements with
vendors' pasted screenshots is a few tens of MiB; a 2 MB file that inflates to 2 GB is refused."""


@contextmanager
def open_workbook(path: Path, not_zip: str, total: int | None = None) -> Iterator[BinaryIO]:
    """An xlsx as an open binary handle for openpyxl, after every member was inflated to nowhere within the
    budget (declared sizes first, then the actual bytes). ArchiveError when it is not within it, or not a
    zip at all (then with the message `not_zip`)."""
    limit = total or MAX_WORKBOOK_BYTES
    try:
        handle = open_regular(path, _("the workbook"))
    except BoundedReadError as exc:
        raise ArchiveError(exc.message, str(path), "io") from None
    with handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise ArchiveError(not_zip, str(path), "unreadable") from None
        with archive:
            budget = Budget(str(path), limit, limit)
            infos = archive.infolist()
            budget.check_declared(infos)
            for info in infos:
                for _chunk in budget.stream(archive, info):
                    pass
        handle.seek(0)
        yield handle
