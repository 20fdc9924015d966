"""Hostile and huge activity exports through the real `crmwb import-activity`: each is refused with exit 2
and a `file:line:col` message, records nothing, and is read within bounded memory (the big ones run in a
child process under a 1 GiB address-space limit)."""

from __future__ import annotations

import os

import pytest

from tests.limited_cli import REPORT_PEAK_MEMORY, peak_memory_kib, run_limited

from .kpi_helpers import engagement, measurements

AS_OF = "2025-03-31"
HEADER = "user,role,last_login,logins,activities_logged\n"


def rows(count: int, start: int = 0, pad: str = "") -> str:
    return "".join(
        f"user{i:06d}{pad},Sales,2025-03-{1 + i % 28:02d},{i % 9},{i % 7}\n"
        for i in range(start, start + count)
    )


def refused(run_cli, tmp_path, path) -> str:
    folder = engagement(tmp_path)
    code, out, err = run_cli("import-activity", folder, path, "--date", AS_OF)
    assert (code, out) == (2, ""), err
    assert measurements(folder) == []
    assert "nothing was recorded" in err
    return err.splitlines()[0]


def test_a_stray_quote_is_located_at_the_quote_not_a_traceback(run_cli, tmp_path):
    path = tmp_path / "stray.csv"
    # long lines: the csv module's 131,072-character field limit is reached within the record-lines cap
    path.write_text(HEADER + rows(3) + 'user_x,"Sales,2025-03-01,3,1\n' + rows(2000, 3, pad="x" * 200))
    first = refused(run_cli, tmp_path, path)
    assert first == (
        f'{path}:5:8: error: a value over 131,072 characters from line 5 on: a stray " opens a '
        'quoted value that never closes; expected quotes in pairs, a " inside a value written twice'
    )


def test_a_stray_quote_in_short_lines_is_located_too(run_cli, tmp_path):
    path = tmp_path / "stray.csv"
    path.write_text(HEADER + rows(3) + 'user_x,Sales,"2025-03-01,3,1\n' + rows(5000, 3))
    first = refused(run_cli, tmp_path, path)
    assert first.startswith(
        f"{path}:5:14: error: a quoted value opened on line 5 runs over 1,000 lines (a stray"
    )


def test_a_nul_byte_after_the_first_4_kib_is_located(run_cli, tmp_path):
    path = tmp_path / "nul.csv"
    body = rows(300)
    assert len(body) > 4096
    path.write_bytes(
        (HEADER + body).encode() + b"user_nul,Sal\x00es,2025-03-01,1,1\n" + rows(3, 400).encode()
    )
    first = refused(run_cli, tmp_path, path)
    assert first == (
        f"{path}:302:13: error: a NUL byte (\\x00): this is not a text export; expected CSV text "
        "in UTF-8, cp1251 or cp1256"
    )


def test_an_undecodable_byte_far_into_a_cp1251_file_is_located(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(
        "workbench.loading.activity_encoding.SAMPLE_BYTES", 4096
    )  # the byte is past the sample
    path = tmp_path / "mixed.csv"
    head = (
        "Пользователь,Отдел,last_login,logins,activities_logged\n"
        + "".join(f"Иванов{i},Отдел продаж,2025-03-01,3,1\n" for i in range(200))
    ).encode("cp1251")
    path.write_bytes(head + b"bad\x98,Sales,2025-03-01,3,1\n")  # 0x98 is no character in cp1251
    first = refused(run_cli, tmp_path, path)
    assert first.startswith(f"{path}:202:4: error: byte 0x98 is not cp1251 like the rest of the file")


def test_a_line_of_megabytes_is_refused_at_its_line(run_cli, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(HEADER + rows(2) + "x" * (1 << 21) + "\n")
    first = refused(run_cli, tmp_path, path)
    assert first == f"{path}:4:1048577: error: line 4 is over 1,048,576 characters; expected one row per user"


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    folder = engagement(tmp_path)
    result = run_limited("import-activity", folder, fifo, "--date", AS_OF)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{fifo}: error: the file is not a regular file (a pipe, device or socket); expected a regular file"
    )


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/stdin"])
def test_a_link_to_a_device_is_refused_not_read_forever(tmp_path, target):
    link = tmp_path / "export.csv"
    link.symlink_to(target)
    result = run_limited("import-activity", engagement(tmp_path), link, "--date", AS_OF)
    assert result.returncode == 2, result.stderr
    assert "is not a regular file" in result.stderr.splitlines()[0]


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(HEADER + rows(50_000))  # ~2 MB, over a limit lowered to 1 MiB
    result = run_limited(
        "import-activity",
        engagement(tmp_path),
        path,
        "--date",
        AS_OF,
        patch="import workbench.loading.activity_csv as m; m.MAX_BYTES = 1 << 20",
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[0].startswith(
        f"{path}: error: the file is {path.stat().st_size:,} bytes, over the limit of 1 MiB"
    )


def test_a_big_export_streams_in_bounded_memory(tmp_path):
    """240,000 users (16 MB) cost the reader less than 48 MB more than 1,000 users do. The old reader held
    the text, its lines and every row: over 1 GiB for 1.2 million users, so over 200 MB for these, which
    this bound catches without writing and reading 1.2 million rows (the 1 GiB limit still guards)."""
    sizes = {}
    for users in (1_000, 240_000):
        path = tmp_path / f"export-{users}.csv"
        with path.open("w") as out:
            out.write(HEADER)
            for block in range(0, users, 10_000):
                out.write(rows(min(10_000, users - block), block, pad="@example.com.long-domain-name-here"))
        folder = engagement(tmp_path / str(users))
        result = run_limited(
            "import-activity", folder, path, "--date", AS_OF, "--json", patch=REPORT_PEAK_MEMORY
        )
        assert result.returncode == 0, result.stderr
        assert f'"users": {users}' in result.stdout
        assert {m.kpi_id for m in measurements(folder)} >= {"active_user_rate"}
        sizes[users] = peak_memory_kib(result)
    assert sizes[240_000] - sizes[1_000] < 48 * 1024, sizes
