"""Writers for CRM targets: each writes the design in one CRM's own permission format."""
