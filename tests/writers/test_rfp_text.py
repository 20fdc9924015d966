"""rfp.md and rfp.html read back: context with option labels, requirements by module with priority and
weight, text that could break a table or inject markup kept inert, HTML self-contained with lang and dir."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.writers.rfp_fixtures import context
from workbench.writers import rfp_text


class Page(HTMLParser):
    """Collects the root element's attributes, every tag, the headings and the table rows' cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str | None] = {}
        self.tags: list[tuple[str, dict]] = []
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "html":
            self.root = attrs
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        for sink in (self._cell, self._heading):
            if sink is not None:
                sink.append(data)


def page(tmp_path, lang="en") -> tuple[Page, str]:
    [path] = rfp_text.write_html(context(lang=lang), tmp_path)
    text = path.read_text(encoding="utf-8")
    parsed = Page()
    parsed.feed(text)
    return parsed, text


def md_rows(text: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip("|").split(" | ")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]


def test_markdown_has_context_then_requirements_by_module(tmp_path):
    [path] = rfp_text.write_md(context(), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path.name == "rfp.md" and text.startswith("# Request for proposal: CRM system for Acme Retail\n")
    assert "Playbook: Tricky mini (`mini-tricky` 0.2)" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Request for proposal: CRM system for Acme Retail",
        "## Client context",
        "## How vendors respond",
        "## Requirements",
        "### Sales",
        "### Service",
        "### Reports",
    ]
    rows = md_rows(text)
    assert ["Who are your customers?", "Both"] in rows and ["Which modules?", "Sales, Service"] in rows
    assert ["Anything else we should know?", "=cmd\\|' /C calc'!A0"] in rows  # the pipe cannot split the row
    assert ["R1", "Leads are captured from web forms.", "", "", "Must", "5"] in rows
    assert [
        "R4",
        '=HYPERLINK("http://evil.example/x","Click me")',
        "+1 more \\| pipes and \\<script\\>alert(1)\\</script\\>",
        "\\@SUM(1,2)",
        "Should",
        "4",
    ] in rows
    assert ["R5", "-2 dashboards nobody asked for", "", "", "Won't", "0"] in rows
    ids = [row[0] for row in rows if row[0].startswith("R") and len(row) == 6]
    assert ids == ["R1", "R3", "R2", "R4", "R5", "R6"]
    assert "2 requirements, weight 7." in text and "3 requirements, weight 6." in text
    priorities = {row[0]: row[1:4] for row in rows if len(row) == 5}
    assert priorities["Must"] == ["2", "7", "44%"]  # R1 and R6: 7 of the 16 scored weight
    assert priorities["Won't"] == ["1", "0", "—"]


def test_html_is_self_contained_and_escapes_text(tmp_path):
    parsed, text = page(tmp_path)
    assert parsed.root == {"lang": "en", "dir": "ltr"}
    assert text.count("<style>") == 1 and "@media print" in text and "@import" not in text
    assert not [t for t, a in parsed.tags if t in ("link", "script", "img", "iframe")]
    assert not [a for _, a in parsed.tags for k, v in a.items() if k in ("src", "href")]
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert parsed.headings == [
        "Request for proposal: CRM system for Acme Retail",
        "Client context",
        "How vendors respond",
        "Requirements",
        "Sales",
        "Service",
        "Reports",
    ]
    requirement_rows = [r for r in parsed.rows if len(r) == 5 and r[0].startswith("R")]
    assert [r[0] for r in requirement_rows] == ["R1", "R3", "R2", "R4", "R5", "R6"]
    r4 = requirement_rows[3]
    assert r4 == [
        "R4",
        ('=HYPERLINK("http://evil.example/x","Click me") Why: +1 more | pipes and <script>alert(1)</script>'),
        "@SUM(1,2)",
        "Should",
        "4",
    ]
    assert ["Who are your customers?", "Both"] in parsed.rows
    assert [
        "Fully supported",
        "1",
        ("Works in the standard product as delivered, with no setup beyond user data."),
    ] in parsed.rows


@pytest.mark.parametrize(
    "lang, direction, text",
    [("fa", "rtl", "سرنخ‌ها از فرم‌های وب ثبت می‌شوند."), ("ru", "ltr", "Leads are captured from web forms.")],
)
def test_html_language_and_direction(tmp_path, lang, direction, text):
    parsed, _ = page(tmp_path, lang)
    assert parsed.root == {"lang": lang, "dir": direction}
    assert any(row[:2] == ["R1", text] for row in parsed.rows)  # Russian falls back to English here
    if lang == "fa":
        assert ["چیز دیگری هست؟", "=cmd|' /C calc'!A0"] in parsed.rows
        assert ["Is there an in-house CRM specialist?", "بله"] in parsed.rows
