"""Problems found in user files: what is wrong, where (item path, then file:line:col), what was expected."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    message: str
    path: Path = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None
    severity: str = "error"
    code: str = "invalid"
    extra: dict = field(default_factory=dict, compare=False)

    def at(self, file: str | None, line: int | None, column: int | None) -> Problem:
        return replace(self, file=file, line=line, column=column)

    @property
    def where(self) -> str:
        if self.file is None:
            return "<input>"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def dotted_path(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def __str__(self) -> str:
        item = f" {self.dotted_path}:" if self.path else ""
        return f"{self.where}: {self.severity}:{item} {self.message}"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "path": self.dotted_path,
            "message": self.message,
        }
