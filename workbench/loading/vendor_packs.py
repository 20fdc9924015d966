"""Find and read the vendors' returned packs: one folder per vendor inside the evaluation folder.

    vendors/
      Acme CRM/                      the folder's name is the vendor's name in every output
        rfp.xlsx                     the filled requirements workbook (any name starting with "rfp")
        commercial-form.xlsx         the commercial form, exactly one
        demo-scorecard-*.xlsx        one per evaluator (demo-scorecard-ali.xlsx, demo-scorecard-olga.xlsx)
        reference-check-*.xlsx       one per reference call (none: references score 0, and it is said)

Hidden files, Office lock files (`~$...`) and files at the top of the folder are ignored, so the
evaluation's own outputs can sit beside the vendor folders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain.demo_reconcile import Scorecard
from workbench.domain.locale import format_number
from workbench.i18n import _, current_language
from workbench.loading.rfp_responses import (
    ReadProblem,
    RfpReadError,
    VendorWorkbook,
    list_mismatches,
    read_responses,
)
from workbench.loading.vendor_forms import (
    CommercialOffer,
    FormErrors,
    read_commercial,
    read_reference,
    read_scorecard,
)

PATTERNS = {
    "rfp": "rfp*.xlsx",
    "commercial": "commercial-form*.xlsx",
    "demo": "demo-scorecard*.xlsx",
    "references": "reference-check*.xlsx",
}


@dataclass
class VendorPack:
    vendor: str
    folder: Path
    requirements: VendorWorkbook
    commercial: CommercialOffer
    scorecards: list[Scorecard]
    references: list[list[int]] = field(default_factory=list)


@dataclass
class ReadPacks:
    packs: list[VendorPack]
    errors: list[str]
    """located problems that keep a file from being used: nothing is evaluated (exit 2)"""
    warnings: list[ReadProblem]
    """cells of a requirements workbook that could not be read, and other things to know (exit 1)"""


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith((".", "~$")))


def read_packs(root: Path) -> ReadPacks:
    """Every vendor folder under `root`, all problems of all files at once."""
    errors: list[str] = []
    warnings: list[ReadProblem] = []
    packs: list[VendorPack] = []
    if not root.is_dir():
        return ReadPacks(
            [], [f"{root}: " + _("not a folder; expected a folder holding one folder per vendor")], []
        )
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if len(folders) < 2:
        errors.append(
            f"{root}: "
            + _(
                "{n} vendor folders; expected at least two, one per vendor, each with its returned pack"
            ).format(n=format_number(len(folders), current_language()))
        )
    for folder in folders:
        pack = _read_pack(folder, errors, warnings)
        if pack is not None:
            packs.append(pack)
    warnings += list_mismatches([pack.requirements for pack in packs])
    return ReadPacks(packs, errors, warnings)


def _one(folder: Path, kind: str, errors: list[str]) -> Path | None:
    found = _files(folder, PATTERNS[kind])
    if len(found) != 1:
        errors.append(
            f"{folder}: "
            + _("{n} files named {pattern}; expected exactly one").format(
                n=format_number(len(found), current_language()), pattern=PATTERNS[kind]
            )
        )
        return None
    return found[0]


def _read_pack(folder: Path, errors: list[str], warnings: list[ReadProblem]) -> VendorPack | None:
    before = len(errors)
    rfp_path, commercial_path = _one(folder, "rfp", errors), _one(folder, "commercial", errors)
    demo_paths = _files(folder, PATTERNS["demo"])
    if not demo_paths:
        errors.append(
            f"{folder}: "
            + _("no {pattern}; expected one demo scorecard per evaluator").format(pattern=PATTERNS["demo"])
        )
    requirements = commercial = None
    if rfp_path is not None:
        try:
            requirements = read_responses(rfp_path)
            warnings.extend(requirements.problems)
        except RfpReadError as exc:
            errors.append(str(exc))
    if commercial_path is not None:
        commercial = _read(read_commercial, commercial_path, errors)
    scorecards = [card for path in demo_paths if (card := _read(read_scorecard, path, errors)) is not None]
    references = [
        scores
        for path in _files(folder, PATTERNS["references"])
        if (scores := _read(read_reference, path, errors)) is not None
    ]
    if not references:
        warnings.append(ReadProblem(folder.name, None, _("no reference check returned; references score 0")))
    if len(errors) > before or requirements is None or commercial is None:
        return None
    return VendorPack(folder.name, folder, requirements, commercial, scorecards, references)


def _read(reader, path: Path, errors: list[str]):
    try:
        return reader(path)
    except FormErrors as exc:
        errors.extend(exc.problems)
        return None
