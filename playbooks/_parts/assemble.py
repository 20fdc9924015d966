"""Concatenate the part files into ../core.yaml (development helper; parts are top-level sections)."""
from pathlib import Path

here = Path(__file__).parent
parts = sorted(here.glob("[0-9][0-9]-*.yaml"))
text = "\n".join(p.read_text(encoding="utf-8").rstrip() + "\n" for p in parts)
(here.parent / "core.yaml").write_text(text, encoding="utf-8")
print("wrote core.yaml from", ", ".join(p.name for p in parts))
