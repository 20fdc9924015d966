"""Readers of permission exports from live CRMs, and the safe, located XML parsing they share.

Exports are user files from a system we do not control, so XML is parsed with defusedxml only and any
DTD is refused (Salesforce and Dynamics files never carry one; a DTD is how external entities and entity
expansion get in). Every failure becomes a located Problem; nothing here raises for bad input.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self, cast

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.archive import ArchiveError, Budget, open_zip
from workbench.loading.bounded import BoundedReadError, read_bounded

MAX_BYTES = 32 * 1024 * 1024
"""One permission file is a few hundred KiB at most; anything bigger is refused before parsing."""
MAX_ZIP_MEMBERS = 20_000
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
"""Inflated bytes of the permission files in one zip: a large org's retrieve (~100 MB zipped) fits."""


MAX_ELEMENTS = 1_000_000
"""XML elements in one file: real XML averages 30+ bytes an element, so no real file under MAX_BYTES reaches
it (a large org's biggest profile has about 100,000); a 32 MiB file of `<a/>` has 8 million, and as a
located tree would take 2 GB (1,000,000 take about 300 MB)"""
MAX_PROBLEMS = 1_000
"""problems kept per export: a hostile file within its byte budget can hold millions (one per bad flag)"""


class Problems(list):
    """The problems of one export, the first MAX_PROBLEMS kept and the rest only counted, so that neither
    memory nor the report grows with a hostile file. `done` adds the count of those left out."""

    def __init__(self, limit: int | None = None) -> None:
        super().__init__()
        self.limit, self.dropped, self.dropped_errors = limit or MAX_PROBLEMS, 0, 0

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.dropped += 1
            self.dropped_errors += problem.severity == "error"

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> Self:  # type: ignore[override,misc]
        self.extend(problems)
        return self

    def done(self, file: str) -> list[Problem]:
        out = list(self)
        if self.dropped:
            out.append(
                Problem(
                    _("{count:,} more problem(s) not shown; fix these and run again").format(
                        count=self.dropped
                    ),
                    file=file,
                    severity="error" if self.dropped_errors else "warning",
                    code="more",
                )
            )
        return out


@dataclass
class XmlDoc:
    """A parsed file: its root, and the line/column (1-based) where each element starts."""

    file: str
    root: ET.Element
    locs: dict[ET.Element, tuple[int, int]] = field(default_factory=dict)

    def where(self, element: ET.Element) -> tuple[str, int | None]:
        """(file, line) of an element, the form audit reports point at."""
        return self.file, self.locs.get(element, (None, None))[0]

    def problem(
        self, element: ET.Element | None, message: str, code: str = "format", severity: str = "error"
    ) -> Problem:
        line, col = self.locs.get(element, (None, None)) if element is not None else (None, None)
        return Problem(message, file=self.file, line=line, column=col, severity=severity, code=code)


