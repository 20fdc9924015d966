"""The application layer: each use case (open an engagement or a design, create one, change its answers,
...) written once, loading the playbook once, and called by both interfaces, `cli/` and `tui/`. It uses
the adapters (`loading/`, `store/`, `writers/`) and the domain; it prints nothing and imports no Textual.
"""
