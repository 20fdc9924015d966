"""The drift audit saved to a file, the one way `crmwb audit --format ... --out FILE` and the TUI's audit
dialog (Ctrl+S) both write it: xlsx (the drift workbook), SARIF 2.1.0, JSON and Markdown, each written
atomically (a crash never leaves half a file, an existing file stays whole until the new one is
complete)."""

from __future__ import annotations

from pathlib import Path

from workbench.app.audit import DriftAudit, word
from workbench.domain.audit_report import AuditReport

FILE_FORMATS = {"xlsx": ".xlsx", "sarif": ".sarif", "json": ".json", "md": ".md"}
"""format -> the file name ending the TUI proposes"""


def audit_text(report: AuditReport, fmt: str, compared: int = 0) -> str:
    """The report as SARIF, JSON or Markdown text."""
    if fmt == "sarif":
        from workbench import __version__
        from workbench.writers.drift_sarif import dumps

        return dumps(report, __version__)
    if fmt == "json":
        import json

        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from workbench.writers.drift_md import markdown

        return markdown(report, compared, word)
    raise ValueError(f"no text form {fmt!r} of the audit; expected sarif, json or md")


def save_audit(result: DriftAudit, fmt: str, path: Path) -> Path:
    """Write the audit's report to `path` in `fmt` (one of FILE_FORMATS), atomically; OSError when the
    folder cannot be written."""
    from workbench.writers.atomic import atomic_path, write_text_atomic

    report = result.report
    if report is None:
        raise ValueError("nothing was compared: there is no report to save")
    if fmt == "xlsx":
        from workbench.writers.drift_xlsx import write

        with atomic_path(path) as tmp:
            write(report, tmp)
        return path
    write_text_atomic(path, audit_text(report, fmt, result.designed_grants))
    return path