def local(tag: str) -> str:
    """The tag without its namespace: `{http://soap.sforce.com/2006/04/metadata}label` -> `label`."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


class _TooManyElements(Exception):
    """Raised from the expat start handler; it propagates out of feed() and ends the parse."""


def parse_xml(data: bytes | Iterable[bytes], file: str) -> tuple[XmlDoc | None, list[Problem]]:
    """Parse with defusedxml, recording element positions; a DTD, entities, broken or mis-encoded XML, or a
    zip member that cannot be unpacked within its budget become one located problem each. `data` is the
    file's bytes or a zip member's chunks, fed as they are inflated."""
    parser = DefusedXMLParser(
        target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    expat = parser.parser
    locs: dict[ET.Element, tuple[int, int]] = {}
    # ElementTree's parser installed its own start handler: (tag, ordered attribute list) -> element
    start = cast("Callable[[str, list[str]], ET.Element]", expat.StartElementHandler)
    last, head = b"", b""

    def located_start(tag: str, attrs: list[str]) -> ET.Element:
        if len(locs) >= MAX_ELEMENTS:
            raise _TooManyElements
        element = start(tag, attrs)
        locs[element] = (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
        return element

    expat.StartElementHandler = located_start
    try:
        for last in [data] if isinstance(data, bytes) else data:
            head = head or last
            parser.feed(last)
        root = parser.close()
    except ArchiveError as exc:
        return None, [Problem(exc.message, file=exc.file, code=exc.code)]
    except _TooManyElements:
        return None, [
            Problem(
                _("over {limit:,} XML elements; expected a permission file (is this an XML bomb?)").format(
                    limit=MAX_ELEMENTS
                ),
                file=file,
                line=expat.CurrentLineNumber,
                column=expat.CurrentColumnNumber + 1,
                code="too-big",
            )
        ]
    except DefusedXmlException as exc:
        return None, [
            Problem(
                f"refused: {type(exc).__name__} — a DTD may declare external entities or "
                "entity expansion (billion laughs), and CRM permission files never have one",
                file=file,
                line=expat.CurrentLineNumber,
                column=expat.CurrentColumnNumber + 1,
                code="xml-forbidden",
            )
        ]
    except ET.ParseError as exc:
        line, col = exc.position
        mis_encoded = _bad_encoding(last, head)
        return None, [
            Problem(
                _parse_message(exc, mis_encoded),
                file=file,
                line=line,
                column=col + 1,
                code="encoding" if mis_encoded else "xml-syntax",
            )
        ]
    finally:
        expat.StartElementHandler = None  # the handler refers to expat: a cycle that kept every tree alive
    return XmlDoc(file, root, locs), []


def _bad_encoding(data: bytes, head: bytes) -> bool:
    """True when the bytes are not in the encoding the declaration (in `head`, the first chunk) names, UTF-8
    when it names none. A chunk of a streamed member may start or end inside a character: not counted."""
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", head.lstrip(b"\xef\xbb\xbf"))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        data.decode(declared.group(1).decode("ascii") if declared else "utf-8")
    except LookupError:
        return True
    except UnicodeDecodeError as exc:
        return data is head or 4 <= exc.start < len(data) - 4
    return False


def _parse_message(exc: ET.ParseError, mis_encoded: bool) -> str:
    reason = str(exc).split(": line")[0]
    if mis_encoded:
        return f"{reason}: the file is not in the encoding it declares (UTF-8 unless it says otherwise)"
    if reason in ("no element found", "unclosed token") or reason.startswith("unclosed"):
        return f"{reason}: the file ends early (truncated?)"
    return reason


def read_limited(path: Path, file: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or a problem when it cannot be read, is no regular file (a pipe would block the
    audit forever) or is too big to be a permission file."""
    try:
        return read_bounded(path, MAX_BYTES, _("a permission file")), []
    except BoundedReadError as exc:
        return None, [Problem(exc.message, file=file, code="too-big" if "limit" in exc.message else "io")]


Member = tuple[str, Iterable[bytes] | None, list[Problem]]


def zip_members(
    path: Path, wanted: Callable[[str], bool], total: int | None = None, member: int | None = None
) -> Iterator[Member]:
    """(display name, its chunks, problems) of each wanted member of a zip. Declared sizes are checked
    first, then the inflated bytes are counted as the member streams: a zip bomb is refused, not
    inflated. After an archive-wide problem nothing more is read."""
    try:
        with open_zip(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and wanted(m.filename)]
            if len(members) > MAX_ZIP_MEMBERS:
                raise ArchiveError(
                    _("{count:,} files; expected at most {limit:,}").format(
                        count=len(members), limit=MAX_ZIP_MEMBERS
                    ),
                    str(path),
                )
            budget = Budget(str(path), total or MAX_ARCHIVE_BYTES, member or MAX_BYTES)
            budget.check_declared(members)
            for info in members:
                if budget.left < 0:
                    return
                yield f"{path}!{info.filename}", budget.stream(archive, info), []
    except ArchiveError as exc:
        yield exc.file, None, [Problem(exc.message, file=exc.file, code=exc.code)]


def source_files(
    path: Path, wanted: Callable[[str], bool], stem: Callable[[str], str], empty: str
) -> Iterator[tuple[str, str, bytes | Iterable[bytes] | None, list[Problem]]]:
    """(file shown in problems, role-name stem, bytes or None, problems) of every export file a reader
    takes: one file, the wanted files under a folder (matched on their path from the folder's parent) or
    the wanted members of a zip. `empty` words the problem when a folder or zip holds none."""
    if not path.exists():
        yield str(path), "", None, [Problem("no such file or folder", file=str(path), code="io")]
        return
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and wanted(p.relative_to(path.parent).as_posix())
        )
        if not files:
            yield str(path), "", None, [Problem(f"{empty} in this folder", file=str(path), code="empty")]
        for file in files:
            data, problems = read_limited(file, str(file))
            yield str(file), stem(file.name), data, problems
        return
    if path.suffix.lower() == ".zip":
        count = 0
        for name, data, problems in zip_members(path, wanted):
            count += 1
            yield name, stem(name.rsplit("!", 1)[-1].rsplit("/", 1)[-1]), data, problems
        if not count:
            yield str(path), "", None, [Problem(f"{empty} in this zip", file=str(path), code="empty")]
        return
    data, problems = read_limited(path, str(path))
    yield str(path), stem(path.name), data, problems
