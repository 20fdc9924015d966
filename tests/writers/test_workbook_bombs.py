"""Workbooks read back (`crmwb rfp score`, `crmwb audit --decisions`) that inflate far beyond their size,
or are not files at all: exit 2 with the file named, nothing inflated past the budget. Each runs the real
CLI in a child process under a 1 GiB address-space limit, with the workbook budget lowered to 20 MiB so
a 50 MB bomb shows it (the real budget is 256 MiB)."""

from __future__ import annotations

import os
import struct
import zipfile

import pytest
from openpyxl import Workbook

from tests.conftest import DATA
from tests.limited_cli import run_limited

LOWER = "import workbench.loading.archive as a; a.MAX_WORKBOOK_BYTES = 20 << 20"
COMMANDS = {"rfp": ("rfp", "score"), "decisions": ("audit", str(DATA / "mini.yaml"), "--decisions")}


def bomb(path, lie: bool = False):
    """A real workbook plus a 50 MB member of spaces (50 KB zipped); with `lie` its headers say 1,000
    bytes."""
    Workbook().save(path)
    name = "xl/media/image1.png"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as member:
        for _ in range(50):
            member.write(b" " * (1 << 20))
    if lie:
        data = bytearray(path.read_bytes())
        local = data.rindex(b"PK\x03\x04", 0, data.index(name.encode()))  # the member was added last
        struct.pack_into("<I", data, local + 22, 1000)
        struct.pack_into("<I", data, data.rindex(b"PK\x01\x02") + 24, 1000)
        path.write_bytes(bytes(data))
    return path, name


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_workbook_that_declares_50_mb_is_refused_unread(tmp_path, command):
    path, _ = bomb(tmp_path / "filled.xlsx")
    declared = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    result = run_limited(*COMMANDS[command], path, patch=LOWER)
    assert (result.returncode, result.stdout if command == "decisions" else "") == (2, ""), result.stderr
    message = (
        f"its files declare {declared:,} bytes unpacked, over the limit of 20,971,520; expected a smaller "
        "archive (is this a zip bomb?)"
    )
    expected = (
        f"crmwb rfp score: {path}: cannot open: {message}"
        if command == "rfp"
        else f"{path}: error: cannot read the checklist: {message}"
    )
    assert expected in result.stderr.splitlines()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_workbook_member_that_lies_about_its_size_is_not_inflated_past_it(tmp_path, command):
    path, name = bomb(tmp_path / "filled.xlsx", lie=True)
    result = run_limited(*COMMANDS[command], path, patch=LOWER)
    assert result.returncode == 2, result.stderr
    assert f"{path}!{name}: " in result.stderr and "cannot unpack: Bad CRC-32" in result.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_named_xlsx_is_refused_not_waited_on(tmp_path, command):
    fifo = tmp_path / "filled.xlsx"
    os.mkfifo(fifo)
    result = run_limited(*COMMANDS[command], fifo)
    assert result.returncode == 2, result.stderr
    assert (
        "the workbook is not a regular file (a pipe, device or socket); expected a regular file"
        in result.stderr
    )


def test_a_real_workbook_still_reads_after_the_budget_check(run_cli, tmp_path):
    from tests.writers.rfp_fixtures import fill, write_pack

    blank = write_pack(tmp_path / "sent")
    path = fill(blank, tmp_path / "acme.xlsx", {"R1": "Fully supported"}, vendor="Acme")
    code, out, err = run_cli("rfp", "score", path)
    assert code in (0, 1), err
    assert "Acme" in out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_sheet_cut_in_half_is_named_not_a_traceback(run_cli, tmp_path, command):
    whole, path = tmp_path / "whole.xlsx", tmp_path / "filled.xlsx"
    workbook = Workbook()
    workbook.active.title = "Checklist"
    workbook.active["A1"] = "Role"
    workbook.save(whole)
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(
                info, data[: len(data) // 2] if info.filename == "xl/worksheets/sheet1.xml" else data
            )
    code, _, err = run_cli(*COMMANDS[command], path)
    assert code == 2
    if command == "rfp":
        assert f"crmwb rfp score: {path}: cannot read: ParseError: unclosed token: line 1, column " in err
    else:
        assert err.splitlines()[0].startswith(
            f"{path}: error: cannot read the checklist: sheet 'Checklist' is "
            "damaged (ParseError: unclosed token: line 1, column "
        )
