"""A tiny CRM target for testing the commands on top of the adapters: domain, writer and reader in one,
registered as a third party would (`ADAPTER`, an entry point: audit_fixtures.registered).

Format: `permissions.csv` with the header `role,object,action,scope`; a role line without an object
declares a role that holds nothing. It cannot express `delete: team` (narrowed to own, reported), so
limitations show up too. The reader gives line numbers through `LiveMatrix.locations`.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.access import ACTIONS, SCOPES
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.system_rights import HELD, SYSTEM

NAME = "fake"
HEADER = "role,object,action,scope"


DEFAULT_OBJECTS = ("lead", "settings", "contact", "account", "deal")
"""objects the fake CRM has, under the playbook's own ids; the others are Limitations"""


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    matrix = TargetMatrix(NAME)
    objects = {o.id for o in pb.objects if mapping.object_name(o.id)}
    for role in pb.roles:
        for right in role.system_rights:
            matrix.limitations.append(
                Limitation(role.id, SYSTEM, right, HELD, "none", "fake has no privileges")
            )
        for obj, actions in role.permissions.items():
            for action, scope in actions.items():
                if scope == "none":
                    continue
                if obj not in objects:
                    matrix.limitations.append(Limitation(role.id, obj, action, scope, "none", "not mapped"))
                    continue
                if action == "delete" and scope == "team":
                    matrix.limitations.append(
                        Limitation(
                            role.id, obj, action, scope, "own", "fake has no team delete: narrowed to own"
                        )
                    )
                    scope = "own"
                matrix.grants[(role.id, obj, action)] = scope
    return matrix


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    lines = [HEADER]
    grants = project(pb, mapping).grants
    for role in pb.roles:
        cells = sorted((o, a, s) for (r, o, a), s in grants.items() if r == role.id)
        lines += [f"{mapping.role_name(role.id)},{o},{a},{s}" for o, a, s in cells]
        if not cells:
            lines.append(f"{mapping.role_name(role.id)},,,")
    path = Path(folder) / "permissions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    path = Path(path)
    if path.is_dir():
        path = path / "permissions.csv"
    live = LiveMatrix(NAME)
    live.locations = {}  # type: ignore[attr-defined]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return live, [Problem(f"not UTF-8 (byte {exc.start})", file=str(path), line=1, column=1)]
    except OSError as exc:
        return live, [Problem(f"cannot read: {exc.strerror}", file=str(path))]
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER:
        return live, [Problem(f"expected the header {HEADER!r}", file=str(path), line=1, column=1)]
    roles = {mapping.role_name(r.id): r.id for r in pb.roles}
    objects = {o.id for o in pb.objects if mapping.object_name(o.id)}
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split(",")
        if len(parts) != 4:
            problems.append(Problem("expected 4 columns", file=str(path), line=number, column=1))
            continue
        name, obj, action, scope = parts
        role = roles.get(name)
        if role is None:
            if name not in live.unknown_roles:
                live.unknown_roles.append(name)
                live.locations[(name, None, None)] = (str(path), number)
            continue
        seen.add(role)
        live.locations.setdefault((role, None, None), (str(path), number))
        if not obj:
            continue
        if obj not in objects:
            live.unknown_objects.append((name, obj))
            live.locations[(name, obj, None)] = (str(path), number)
            continue
        if action not in ACTIONS or scope not in SCOPES:
            problems.append(
                Problem(
                    f"bad action or scope {action!r} {scope!r}",
                    file=str(path),
                    line=number,
                    column=len(name) + len(obj) + 3,
                )
            )
            continue
        live.grants[(role, obj, action)] = scope
        live.locations[(role, obj, action)] = (str(path), number)
    live.missing_roles = [r.id for r in pb.roles if r.id not in seen]
    return live, problems


class FakeAdapter:
    """The adapter as a third party might write it: a plain class with the protocol's members, nothing
    inherited from the workbench."""

    name = NAME
    label = "Fake CRM"
    reads = ("csv",)
    writes = ("csv",)
    expresses = frozenset({"widened_right", "extra_role"})
    read_users = None

    def default_mapping(self) -> CrmMapping:
        return CrmMapping(objects={obj: obj for obj in DEFAULT_OBJECTS})

    def project(self, pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
        return project(pb, mapping)

    def write(self, pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
        return write(pb, mapping, folder)

    def read(self, path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
        return read(path, pb, mapping)

    def limitations(self, pb: Playbook, mapping: CrmMapping) -> list[Limitation]:
        return list(project(pb, mapping).limitations)

    def role_names(self, pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
        return {role.id: [mapping.role_name(role.id)] for role in pb.roles}


ADAPTER = FakeAdapter()
