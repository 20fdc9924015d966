"""Tests of the CRM adapters: export to each CRM's own format, read back, drift audit, hostile inputs."""
