"""The `crmwb` command line: thin commands over the domain and loading layers."""
