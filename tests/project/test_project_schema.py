"""schemas/config.schema.json: generated from the pydantic model, never stale, and usable."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from memo_lint.config_schema import SCHEMA_PATH, config_schema, render_config_schema
from memo_lint.config_validation import ConfigModel

SAMPLE = """
pack = "collegevoorstel"
select = ["ML"]
ignore = ["ML103", "ML8"]
fail-on = "warning"
lang = "en"

[per-file-ignores]
"archief/*.md" = ["ML6"]

[severity]
ML105 = "error"

[types]
"raad/**/*.md" = "raadsvoorstel"

[[overrides]]
files = ["oud/*.txt"]
pack = "informatienota"
select = ["ML1", "ML3"]
ignore = ["ML402"]
"""


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text("utf-8") == render_config_schema(), (
        "schemas/config.schema.json is stale: run python -c "
        "'from memo_lint.config_schema import write_config_schema; write_config_schema()'"
    )


def test_schema_has_every_key_of_the_model_by_its_file_name() -> None:
    properties = config_schema()["properties"]
    expected = {f.alias or name for name, f in ConfigModel.model_fields.items()}
    assert set(properties) == expected
    assert "per-file-ignores" in properties and "fail-on" in properties
    assert all(properties[key].get("description") for key in properties)


def test_sample_config_validates_against_the_schema() -> None:
    table = tomllib.loads(SAMPLE)
    errors = list(_validator().iter_errors(table))
    assert errors == []
    ConfigModel.model_validate(table)  # and the model agrees


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('fail-on = "fatal"', ["fail-on"]),
        ('colour = "red"', []),  # unknown key: additionalProperties false
        ('ignore = ["ML1O3"]', ["ignore", 0]),  # a letter O: neither a code nor a name
        ('[severity]\nML105 = "critical"', ["severity", "ML105"]),
        ("[[overrides]]\nfiles = []", ["overrides", 0, "files"]),
    ],
)
def test_invalid_configs_fail_schema_validation(text: str, where: list[object]) -> None:
    errors = list(_validator().iter_errors(tomllib.loads(text)))
    assert errors, text
    assert any(list(error.absolute_path) == where for error in errors), [
        (list(e.absolute_path), e.message) for e in errors
    ]


def test_schema_is_shipped_inside_the_package() -> None:
    assert SCHEMA_PATH.parent.name == "schemas"
    assert Path(SCHEMA_PATH).is_file()
