"""CRM Workbench: turn a YAML playbook and a client's intake answers into a CRM rollout engagement."""

__version__ = "0.1.0"
