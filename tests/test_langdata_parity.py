"""Every per-language data file has its twin in the other language, with the same keys."""

from __future__ import annotations

import tomllib

import pytest

from tapsyrma.corpora import data_path

NAMES = sorted({p.stem for lang in ("ru", "kk") for p in data_path("lang", lang).glob("*.toml")})


def _shape(value, where: str = ""):
    """The key structure of a TOML value: tables by key, arrays of tables entry by entry."""
    if isinstance(value, dict):
        return {key: _shape(item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return [_shape(item, where) for item in value]
    return "value"


def _differences(left, right, where=""):
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(left.keys() ^ right.keys()):
            yield f"{where}.{key}: only in {'ru' if key in left else 'kk'}"
        for key in sorted(left.keys() & right.keys()):
            yield from _differences(left[key], right[key], f"{where}.{key}")
    elif isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            yield f"{where}: {len(left)} entries in ru, {len(right)} in kk"
        for index, (a, b) in enumerate(zip(left, right)):
            yield from _differences(a, b, f"{where}[{index}]")
    elif (left == "value") != (right == "value"):
        yield f"{where}: a value in one language, a table in the other"


@pytest.mark.parametrize("name", NAMES)
def test_russian_and_kazakh_files_have_the_same_keys(name):
    paths = {lang: data_path("lang", lang, f"{name}.toml") for lang in ("ru", "kk")}
    missing = [lang for lang, path in paths.items() if not path.exists()]
    assert not missing, f"{name}.toml has no {', '.join(missing)} twin"
    ru, kk = (tomllib.loads(paths[lang].read_text(encoding="utf-8")) for lang in ("ru", "kk"))
    problems = list(_differences(_shape(ru), _shape(kk)))
    assert not problems, f"{name}.toml differs between ru and kk:\n" + "\n".join(problems)
