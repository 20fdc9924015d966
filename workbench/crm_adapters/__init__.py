"""CRM adapters as plugins: one package per CRM (`workbench/crm_adapters/<name>/`), each exposing `ADAPTER`,
an object satisfying `protocol.CrmAdapter`, registered in the `crmwb.crm_adapters` entry-point group.

A third party ships a CRM the same way from its own distribution: a package with `ADAPTER` and one
entry-point line. The commands, the playbook schema's `crm_mappings` keys, the CLI help and the README
table all take the names from `registry`, so nothing else changes when a CRM is added.
"""
