"""`crmwb profile`: the customer profile of a playbook or an engagement, as text for people and JSON for
scripts (a data audit, a migration script), following the client's answers."""

from __future__ import annotations

import json

import yaml

from workbench.loading.catalog import bundled_dir

EXAMPLES = bundled_dir() / "examples"


def answers_file(tmp_path, **answers):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"playbook": "b2b-sales", "answers": answers}), encoding="utf-8")
    return path


def account_fields(run_cli, answers) -> dict[str, dict]:
    code, out, err = run_cli(
        "profile", "b2b-sales", "--answers", answers, "--object", "account", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert [o["id"] for o in data["objects"]] == ["account"]
    return {f["id"]: f for f in data["objects"][0]["fields"]}


def test_json_follows_the_country_and_the_answers(run_cli, tmp_path):
    base = {"business_model": "b2b", "customer_data_state": "spreadsheets"}
    russia = account_fields(run_cli, answers_file(tmp_path, country="RU", **base))
    iran = account_fields(run_cli, answers_file(tmp_path, country="IR", key_account_management=False, **base))

    assert russia["inn"]["required"] is True and russia["inn"]["sources"] == [
        "accounting",
        "existing_crm",
        "spreadsheets",
    ]
    assert "national_id" not in russia and "key_account" in russia
    assert iran["national_id"]["required"] is True and "inn" not in iran and "key_account" not in iran
    assert (
        iran["industry"]["values"][:2] == ["retail", "real_estate"] and iran["industry"]["type"] == "choice"
    )


def test_text_lists_every_object_and_the_clients_legacy_sources(run_cli):
    code, out, err = run_cli(
        "profile", "b2c-retail-loyalty", "--answers", EXAMPLES / "retail-chain.answers.yaml"
    )

    assert code == 0, err
    assert "Loyalty account (loyalty_account): 6 fields, 5 required; owner: Loyalty programme manager" in out
    line = next(line for line in out.splitlines() if line.strip().startswith("mobile_phone"))
    assert "phone number, required, personal data, from: Point-of-sale software" in line
    assert out.splitlines()[-1].startswith("Legacy sources: Spreadsheets; Accounting software;")


def test_an_unknown_object_is_refused_with_the_known_ones(run_cli):
    code, out, err = run_cli("profile", "core", "--object", "loyalty_account")

    assert code == 2 and out == ""
    assert "'loyalty_account' is not an object with fields; expected one of: lead, contact, account" in err
