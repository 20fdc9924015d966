"""Odoo security read back into playbook terms, for the drift audit.

Input: a folder holding `ir.model.access.csv` and, if present, the record rules as Odoo XML data files
(`*.xml`: `ir.rule` and `res.groups` records, as `crm-export` writes them), or the CSV alone (then every
ACL column reads as scope all: no rules narrow it). The CSV is Odoo's own format, as exported from
Settings > Technical > Access Rights ("import-compatible": `model_id/id` and `group_id/id` are accepted
as well as `model_id:id`/`group_id:id`). External ids match without their module: `crm_roles.group_crm_x`
is the group `group_crm_x`.

A group's `implied_ids` (refs to groups such as base.group_system) are its system rights, through
`crm_mappings.odoo.system_rights`.

Semantics (`model`): a set ACL column with no rule of the group for that operation is all; with
rules the widest recognised domain; a domain this tool does not write is read as all (a warning names it).
Lines without a group apply to every user, so they count for every role. Group inheritance (implied
groups) is not followed. Groups outside the design that grant rights on mapped models are unknown roles;
designed groups with rights on unmapped models are unknown objects.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers.expat import XMLParserType

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from workbench.crm_adapters.odoo.model import PERMS, OdooRule, live_matrix
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.bounded import BoundedReadError, open_regular
from workbench.loading.crm import Problems, read_limited
from workbench.loading.crm.csv_text import csv_records, decode_utf8, field_column

ACCESS = "ir.model.access.csv"
REQUIRED = ("model_id:id", "group_id:id") + tuple(column for column, _label in PERMS)
TRUE, FALSE = {"1", "true", "True", "TRUE"}, {"0", "false", "False", "FALSE", ""}
MAX_XML = 512 * 1024 * 1024
"""Rules files are streamed, not held as a tree: a 200-role x 500-model design writes about 100 MiB."""


class _Records:
    """An expat target that keeps only what the audit needs of each `<record>` as the file streams by:
    the data files of a big design are too large to hold as a tree."""

    def __init__(
        self,
        file: str,
        seen: dict[str, str],
        rules: list[OdooRule],
        problems: list[Problem],
        implied: dict[str, list[tuple[str, tuple[str, int]]]],
    ) -> None:
        self.file, self.seen, self.rules, self.problems = file, seen, rules, problems
        self.expat: XMLParserType | None = None
        """the parser feeding this target, for positions (set before the first element)"""
        self.implied = implied
        self.record: tuple[str, str, tuple[int, int]] | None = None
        self.fields: dict[str, tuple[dict[str, str], str, tuple[int, int]]] = {}
        self.field: tuple[str, dict[str, str], tuple[int, int]] | None = None
        self.text: list[str] = []

    def start(self, tag: str, pairs: list[str]) -> None:
        """expat's own start handler (ordered attributes: a flat name, value list)."""
        if tag == "record" or (tag == "field" and self.record is not None):
            attrs = dict(zip(pairs[::2], pairs[1::2]))
            expat = self.expat
            assert expat is not None  # set before parsing starts
            at = (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
            if tag == "record":
                self.record, self.fields = (attrs.get("model", ""), attrs.get("id", ""), at), {}
            else:
                self.field, self.text = (attrs.get("name", ""), attrs, at), []

    def data(self, text: str) -> None:
        if self.field is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        if tag == "field" and self.field is not None:
            name, attrs, at = self.field
            self.fields[name] = (attrs, "".join(self.text), at)
            self.field = None
        elif tag == "record" and self.record is not None:
            _record(self, *self.record)
            self.record = None


def _value(field: tuple[dict[str, str], str, tuple[int, int]] | None, default: str = "") -> str:
    return (
        default
        if field is None
        else (field[0].get("eval") or field[0].get("ref") or field[1] or default).strip()
    )


def _record(target: _Records, kind: str, rid: str, at: tuple[int, int]) -> None:
    """One finished record: a group marks its role present, an active ir.rule becomes a OdooRule."""
    fields, short = target.fields, rid.rsplit(".", 1)[-1]
    if kind == "res.groups":
        target.seen.setdefault(short, rid)
        field = fields.get("implied_ids")
        if field is not None:
            refs = re.findall(r"ref\(\s*['\"]([^'\"]+)['\"]\s*\)", _value(field))
            target.implied.setdefault(short, []).extend((ref, (target.file, field[2][0])) for ref in refs)
    if kind != "ir.rule" or _value(fields.get("active"), "True") in ("False", "0", "false"):
        return
    model = _value(fields.get("model_id"))
    groups = re.findall(r"ref\(\s*['\"]([^'\"]+)['\"]\s*\)", _value(fields.get("groups")))
    if not model or not groups:
        why = (
            "has no model_id; expected a ref to the model"
            if not model
            else "has no groups: a global rule narrows every user and is not audited"
        )
        target.problems.append(
            Problem(
                f"ir.rule {rid!r} {why}",
                file=target.file,
                line=at[0],
                column=at[1],
                code="rule" if not model else "global-rule",
                severity="error" if not model else "warning",
            )
        )
        return
    domain_field = fields.get("domain_force")
    domain = None if domain_field is None else (domain_field[1] or domain_field[0].get("eval") or "")
    perms = {
        column
        for column, _label in PERMS
        if _value(fields.get(column), "True") not in ("False", "0", "false")
    }
    where = domain_field[2] if domain_field is not None else at
    target.rules.append(
        OdooRule(
            [g.rsplit(".", 1)[-1] for g in groups],
            model.rsplit(".", 1)[-1],
            domain,
            perms,
            (target.file, *where),
        )
    )


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the ACL lines and rules grant, with unknown groups/models and designed groups that are absent."""
    path = Path(path)
    problems = Problems()
    if path.is_dir():
        access, xml_files = path / ACCESS, sorted(p for p in path.glob("*.xml") if p.is_file())
    else:
        access, xml_files = path, []
    acl, seen = _read_access(access, problems)
    rules: list[OdooRule] = []
    implied: dict[str, list[tuple[str, tuple[str, int]]]] = {}
    for xml_file in xml_files:
        _read_rules(xml_file, (rules, implied), seen, problems)
    live, found = live_matrix(pb, mapping, acl, rules, seen, implied)
    problems += found
    return live, problems.done(str(path))


def _read_access(
    path: Path, problems: list[Problem]
) -> tuple[dict[tuple[str, str], set[str]], dict[str, str]]:
    """(group, model xml id without module) -> the ACL columns set, and every group named (id without
    module -> the id as written)."""
    acl: dict[tuple[str, str], set[str]] = {}
    seen: dict[str, str] = {}
    file = str(path)
    if not path.exists():  # a FIFO or device exists and is refused by read_limited, not waited on
        problems.append(
            Problem(f"no {ACCESS} here; expected Odoo's access rights export", file=file, code="io")
        )
        return acl, seen
    data, found = read_limited(path, file)
    text, more = decode_utf8(data, file) if data is not None else (None, [])
    problems += found + more
    if text is None:
        return acl, seen
    records = csv_records(text, file, problems)
    if not records:
        problems.append(
            Problem(
                f"empty file; expected the header {','.join(REQUIRED)}",
                file=file,
                line=1,
                column=1,
                code="empty",
            )
        )
        return acl, seen
    header = [h.strip().replace("/id", ":id") for h in records[0][1]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(
            Problem(
                f"the header lacks {', '.join(missing)}; expected Odoo's columns "
                "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink",
                file=file,
                line=records[0][0],
                column=1,
                code="header",
            )
        )
        return acl, seen
    at = {name: header.index(name) for name in REQUIRED}
    for line, row in records[1:]:
        if len(row) != len(header):
            problems.append(
                Problem(
                    f"{len(row)} fields; expected {len(header)} like the header (truncated?)",
                    file=file,
                    line=line,
                    column=field_column(row, len(row)),
                    code="truncated",
                )
            )
            continue
        written = row[at["group_id:id"]].strip()
        group, model = written.rsplit(".", 1)[-1], row[at["model_id:id"]].strip().rsplit(".", 1)[-1]
        seen.setdefault(group, written)
        cells = acl.setdefault((group, model), set())
        for column, _label in PERMS:
            value = row[at[column]].strip()
            if value in TRUE:
                cells.add(column)
            elif value not in FALSE:
                problems.append(
                    Problem(
                        f"{column} is {value!r}; expected 1 or 0",
                        file=file,
                        line=line,
                        column=field_column(row, at[column]),
                        code="value",
                    )
                )
    return acl, seen


def _read_rules(
    path: Path, into: tuple[list[OdooRule], dict], seen: dict[str, str], problems: list[Problem]
) -> None:
    """Stream one Odoo XML data file through defusedxml (no DTD, no entities) into rules, groups and the
    groups each group implies (`into` = (rules, implied))."""
    file = str(path)
    try:
        target = _Records(file, seen, into[0], problems, into[1])
        parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        target.expat = expat = parser.parser  # defusedxml's DTD and entity guards stay; no tree is built
        expat.StartElementHandler, expat.EndElementHandler = target.start, target.end
        expat.CharacterDataHandler = target.data
        read = 0
        with open_regular(path, _("a rules file")) as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                read += len(chunk)
                if read > MAX_XML:
                    problems.append(
                        Problem(
                            _("over {limit:,} bytes; expected a rules file under that").format(limit=MAX_XML),
                            file=file,
                            code="too-big",
                        )
                    )
                    return
                parser.feed(chunk)
        parser.close()
    except BoundedReadError as exc:
        problems.append(Problem(exc.message, file=file, code="io"))
    except OSError as exc:
        problems.append(Problem(f"cannot read: {exc.strerror or exc}", file=file, code="io"))
    except DefusedXmlException as exc:
        problems.append(
            Problem(
                f"refused: {type(exc).__name__} — a DTD may declare external entities or entity "
                "expansion (billion laughs), and Odoo data files need none",
                file=file,
                line=parser.parser.CurrentLineNumber,
                column=parser.parser.CurrentColumnNumber + 1,
                code="xml-forbidden",
            )
        )
    except ET.ParseError as exc:
        reason, (line, column) = str(exc).split(": line")[0], exc.position
        mis_encoded = _mis_encoded(path)
        if mis_encoded:
            reason += ": the file is not in the encoding it declares (UTF-8 unless it says otherwise)"
        elif reason.startswith(("no element found", "unclosed")):
            reason += ": the file ends early (truncated?)"
        problems.append(
            Problem(
                reason,
                file=file,
                line=line,
                column=column + 1,
                code="encoding" if mis_encoded else "xml-syntax",
            )
        )


def _mis_encoded(path: Path) -> bool:
    """True when the file's bytes are not in the encoding its declaration names (UTF-8 by default); read in
    chunks through an incremental decoder, never whole."""
    import codecs

    with open_regular(path, "a rules file") as handle:
        head = handle.read(1 << 20)
        declared = re.match(
            rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", head[:200].lstrip(b"\xef\xbb\xbf")
        )
        try:
            decoder = codecs.getincrementaldecoder(declared.group(1).decode() if declared else "utf-8")()
            chunk = head
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(1 << 20)
            decoder.decode(b"", final=True)
        except (UnicodeDecodeError, LookupError):
            return True
    return False
