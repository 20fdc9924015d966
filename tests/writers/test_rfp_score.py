"""`crmwb rfp score`: vendors fill rfp.xlsx the way real vendors do (rows reordered, a column inserted, the
sheet renamed, stray text, rows deleted and added, a weight changed) and the command still ranks them,
naming every cell it could not read; unusable files are named and exit 2 while the rest are scored."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.writers.rfp_fixtures import fill, write_pack

ALL = ["R1", "R3", "R2", "R4", "R5", "R6"]


def everything(label: str) -> dict[str, str]:
    return {rid: label for rid in ALL}


@pytest.fixture
def blank(tmp_path):
    return write_pack(tmp_path / "sent")


def acme(blank, folder):
    """Stray text; rows reversed (as a sort would), a column inserted, the sheet renamed, a sheet added."""
    path = fill(
        blank,
        folder / "acme.xlsx",
        {**everything("Fully supported"), "R4": "Yes, via plugin"},
        vendor="  Acme   CRM ",
    )
    wb = openpyxl.load_workbook(path)
    ws = wb["Requirements"]
    values = [[ws.cell(r, c).value for c in range(1, 10)] for r in range(2, 8)]
    for r, row in enumerate(reversed(values), start=2):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c).value = value
    ws.insert_cols(3)
    ws["C1"] = "Our notes"
    ws.title = "Reqs (Acme)"
    wb.create_sheet("Pricing", 0)["A1"] = "Licence per user: 30 EUR"
    wb.save(path)
    return path


def gamma(blank, folder):
    """R6 deleted (a Must: missed), an id of its own added, R1's weight changed from 5 to 1."""
    path = fill(blank, folder / "gamma.xlsx", everything("Configuration"), vendor="Gamma")
    wb = openpyxl.load_workbook(path)
    ws = wb["Requirements"]
    ws.delete_rows(ALL.index("R6") + 2)
    ws["A8"], ws["H8"] = "X9", "Fully supported"
    ws["G2"] = 1
    wb.save(path)
    return path


def test_ranks_vendors_and_reports_what_it_could_not_read(run_cli, blank, tmp_path):
    folder = tmp_path / "back"
    folder.mkdir()
    files = [
        gamma(blank, folder),
        fill(blank, folder / "beta.xlsx", {**everything("Fully supported"), "R1": "Roadmap"}),
        acme(blank, folder),
    ]
    code, out, err = run_cli("rfp", "score", *files)
    assert code == 1 and err == ""
    table = [line.split() for line in out.splitlines()[2:5]]
    # Acme: R4 unreadable -> (5+2+3+2)/16; beta: R1 Roadmap -> (0.2*5+2+3+4+2)/16;
    # Gamma: R6 missing -> 0.8 * (5+2+3+4)/16. Missed Must-haves first, then the score.
    assert table == [
        ["1", "Acme", "CRM", "75.0%", "0", "1", "acme.xlsx"],
        ["2", "beta", "75.0%", "1", "0", "beta.xlsx"],
        ["3", "Gamma", "70.0%", "1", "1", "gamma.xlsx"],
    ]
    assert "Acme CRM: Sales 100.0%, Service 100.0%, Reports 33.3%" in out
    assert "Gamma: Sales 80.0%, Service 80.0%, Reports 53.3%\n  must-haves missed: R6" in out
    assert "beta: Sales 42.9%, Service 100.0%, Reports 100.0%\n  must-haves missed: R1" in out
    report = out.split("Problems reading the workbooks (4):\n")[1].splitlines()
    assert report == [
        "  gamma.xlsx: Requirements!G2: weight of R1 changed from 5 to 1; the original is used",
        "  gamma.xlsx: requirement R6 is missing from the Requirements sheet; counted as not answered",
        "  gamma.xlsx: Requirements!A8: unknown requirement id 'X9'; its response is ignored",
        (
            "  acme.xlsx: 'Reqs (Acme)'!I4: response 'Yes, via plugin' to R4 is not one of the listed "
            "responses; "
            "counted as not answered"
        ),
    ]


def test_vendors_sent_different_lists_are_flagged(run_cli, blank, tmp_path):
    from tests.writers.rfp_fixtures import DATA

    older = write_pack(tmp_path / "older", ref=DATA / "mini.yaml", answers={})
    code, out, _ = run_cli(
        "rfp",
        "score",
        fill(blank, tmp_path / "new.xlsx", everything("Fully supported")),
        fill(older, tmp_path / "old.xlsx", {"R1": "Fully supported"}),
    )
    assert code == 1
    assert (
        "old.xlsx: its requirement list differs from that of new.xlsx (5 missing, 0 extra); the scores are "
        "not "
        "directly comparable"
    ) in out


