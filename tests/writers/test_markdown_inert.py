"""Markdown deliverables are inert: `<script>` and `<img onerror>` from a playbook's text, a client's answer,
the client name and a task's assignee and note render as text. Every md file is rendered with markdown-it
(CommonMark with raw HTML on, plus GFM tables: what GitHub, GitLab and VS Code do) and must produce no
element but the ones Markdown makes; the HTML deliverables autoescape the same text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import DATA
from workbench.writers.markdown import md_code, md_inline

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ALLOWED = {
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "hr",
    "blockquote",
    "div",
}
"""`div` only as the right-to-left wrapper the advice reports put around themselves"""


def renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def tags(rendered: str) -> set[str]:
    return {t.lower() for t in re.findall(r"<([a-zA-Z][\w-]*)", rendered)}


def assert_inert(markdown: str, must_show: tuple[str, ...] = (SCRIPT, IMG)) -> None:
    rendered = renderer().render(markdown)
    assert tags(rendered) <= ALLOWED, sorted(tags(rendered) - ALLOWED)
    for payload in must_show:
        assert html.escape(payload, quote=False) in rendered.replace("&quot;", '"'), payload


NASTY = [
    SCRIPT,
    IMG,
    "**bold** _em_ `code` [link](javascript:alert(1)) ![x](y)",
    "# heading",
    "1. item",
    "- item",
    "> quote",
    "===",
    "---",
    "a | b",
    "&lt;b&gt; &#60;i&#62;",
    "<!-- hidden -->",
    "$x$ ~sub~ ^sup^ @cite",
    "trailing backslash \\",
    "snake_case_id and _under_",
    "<https://x.test>",
    "```fence",
    "~~~",
    "line\nbreak",
    "+ plus",
    "10) ten",
    "[^1] footnote",
    "x <b>y</b> z",
]


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_renders_as_exactly_the_text(text):
    expected = " ".join(text.split())
    for wrap in ("{}", "| h |\n|---|\n| {} |", "## {}", "- {}"):
        rendered = renderer().render(wrap.format(md_inline(text)))
        inner = re.sub(r"<[^>]+>", "", rendered).strip()
        shown = html.unescape(inner).strip().removeprefix("h\n").strip()
        assert shown == expected, (wrap, rendered)


def test_code_spans_hold_any_backticks():
    for text in ("plain", "a`b", "``x``", "`edge`"):
        rendered = renderer().render(f"see {md_code(text)}")
        assert html.unescape(re.search(r"<code>(.*)</code>", rendered).group(1)) == text


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    """mini.yaml with the payloads in a requirement, a task, a role, a KPI, a process step, a job profile
    duty and the playbook name, and a free-text question whose answer carries them too."""
    pb = yaml.safe_load((DATA / "mini.yaml").read_text(encoding="utf-8"))
    pb["name"] = {"en": f"Method {SCRIPT}"}
    pb["requirements"][0]["text"] = f"Web forms {SCRIPT}"
    pb["requirements"][0]["rationale"] = f"Because {IMG}"
    pb["phases"][0]["tasks"][0]["name"] = f"Write the RFP {IMG}"
    pb["roles"][0]["name"] = f"Consultant {SCRIPT}"
    pb["kpis"][0]["name"] = f"Active {IMG}"
    pb["kpis"][0]["definition"] = f"Share {SCRIPT}"
    pb["processes"][0]["nodes"][2]["label"] = f"Work {SCRIPT}"
    pb["job_profiles"][0]["duties"][0]["text"] = f"Administer {IMG}"
    pb["questions"].append({"id": "notes", "type": "text", "text": "Anything else?"})
    playbook = tmp_path / "hostile.yaml"
    playbook.write_text(yaml.safe_dump(pb, allow_unicode=True), encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        yaml.safe_dump(
            {"client": f"Acme {IMG}", "answers": {"modules": ["sales"], "notes": f"Our note {SCRIPT} {IMG}"}}
        ),
        encoding="utf-8",
    )
    return playbook, answers


def test_every_md_deliverable_is_inert_and_html_is_escaped(hostile, tmp_path, run_cli):
    playbook, answers = hostile
    out = tmp_path / "out"
    code, _, err = run_cli("export", playbook, "--answers", answers, "--out", out, "--format", "md,html")
    assert code == 0, err
    md_files = sorted(out.rglob("*.md"))
    assert {p.relative_to(out).as_posix() for p in md_files} >= {
        "rfp.md",
        "roles.md",
        "processes.md",
        "kpis.md",
        "plan.md",
        "jobdesc/specialist.en.md",
    }
    for path in md_files:
        text = path.read_text(encoding="utf-8")
        assert SCRIPT not in text and IMG not in text, path.name
        assert_inert(text, must_show=())
    assert_inert((out / "rfp.md").read_text(encoding="utf-8"))  # requirement, rationale, answer, client
    assert_inert((out / "plan.md").read_text(encoding="utf-8"))  # playbook name, task name, client
    assert_inert((out / "kpis.md").read_text(encoding="utf-8"))
    assert_inert((out / "jobdesc/specialist.en.md").read_text(encoding="utf-8"), must_show=(IMG,))
    for path in sorted(out.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<img src=x" not in page, path.name
    assert html.escape(SCRIPT) in (out / "rfp.html").read_text(encoding="utf-8")


def test_status_report_assignee_and_note_and_crm_limitations_are_inert(hostile, tmp_path, run_cli):
    playbook, answers = hostile
    folder = tmp_path / "eng"
    assert (
        run_cli(
            "new",
            folder,
            "--playbook",
            playbook,
            "--answers",
            answers,
            "--client",
            f"Acme {SCRIPT}",
            "--start",
            "2025-01-06",
        )[0]
        == 0
    )
    assert run_cli("task", folder, "assign", "rfp", IMG, "--as", "t")[0] == 0
    assert run_cli("task", folder, "note", "rfp", SCRIPT, "--as", "t")[0] == 0
    assert run_cli("task", folder, "block", "select", "--note", SCRIPT, "--as", "t")[0] == 0
    code, _, err = run_cli("report", folder, "--out", tmp_path / "report", "--today", "2025-03-03")
    assert code == 0, err
    [md] = (tmp_path / "report").glob("*.md")
    assert_inert(md.read_text(encoding="utf-8"))  # the client name, the assignee
    [page] = (tmp_path / "report").glob("*.html")
    assert "<script>alert" not in page.read_text(encoding="utf-8")
    code, _, _ = run_cli("crm-export", folder, "--to", "odoo", "--out", tmp_path / "crm")
    assert code == 0
    assert_inert((tmp_path / "crm" / "limitations.md").read_text(encoding="utf-8"), must_show=(SCRIPT,))


@pytest.mark.parametrize("command", ["readiness", "staffing"])
def test_advice_reports_in_markdown_are_inert(tmp_path, run_cli, command):
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", f"Acme {SCRIPT} {IMG}")[0] == 0
    code, report, err = run_cli(command, folder, "--format", "md")
    assert code == 0, err
    assert_inert(report)
