"""Hostile playbooks through the real CLI: each is bad input (exit 2) located at `file:line:col`, never
"internal error" (exit 70), never a hang or a memory blow-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.conftest import assert_bad_input, crmwb, line_col, mini_with

QUOTE = chr(34)


def write(tmp_path: Path, text: str, name: str = "pb.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_impossible_date_in_a_playbook_is_located(tmp_path):
    text = mini_with('version: "0.1"', "version: 2024-13-45")
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, '2024-13-45')}", "not a real date")


def test_integer_past_pythons_digit_limit_is_located(tmp_path):
    text = mini_with("    target: 85", "    target: " + "9" * 5000)
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, '9999')}", "5,000 characters")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+999"])
def test_non_finite_number_in_a_playbook_is_located(tmp_path, value):
    text = mini_with("    target: 85", f"    target: {value}")
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, value)}", "not a finite number")


def test_formula_of_five_thousand_unary_minus_signs_is_located(tmp_path):
    formula = "-" * 5000 + "active"
    text = mini_with("formula: active / licensed * 100", f'formula: "{formula}"')
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(
        result, f"pb.yaml:{line_col(text, QUOTE + formula[:10])}", "kpis[0].formula: formula of 5,006"
    )


def test_short_but_deeply_nested_formula_is_located(tmp_path):
    formula = "-" * 100 + "active"
    text = mini_with("formula: active / licensed * 100", f'formula: "{formula}"')
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, QUOTE + formula[:10])}", "more than 32 deep")


def alias_bomb() -> tuple[str, str]:
    """A 1.1 MB playbook whose aliases of one 1 MB string expand to 20 GB; and where its 2nd alias is."""
    anchor = '        deliverable: &big "' + "A" * 1_000_000 + '"\n'
    aliases = "        checklist: [" + ", ".join(["*big"] * 20_000) + "]\n"
    text = mini_with("        name: Write the RFP\n", "        name: Write the RFP\n" + anchor + aliases)
    second = text.index("*big", text.index("*big") + 1)
    return text, line_col(text, second)


@pytest.mark.parametrize(
    "command", [["validate", "pb.yaml"], ["show", "pb.yaml"], ["export", "pb.yaml", "--out", "out"]]
)
def test_aliases_of_a_big_string_are_refused_at_the_alias(tmp_path, command):
    text, second_alias = alias_bomb()
    write(tmp_path, text)
    result = crmwb(*command, cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{second_alias}", "aliases expand to more than 1,048,576 bytes")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_nested_aliases_are_refused_at_the_alias_that_crosses_the_budget(tmp_path):
    rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefgh", "abcdefg"):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    write(tmp_path, "\n".join(rows) + "\n")
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    # a=11 nodes; each *a adds 11 (110), each *b adds 111 (1,110), each *c 1,111: the 8th *c crosses 10,000
    assert_bad_input(result, "pb.yaml:4:36", "aliases expand to more than 10,000 nodes")


@pytest.mark.parametrize(
    ("raw", "char"), [("\x00", "U+0000 (NUL)"), ("\x07", "U+0007"), ("\x1b", "U+001B (ESC)")]
)
def test_control_character_in_the_file_is_located_by_line_and_column(tmp_path, raw, char):
    text = mini_with("        name: Write the RFP", f"        name: Write{raw} the RFP")
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, raw)}", char)


def test_nul_through_a_double_quoted_escape_is_located(tmp_path):
    text = mini_with("        name: Write the RFP", '        name: "Write\\0 the RFP"')
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, chr(34) + 'Write')}", "U+0000 (NUL)")


def test_very_deep_nesting_is_located(tmp_path):
    write(tmp_path, "a: " + "[" * 100_000 + "\n")
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, "pb.yaml:1:1003", "nesting")


def test_binary_tag_is_refused_with_its_location(tmp_path):
    text = mini_with('version: "0.1"', "version: !!binary aGVsbG8=")
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, f"pb.yaml:{line_col(text, '!!binary')}", "unsupported tag")


def test_nesting_past_the_depth_limit_is_located(tmp_path):
    write(tmp_path, "a: " + "[" * 500 + "]" * 500 + "\n")
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, "pb.yaml:1:204", "nesting deeper than 200 levels")


def test_a_real_date_where_text_is_expected_says_to_quote_it(tmp_path):
    text = mini_with('version: "0.1"', "version: 2024-01-05")
    write(tmp_path, text)
    result = crmwb("validate", "pb.yaml", cwd=tmp_path)
    assert_bad_input(result, "pb.yaml:3:10", "the date 2024-01-05 (quote it if it is text)")