def test_json_report_and_bad_files_exit_2_while_others_are_scored(run_cli, blank, tmp_path):
    good = fill(blank, tmp_path / "delta.xlsx", everything("Customisation"), vendor="Delta")
    text = tmp_path / "notes.xlsx"
    text.write_text("this is not a workbook", encoding="utf-8")
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Feature", "Answer"])
    wb.save(plain)
    code, out, err = run_cli("rfp", "score", text, good, plain, "--format", "json")
    found = json.loads(out)
    assert code == 2
    assert [(v["rank"], v["vendor"], v["total"], v["musts_missed"]) for v in found["ranking"]] == [
        (1, "Delta", 40.0, [])
    ]  # Customisation still delivers a Must
    assert found["ranking"][0]["by_module"] == {"Sales": 40.0, "Service": 40.0, "Reports": 40.0}
    assert found["problems"] == []
    assert found["errors"] == [
        f"{text}: cannot open: not an Excel workbook (.xlsx)",
        (
            f"{plain}: no requirements table: no sheet has a header row with 'ID' and "
            "'Vendor response' columns"
        ),
    ]
    assert (
        f"crmwb rfp score: {text}: cannot open" in err and f"crmwb rfp score: {plain}: no requirements" in err
    )
    assert "Traceback" not in err


def test_clean_workbook_exits_0(run_cli, blank, tmp_path):
    code, out, err = run_cli(
        "rfp", "score", fill(blank, tmp_path / "eps.xlsx", everything("Fully supported"))
    )
    assert code == 0 and err == "" and "Problems" not in out
    assert out.splitlines()[2].split() == ["1", "eps", "100.0%", "0", "0", "eps.xlsx"]


def test_missing_file_is_named(run_cli, tmp_path):
    code, _, err = run_cli("rfp", "score", tmp_path / "nowhere.xlsx")
    assert (
        code == 2
        and f"{tmp_path / 'nowhere.xlsx'}: cannot read the workbook: No such file or directory" in err
    )


def test_workbook_without_the_hidden_key_uses_visible_columns(run_cli, tmp_path):
    """A vendor who pasted the table into a workbook of its own: headers found below a title, any order."""
    path = tmp_path / "omega.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RFP answers"
    ws.append(["Omega's answers to the Acme RFP"])
    ws.append([])
    ws.append(["Response", "Weight", "Req ID", "Priority", "Module"])
    ws.append(["Fully supported", 5, "R1", "Must have", "Sales"])
    ws.append(["no", 3, "R2", "should", "Service"])
    ws.append(["Configuration", "high", "R3", "Could", "Sales"])
    ws.append(["Fully supported", 2, "R7", "Maybe", "Sales"])
    wb.save(path)
    code, out, _ = run_cli("rfp", "score", path, "--format", "json")
    found = json.loads(out)
    assert code == 1
    assert found["ranking"][0]["total"] == 62.5 and found["ranking"][0]["by_module"] == {
        "Sales": 100.0,
        "Service": 0.0,
    }
    assert [(p["cell"], p["message"]) for p in found["problems"]] == [
        (None, "no hidden Scoring sheet: module, priority and weight were taken from the visible columns"),
        ("'RFP answers'!B6", "weight of R3 is unreadable ('high'); not scored"),
        ("'RFP answers'!D7", "priority of R7 is unreadable ('Maybe'); not scored"),
    ]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["rfp"], "ACTION"),
        (["rfp", "score"], "FILLED.xlsx"),
        (["rfp", "score", "x.xlsx", "--format", "csv"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(run_cli, capsys, args, expected):
    with pytest.raises(SystemExit) as stop:
        run_cli(*args)
    assert stop.value.code == 2 and expected in capsys.readouterr().err


def test_missing_priority_and_weight_columns_are_reported(run_cli, tmp_path):
    path = tmp_path / "bare.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["ID", "Vendor response"])
    wb.active.append(["R1", "Configuration"])
    wb.active.append(["R2", None])
    wb.save(path)
    code, out, _ = run_cli("rfp", "score", path, "--format", "json")
    found = json.loads(out)
    assert code == 1 and found["ranking"][0]["total"] == 40.0 and found["ranking"][0]["unanswered"] == ["R2"]
    assert [p["message"] for p in found["problems"]][1:] == [
        "no Priority column on Sheet: every requirement counted as Should",
        ("no Weight column on Sheet: every weight is 1"),
    ]
