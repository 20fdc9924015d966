"""The workbench screens: one module per screen; each presents, collects and calls Session or the domain."""
