"""Readers of permission exports from live CRMs, and the safe, located XML parsing they share.

Exports are user files from a system we do not control, so XML is parsed with defusedxml only and any
DTD is refused (Salesforce and Dynamics files never carry one; a DTD is how external entities and entity
expansion get in). Every failure becomes a located Problem; nothing here raises for bad input.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.bounded import BoundedReadError, read_bounded

MAX_BYTES = 32 * 1024 * 1024
"""One permission file is a few hundred KiB at most; anything bigger is refused before parsing."""
MAX_ZIP_MEMBERS = 20_000


@dataclass
class XmlDoc:
    """A parsed file: its root, and the line/column (1-based) where each element starts."""

    file: str
    root: ET.Element
    locs: dict[ET.Element, tuple[int, int]] = field(default_factory=dict)

    def where(self, element: ET.Element) -> tuple[str, int | None]:
        """(file, line) of an element, the form audit reports point at."""
        return self.file, self.locs.get(element, (None, None))[0]

    def problem(self, element: ET.Element | None, message: str, code: str = "format",
                severity: str = "error") -> Problem:
        line, col = self.locs.get(element, (None, None)) if element is not None else (None, None)
        return Problem(message, file=self.file, line=line, column=col, severity=severity, code=code)


def local(tag: str) -> str:
    """The tag without its namespace: `{http://soap.sforce.com/2006/04/metadata}label` -> `label`."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def parse_xml(data: bytes, file: str) -> tuple[XmlDoc | None, list[Problem]]:
    """Parse with defusedxml, recording element positions; a DTD, entities, broken or mis-encoded XML
    become one located problem each."""
    parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    expat = parser.parser
    locs: dict[ET.Element, tuple[int, int]] = {}
    start = expat.StartElementHandler

    def located_start(tag: str, attrs: object) -> ET.Element:
        element = start(tag, attrs)
        locs[element] = (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
        return element

    expat.StartElementHandler = located_start
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        return None, [Problem(f"refused: {type(exc).__name__} — a DTD may declare external entities or "
                              "entity expansion (billion laughs), and CRM permission files never have one",
                              file=file, line=expat.CurrentLineNumber, column=expat.CurrentColumnNumber + 1,
                              code="xml-forbidden")]
    except ET.ParseError as exc:
        line, col = exc.position
        return None, [Problem(_parse_message(exc, data), file=file, line=line, column=col + 1,
                              code="encoding" if _bad_encoding(data) else "xml-syntax")]
    return XmlDoc(file, root, locs), []


def _bad_encoding(data: bytes) -> bool:
    """True when the bytes are not in the encoding the declaration names (UTF-8 when it names none)."""
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", data.lstrip(b"\xef\xbb\xbf"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        data.decode(declared.group(1).decode("ascii") if declared else "utf-8")
    except (UnicodeDecodeError, LookupError):
        return True
    return False


def _parse_message(exc: ET.ParseError, data: bytes) -> str:
    reason = str(exc).split(": line")[0]
    if _bad_encoding(data):
        return f"{reason}: the file is not in the encoding it declares (UTF-8 unless it says otherwise)"
    if reason in ("no element found", "unclosed token") or reason.startswith("unclosed"):
        return f"{reason}: the file ends early (truncated?)"
    return reason


def read_limited(path: Path, file: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or a problem when it cannot be read, is no regular file (a pipe would block the
    audit forever) or is too big to be a permission file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(f"{size} bytes; a permission file is expected under {MAX_BYTES}",
                                  file=file, code="too-big")]
    except OSError as exc:
        return None, [Problem(f"cannot read: {exc.strerror or exc}", file=file, code="io")]
    try:
        return read_bounded(path, MAX_BYTES, _("the permission file")), []
    except BoundedReadError as exc:
        return None, [Problem(exc.message, file=file, code="io")]


Member = tuple[str, bytes | None, list[Problem]]


def zip_members(path: Path, wanted: Callable[[str], bool]) -> Iterator[Member]:
    """(display name, bytes, problems) of each wanted member of a zip, with sizes checked before reading
    (a zip bomb is refused, not inflated)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield str(path), None, [Problem(f"not a readable zip: {exc}", file=str(path), code="zip")]
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and wanted(m.filename)]
        if len(members) > MAX_ZIP_MEMBERS:
            yield str(path), None, [Problem(f"{len(members)} files; expected at most {MAX_ZIP_MEMBERS}",
                                            file=str(path), code="zip")]
            return
        for member in members:
            name = f"{path}!{member.filename}"
            if member.file_size > MAX_BYTES:
                yield name, None, [Problem(f"{member.file_size} bytes unpacked; a permission file is "
                                           f"expected under {MAX_BYTES}", file=name, code="too-big")]
                continue
            try:
                with archive.open(member) as handle:
                    yield name, handle.read(MAX_BYTES + 1)[:MAX_BYTES], []
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                    RuntimeError) as exc:
                yield name, None, [Problem(f"cannot unpack: {exc}", file=name, code="zip")]


def source_files(path: Path, wanted: Callable[[str], bool], stem: Callable[[str], str],
                 empty: str) -> Iterator[tuple[str, str, bytes | None, list[Problem]]]:
    """(file shown in problems, role-name stem, bytes or None, problems) of every export file a reader
    takes: one file, the wanted files under a folder (matched on their path from the folder's parent) or
    the wanted members of a zip. `empty` words the problem when a folder or zip holds none."""
    if not path.exists():
        yield str(path), "", None, [Problem("no such file or folder", file=str(path), code="io")]
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and wanted(p.relative_to(path.parent).as_posix()))
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
