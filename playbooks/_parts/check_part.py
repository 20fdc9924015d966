"""Validate one part file on its own: header + minimal stubs for the sections the part lacks + the part.

Usage: python check_part.py 30-roles.yaml   (prints problems with line numbers of the PART file)
"""
import subprocess, sys, tempfile, re
from pathlib import Path

import yaml

here = Path(__file__).parent
part = here / sys.argv[1]
text = part.read_text(encoding="utf-8")
sections = set(yaml.safe_load(text) or {})

ROLES = "director crm_consultant crm_manager crm_specialist crm_analyst administrator sales_manager marketer support_technician data_analyst client_service vendor_expert it_manager finance_manager hr_manager".split()
OBJECTS = "lead contact account deal quote product campaign case activity knowledge_article report dashboard user security_role settings workflow integration data_import audit_log".split()
MODULES = "marketing sales service analytics collaboration integration data_migration security training non_functional".split()
Q = {
 "business_model": ("choice", ["b2b", "b2c", "both"]),
 "company_size": ("choice", ["small", "medium", "large"]),
 "industry": ("choice", "retail real_estate software professional_services manufacturing financial_services telecom healthcare education other".split()),
 "crm_kinds": ("multi_choice", ["operational", "analytical", "collaborative"]),
 "modules": ("multi_choice", ["marketing", "sales", "service"]),
 "channels": ("multi_choice", "phone email website_form live_chat social_media messengers sms walk_in field_sales partners".split()),
 "integrations": ("multi_choice", "accounting invoicing erp website telephony email_server ecommerce".split()),
 "loyalty_programme": ("yes_no", None), "customer_data_state": ("choice", "none paper spreadsheets several_systems existing_crm".split()),
 "data_has_duplicates": ("yes_no", None), "has_crm_specialist": ("yes_no", None), "specialist_time_share": ("number", None),
 "has_it_unit": ("yes_no", None), "sales_team_size": ("number", None),
}
for s in "sign_leads_lost sign_no_sales_oversight sign_slow_reports sign_unknown_conversion sign_scattered_data sign_slow_sales_unhappy sign_losing_old_customers need_messy_base need_marketing_activation need_no_sales_plan need_crm_not_developed need_negative_reviews need_large_business".split():
    Q[s] = ("yes_no", None)

stubs = {}
if "roles" not in sections:
    stubs["roles"] = [{"id": r, "name": r, "summary": r, "duties": [r]} for r in ROLES]
if "objects" not in sections:
    stubs["objects"] = [{"id": o, "name": o, "owner": "crm_manager"} for o in OBJECTS]
if "modules" not in sections:
    stubs["modules"] = [{"id": m, "name": m} for m in MODULES]
if "questions" not in sections:
    stubs["questions"] = [{"id": q, "type": t, "text": q, **({"options": [{"id": o, "label": o} for o in opts]} if opts else {})} for q, (t, opts) in Q.items()]
if "phases" not in sections:
    stubs["phases"] = [{"id": p, "name": p} for p in ("pre_deployment", "deployment", "post_deployment")]

header = (here / "00-header.yaml").read_text(encoding="utf-8") if part.name != "00-header.yaml" else ""
stub_text = yaml.safe_dump(stubs, allow_unicode=True, sort_keys=False) if stubs else ""
prefix = header.rstrip() + "\n" + stub_text
offset = prefix.count("\n")
with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
    f.write(prefix + text)
out = subprocess.run([sys.executable, "-m", "workbench", "validate", f.name], capture_output=True, text=True,
                     cwd=here.parent.parent)
def fix(m):
    line = int(m.group(1)) - offset
    return f"{part.name}:{line}:" if line > 0 else f"<stub/header>:{m.group(1)}:"
print(re.sub(re.escape(f.name) + r":(\d+):", fix, out.stdout + out.stderr))
sys.exit(out.returncode)
