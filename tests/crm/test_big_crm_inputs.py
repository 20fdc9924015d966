"""Huge and hostile live-CRM exports through the real `crmwb audit --from`: each is exit 2 with a located
message (never exit 70, never drift), and archives are read within a budget (the heavy ones in a child
process under a 1 GiB address-space limit, with the cap lowered so the inputs stay small)."""

from __future__ import annotations

import json
import os
import struct
import zipfile

import pytest

from tests.limited_cli import run_limited

NS = "http://soap.sforce.com/2006/04/metadata"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from workbench.cli.main import main

    out = tmp_path_factory.mktemp("export")
    assert main(["crm-export", "core", "--to", "espocrm,suitecrm", "--out", str(out)]) == 0
    return out


def test_an_integer_of_5000_digits_is_located_not_a_traceback(run_cli, tmp_path):
    path = tmp_path / "roles.json"
    path.write_text('[\n  {"name": "CRM_director",\n   "revision": ' + "9" * 5000 + ',\n   "data": {}}\n]\n')
    code, out, err = run_cli("audit", "core", "--from", "espocrm", path)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"{path}:3:16: error: a number of 5,000 digits; expected Role records (names, levels, yes/no)"
    )


def test_thousands_of_problems_are_each_at_their_line_and_capped(run_cli, tmp_path):
    """5,000 roles, each a bad value, a warning about entities left unset and (after the first) one about
    the duplicate: 14,999 problems, each located through line starts found once; the first 1,000 are kept
    (the bad values of roles 0 to 333 among them) and printed, the rest counted."""
    roles = [{"name": "CRM_director", "exportPermission": f"maybe{i}", "data": {}} for i in range(5000)]
    path = tmp_path / "roles.json"
    path.write_text("[\n" + ",\n".join(json.dumps(role) for role in roles) + "\n]\n")
    code, _, err = run_cli("audit", "core", "--from", "espocrm", path)
    located = [line for line in err.splitlines() if "exportPermission is" in line]
    assert code == 2 and len(located) == 334
    assert located[0] == f"{path}:2:26: error: exportPermission is 'maybe0'; expected yes, no or not-set"
    assert located[-1] == f"{path}:335:26: error: exportPermission is 'maybe333'; expected yes, no or not-set"
    assert f"{path}: error: 13,999 more problem(s) not shown; fix these and run again" in err.splitlines()


def test_a_nul_in_a_suitecrm_role_name_is_bad_input_not_drift(run_cli, exported):
    acl = exported / "suitecrm" / "suitecrm_acl.csv"
    lines = acl.read_text(encoding="utf-8").splitlines()
    acl.write_text("\n".join(lines + ["CRM_dir\x00ector,Leads,access,89"]) + "\n", encoding="utf-8")
    code, out, err = run_cli("audit", "core", "--from", "suitecrm", acl)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"{acl}:{len(lines) + 1}:8: error: a control character U+0000; expected text "
        "(names and values never hold one: is the export damaged?)"
    )
    assert "unknown" not in err


def test_a_nul_in_an_espocrm_role_name_is_bad_input_not_drift(run_cli, tmp_path):
    path = tmp_path / "roles.json"
    path.write_text('[{"name": "CRM_dir\\u0000ector", "data": {}}]\n')
    code, out, err = run_cli("audit", "core", "--from", "espocrm", path)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"{path}:1:3: error: the name 'CRM_dir\\x00ector' holds a control character; "
        "expected the role's name as text"
    )


def permission_set(name: str, padding: int) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="{NS}">\n<label>{name}</label>\n'
        + " " * padding
        + "</PermissionSet>\n"
    ).encode()


def test_an_archive_over_its_total_budget_is_refused_from_its_declared_sizes(tmp_path):
    """60 members of 1 MiB each pass the per-member cap; together they are over the archive's 20 MiB."""
    path = tmp_path / "package.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(60):
            archive.writestr(f"permissionsets/Set{n}.permissionset", permission_set(f"Set{n}", 1 << 20))
    declared = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    result = run_limited(
        "audit",
        "core",
        "--from",
        "salesforce",
        path,
        patch="import workbench.loading.crm as c; c.MAX_ARCHIVE_BYTES = 20 << 20",
    )
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{path}: error: its files declare {declared:,} bytes unpacked, over "
        "the limit of 20,971,520; expected a smaller archive (is this a zip "
        "bomb?)"
    )


def test_a_member_that_lies_about_its_size_is_not_inflated_past_it(tmp_path):
    """The headers say 1,000 bytes; the data inflates to 50 MB: reading stops at the declared size."""
    path = tmp_path / "package.zip"
    name = "permissionsets/Liar.permissionset"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as member:
        member.write(permission_set("Liar", 0)[:-17])
        for _ in range(50):
            member.write(b" " * (1 << 20))
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)
    struct.pack_into("<I", data, central + 24, 1000)
    path.write_bytes(bytes(data))
    result = run_limited("audit", "core", "--from", "salesforce", path)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{path}!{name}: error: cannot unpack: Bad CRC-32")


def test_a_damaged_member_is_located_at_the_member(tmp_path):
    path = tmp_path / "package.zip"
    name = "permissionsets/Broken.permissionset"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, permission_set("Broken", 100_000))
    data = bytearray(path.read_bytes())
    start = data.index(b"PK\x03\x04") + 30 + len(name)
    data[start + 10 : start + 60] = b"\xff" * 50
    path.write_bytes(bytes(data))
    result = run_limited("audit", "core", "--from", "salesforce", path)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{path}!{name}: error: cannot unpack: ")


@pytest.mark.parametrize(
    "target,name",
    [
        ("salesforce", "package.zip"),
        ("espocrm", "roles.json"),
        ("suitecrm", "suitecrm_acl.csv"),
        ("odoo", "ir.model.access.csv"),
    ],
)
def test_a_fifo_is_refused_not_waited_on(tmp_path, target, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = run_limited("audit", "core", "--from", target, fifo)
    assert result.returncode == 2, result.stderr
    assert "not a regular file (a pipe, device or socket); expected a regular file" in result.stderr


def test_a_link_to_dev_zero_is_refused_not_read_forever(tmp_path):
    link = tmp_path / "roles.json"
    link.symlink_to("/dev/zero")
    result = run_limited("audit", "core", "--from", "espocrm", link)
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr


def test_a_member_of_millions_of_tiny_elements_is_refused_at_the_element_cap(tmp_path):
    """30 MiB of `<a/>` is under every byte cap, but as a located tree it would take 2 GB."""
    path = tmp_path / "package.zip"
    name = "permissionsets/Tiny.permissionset"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as member:
        member.write(f'<PermissionSet xmlns="{NS}">\n'.encode())
        for _ in range(30):
            member.write(b"<a/>" * (1 << 18))
        member.write(b"</PermissionSet>\n")
    result = run_limited("audit", "core", "--from", "salesforce", path)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{path}!{name}:2:4000001: error: over 1,000,000 XML elements; expected "
        "a permission file (is this an XML bomb?)"
    )


def test_millions_of_empty_objects_are_refused_at_the_object_cap(tmp_path):
    """`[{},{},...]` of 30 MB is under the file limit; as located objects it would take gigabytes."""
    path = tmp_path / "roles.json"
    path.write_text("[\n" + "{}," * (10 << 20) + "{}]\n")
    result = run_limited("audit", "core", "--from", "espocrm", path)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{path}:2:1500001: error: over 500,000 JSON objects; expected Role records (is this a JSON bomb?)"
    )
