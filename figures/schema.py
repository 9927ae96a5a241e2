"""Validate the data file against its JSON Schema, explained in one paragraph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError, best_match

from .errors import FigureDataError, closest
from .files import read_text
from .yamlfile import YamlDocument

_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "object": "a mapping of keys to values",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}


def load_schema(path: Path, display_name: str | None = None) -> dict[str, Any]:
    name = display_name or str(path)
    try:
        return json.loads(read_text(path, name, "the schema"))
    except json.JSONDecodeError as error:
        raise FigureDataError(f"the schema is not valid JSON ({error.msg})", file=name, line=error.lineno) from None


def validate(document: YamlDocument, schema: dict[str, Any], schema_name: str = "the schema") -> None:
    """Raise FigureDataError for the most relevant violation, if any.

    The schema is held to JSON Schema's own only when validating with it
    fails: that check takes longer than the validation (50 ms of each
    build), and tests/test_figure_layer.py holds every schema to it."""
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    try:
        errors = list(validator.iter_errors(document.data))
    except Exception:
        _check_schema(schema, schema_name)
        raise
    if not errors:
        return
    error = best_match(errors)
    key, problem, expected, suggestion = _explain(error)
    others = len(errors) - 1
    if others:
        problem += f" ({others} more problem{'s' if others > 1 else ''} reported by the schema)"
    raise FigureDataError(
        problem, file=document.file, line=document.line_of(key), key=key, expected=expected, suggestion=suggestion
    )


def _check_schema(schema: dict[str, Any], schema_name: str) -> None:
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "its top level"
        raise FigureDataError(
            f"the schema is not a valid JSON Schema at {where} ({error.message})",
            file=schema_name,
            expected="a JSON Schema (draft 2020-12)",
        ) from None


def _explain(error: ValidationError) -> tuple[tuple, str, str | None, str | None]:
    key = tuple(error.absolute_path)
    instance, schema = error.instance, error.schema
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        allowed = schema.get("properties", {})
        unknown = [name for name in instance if name not in allowed]
        for name in missing:
            typo = closest(name, unknown)
            if typo:
                return (key + (typo,), f"unknown field '{typo}'", f"the required field '{name}'", name)
        description = _describe(allowed.get(missing[0]))
        expected = f"the field '{missing[0]}'" + (f": {description}" if description else "")
        return key, f"missing required field '{missing[0]}'", expected, None
    if error.validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        name = next(name for name in instance if name not in allowed)
        return (key + (name,), f"unknown field '{name}'", "one of " + ", ".join(allowed), closest(name, allowed))
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return (key, f"wrong type: got {_show(instance)}", " or ".join(_TYPE_NAMES.get(t, t) for t in wanted), None)
    if error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        return (
            key,
            f"{_show(instance)} is not an allowed value",
            "one of " + ", ".join(repr(a) for a in allowed),
            closest(str(instance), [str(a) for a in allowed]),
        )
    if error.validator == "pattern":
        return key, f"{_show(instance)} has the wrong form", _describe(schema), None
    if error.validator == "propertyNames":
        return key, f"{error.message}", "ids in lowercase letters, digits and hyphens", None
    return key, error.message, _describe(schema), None


def _describe(schema: dict[str, Any] | None) -> str | None:
    """The schema's own words for a field, which double as its documentation."""
    if not schema:
        return None
    description = schema.get("description")
    if not description:
        return None
    # Continues "expected …": "The number as …" reads "expected the number as …".
    return (description[0].lower() + description[1:]).rstrip(".")


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
