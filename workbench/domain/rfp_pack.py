"""What the RFP pack shows, computed once for every format: requirement rows grouped by module, the
client's context from the intake answers, and the response and priority vocabulary.

The xlsx writer, the Markdown/HTML writer and the reader of filled-in vendor workbooks all use these
names, so a header written by one is found by the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.domain.locale import format_number, localize_digits
from workbench.domain.playbook import Playbook
from workbench.domain.questions import Question
from workbench.domain.requirements import Requirement, scored_weight
from workbench.domain.rfp import MISSED, RESPONSES
from workbench.domain.text import LANGUAGES, LocalText, local_text
from workbench.i18n import N_, _, gettext_in

PRIORITY_LABELS: dict[str, str] = {
    "must": N_("Must"),
    "should": N_("Should"),
    "could": N_("Could"),
    "wont": N_("Won't"),
}
"""Priority id -> English label (MoSCoW); `priority_label(pid)` gives it in the current language."""
PRIORITY_MEANINGS: dict[str, str] = {
    "must": N_(
        "Needed at go-live; a Must answered Roadmap or Not supported (or left blank) is a missed must-have."
    ),
    "should": N_("Important, but a workaround is acceptable at go-live."),
    "could": N_("Desirable; scores points but decides nothing alone."),
    "wont": N_("Not in this procurement: listed for information only, weight 0, not scored."),
}
RESPONSE_MEANINGS: dict[str, str] = {
    "Fully supported": N_("Works in the standard product as delivered, with no setup beyond user data."),
    "Configuration": N_("Achieved by settings, fields, workflows or a vendor's own add-on, without code."),
    "Customisation": N_("Needs custom code, scripts or a third-party development; say who builds it."),
    "Roadmap": N_("Planned in a future release; give the release and date in the comment."),
    "Not supported": N_("Not available and not planned."),
}


def priority_label(pid: str) -> str:
    """The MoSCoW label of a priority id in the current language."""
    return _(PRIORITY_LABELS[pid])


DELIVERED_POINTS = min(points for label, points in RESPONSES.items() if label not in MISSED)
"""A Must whose points are below this is missed at go-live (Roadmap and Not supported score less)."""
assert DELIVERED_POINTS > max(points for label, points in RESPONSES.items() if label in MISSED)

YES, NO = N_("Yes"), N_("No")


@dataclass(frozen=True)
class RfpRow:
    """One requirement as the pack shows it; `weight` is 0 for Won't items (listed, never scored)."""

    id: str
    module: str
    """the module's display name (unique within the pack)"""
    text: str
    rationale: str
    acceptance: str
    priority: str
    weight: int

    @property
    def priority_label(self) -> str:
        """In the current language: the workbook's formulas count the same text the cells show."""
        return priority_label(self.priority)


@dataclass(frozen=True)
class ModuleGroup:
    id: str
    name: str
    description: str
    rows: list[RfpRow]

    @property
    def weight(self) -> int:
        return sum(row.weight for row in self.rows)


def module_names(pb: Playbook, lang: str = "en") -> dict[str, str]:
    """Module id -> display name; a name two modules share gets the id appended, so SUMIFS can tell them
    apart."""
    names = {m.id: local_text(m.name, lang) for m in pb.modules}
    taken = [n.casefold() for n in names.values()]
    return {
        mid: (f"{name} ({mid})" if taken.count(name.casefold()) > 1 else name) for mid, name in names.items()
    }


def groups(pb: Playbook, lang: str = "en") -> list[ModuleGroup]:
    """Requirements grouped by module in the playbook's module order; modules without requirements left
    out."""
    names = module_names(pb, lang)
    order = [m.id for m in pb.modules] + sorted({r.module for r in pb.requirements} - set(names))
    described = {m.id: local_text(m.description, lang) for m in pb.modules}
    result = []
    for mid in order:
        rows = [_row(req, names.get(mid, mid), lang) for req in pb.requirements if req.module == mid]
        if rows:
            result.append(ModuleGroup(mid, names.get(mid, mid), described.get(mid, ""), rows))
    return result


def _row(req: Requirement, module: str, lang: str) -> RfpRow:
    return RfpRow(
        req.id,
        module,
        local_text(req.text, lang),
        local_text(req.rationale, lang),
        local_text(req.acceptance, lang),
        req.priority,
        scored_weight(req.priority, req.weight),
    )


def client_context(pb: Playbook, answers: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    """(question, answer) for every vendor-visible question the client answered, answers shown with option
    labels. Every vendor-facing file takes its context from here, so an internal answer (budget, staff
    time, readiness) can reach none of them."""
    lines = []
    for question in pb.questions:
        if not question.vendor_visible:
            continue
        value = answers.get(question.id)
        if value is None or value == [] or value == "":
            continue
        lines.append((local_text(question.text, lang), render_answer(question, value, lang)))
    return lines


def render_answer(question: Question, value: Any, lang: str = "en") -> str:
    labels = {o.id: local_text(o.label, lang) for o in question.options}
    if question.type == "yes_no" and isinstance(value, bool):
        return gettext_in(lang, YES if value else NO)
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return labels.get(str(value), localize_digits(str(value), lang))


def parse_priority(value: object) -> str | None:
    """A priority as typed in a workbook ("Must", "must have", "Won’t", "M") -> its id; None when unknown."""
    if value is None:
        return None
    text = " ".join(str(value).replace("’", "'").split()).casefold()
    text = text.removesuffix(" have").removesuffix("-have")
    for pid, label in PRIORITY_LABELS.items():
        shown = {gettext_in(lang, label).replace("’", "'").casefold() for lang in LANGUAGES}
        if text == pid or text in shown or (len(text) == 1 and text == pid[0]):
            return pid
    return None


def scoring_requirement(rid: str, module: str, priority: str, weight: float) -> Requirement:
    """A Requirement for domain.rfp.score_vendor from a workbook row; the module is its display name,
    which is all scoring needs, so no playbook validation applies."""
    return Requirement.model_construct(
        id=rid, module=module, text=LocalText(en=rid), priority=priority, weight=weight, when=None
    )


COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", N_("ID")),
    ("module", N_("Module")),
    ("text", N_("Requirement")),
    ("rationale", N_("Rationale")),
    ("acceptance", N_("Acceptance test")),
    ("priority", N_("Priority")),
    ("weight", N_("Weight")),
    ("response", N_("Vendor response")),
    ("comment", N_("Vendor comment")),
    ("points", N_("Points")),
    ("weighted", N_("Weighted score")),
)
"""The Requirements sheet's columns, in order: key -> English header (shown translated; the reader finds
columns by their header in any of our languages)."""

KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Requirement ID"),
    ("module", "Module"),
    ("priority", "Priority"),
    ("weight", "Weight"),
)
"""The hidden Scoring sheet's copy of what scoring needs, out of a vendor's reach (never translated: no
one reads it but `crmwb rfp score`)."""

VENDOR_NAME = N_("Vendor name")
"""The Cover label beside which the vendor types its name."""


def in_every_language(message: str) -> set[str]:
    """`message` as each of our languages shows it, for readers of files we wrote in any of them."""
    return {gettext_in(lang, message) for lang in LANGUAGES}
