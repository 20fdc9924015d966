"""Playbooks, answer sets and a dated set of written job descriptions shared by the jobdesc tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook
from workbench.writers.jobdesc import roles_with_profiles, write_many

DATA = Path(__file__).parent / "data"
TEST_PLAYBOOK = DATA / "jobdesc.yaml"
ON = date(2026, 11, 23)
LANGS = ("en", "fa", "ru")
FORMATS = ("md", "html", "docx")

# Two answer sets that, between them, switch on every conditional line of the core job profiles.
SMALL_SOFTWARE = {
    "company_size": "small",
    "industry": "software",
    "business_model": "both",
    "modules": ["marketing", "sales", "service"],
    "loyalty_programme": True,
    "channels": ["phone", "email", "live_chat", "messengers", "social_media", "field_sales"],
    "integrations": ["telephony", "email_server"],
    "has_crm_specialist": True,
    "specialist_time_share": 40,
    "has_it_unit": True,
}
LARGE_RETAIL = {
    "company_size": "large",
    "industry": "retail",
    "business_model": "b2c",
    "modules": ["sales"],
    "loyalty_programme": False,
    "channels": ["walk_in"],
    "has_crm_specialist": True,
    "specialist_time_share": 100,
    "has_it_unit": False,
}
ANSWER_SETS = {"small-software": SMALL_SOFTWARE, "large-retail": LARGE_RETAIL}


@pytest.fixture(scope="session")
def core():
    loaded = load_playbook("core")
    if not loaded.ok:
        pytest.fail("the bundled core playbook does not load: " + "; ".join(map(str, loaded.problems[:3])))
    return loaded.playbook


@pytest.fixture(scope="session")
def test_playbook():
    loaded = load_playbook(TEST_PLAYBOOK)
    assert loaded.ok, loaded.problems
    return loaded.playbook


@pytest.fixture(scope="session", params=sorted(ANSWER_SETS))
def core_written(request, core, tmp_path_factory):
    """Every core role x language x format, for one answer set and a client in Russia (where the core
    playbook's only pay band was sourced): (resolved playbook, folder)."""
    resolved = resolve(core, ANSWER_SETS[request.param])
    folder = tmp_path_factory.mktemp(f"jobdesc-{request.param}")
    write_many(resolved, roles_with_profiles(resolved), LANGS, FORMATS, folder, ON, country="RU")
    return resolved, folder
