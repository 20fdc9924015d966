"""Reading user files: safe YAML with locations, overlays, validation into located problems."""
