"""Per-CRM permission models as pure logic: how a playbook right becomes the CRM's own flags or levels
(`project`), and back (`to_scope`). Writers and readers for each CRM's files sit in writers/crm and
loading/crm."""
