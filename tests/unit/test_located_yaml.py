"""The safe YAML reader: locations, and the inputs PyYAML would let through silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.loading.located_yaml import LDict, LList, YamlError, parse_yaml, read_yaml


def test_values_remember_line_and_column():
    data = parse_yaml("a: 1\nitems:\n  - x\n  - {id: y, n: 2}\n", "f.yaml")
    assert isinstance(data, LDict) and isinstance(data["items"], LList)
    assert (data.value_locs["a"].line, data.value_locs["a"].column) == (1, 4)
    assert data["items"].item_locs[1].line == 4
    assert data["items"][1].value_locs["n"].column == 16


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(YamlError) as err:
        parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert err.value.loc.line == 3
    assert "first defined at line 1" in err.value.message


def test_alias_bomb_is_refused():
    bomb = "a: &a [" + ", ".join(["x"] * 20) + "]\n"
    for name, prev in zip("bcdef", "abcde"):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 20) + "]\n"
    with pytest.raises(YamlError, match="aliases expand"):
        parse_yaml(bomb, "bomb.yaml")


def test_small_alias_use_is_allowed():
    data = parse_yaml("base: &b {x: 1}\ncopy: *b\n", "f.yaml")
    assert data["copy"] == {"x": 1}


def test_recursive_alias_is_refused():
    with pytest.raises(YamlError, match="recursive"):
        parse_yaml("a: &a\n  - *a\n", "f.yaml")


def test_python_tags_are_not_constructed():
    with pytest.raises(YamlError):
        parse_yaml("a: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n")
    with pytest.raises(YamlError, match="limit"):
        read_yaml(path, max_bytes=100)


def test_utf8_bom_is_accepted_and_other_encodings_located(tmp_path):
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufeffname: کارشناس\n".encode())
    assert read_yaml(good) == {"name": "کارشناس"}
    bad = tmp_path / "cp1251.yaml"
    bad.write_bytes("a: 1\nname: Менеджер\n".encode("cp1251"))
    with pytest.raises(YamlError) as err:
        read_yaml(bad)
    assert "UTF-8" in err.value.message and err.value.loc.line == 2


def test_missing_file_is_a_clean_error(tmp_path):
    with pytest.raises(YamlError, match="cannot read"):
        read_yaml(tmp_path / "nope.yaml")


def test_bundled_playbooks_read_the_same_without_libyaml():
    """Users whose PyYAML lacks the C parser must get the same playbooks."""
    import yaml

    from workbench.loading.catalog import bundled_dir

    paths = sorted(bundled_dir().glob("*.yaml")) + [Path(__file__).parent.parent / "data" / "mini.yaml"]
    assert bundled_dir() / "core.yaml" in paths
    for path in paths:
        fast = read_yaml(path)
        slow = read_yaml(path, loader=yaml.SafeLoader)
        assert fast == slow, path
