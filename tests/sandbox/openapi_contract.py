"""Check a sandbox response against the provider's official OpenAPI document.

The documents live outside the repository: ``CLERA_SPECS_DIR``, else ``../shared/specs`` beside
the checkout (the team's workspace). In a clone without them the SDK tests still run, their
contract checks are left out, and tests/sandbox/test_openapi_documents.py is skipped with the
reason. ``CLERA_REQUIRE_SPECS=1`` (set by .ci/run) makes their absence a failure instead.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

WORKSPACE_SPECS = Path(__file__).resolve().parents[3] / "shared" / "specs"
MISSING = ("The providers' OpenAPI documents are not here, so the sandbox's answers were not checked against "
           "them: set CLERA_SPECS_DIR to a folder holding them (the team keeps them in ../shared/specs).")


def _specs_dir() -> Path | None:
    chosen = os.environ.get("CLERA_SPECS_DIR", "").strip()
    folder = Path(chosen) if chosen else WORKSPACE_SPECS
    return folder if folder.is_dir() else None


SPECS = _specs_dir()
REQUIRED = os.environ.get("CLERA_REQUIRE_SPECS", "").strip().lower() in ("1", "true", "yes")
FILES = {
    "snaptrade": "snaptrade-openapi.yaml",
    "snaptrade-before-removals": "snaptrade-openapi-before-2026-08-removals.yaml",
    "plaid": "plaid-openapi-2020-09-14.yml",
    "alpaca-trading": "alpaca-trading-api.json",
    "alpaca-data": "alpaca-market-data-api.json",
}


def _honour_nullable(node: Any) -> Any:
    """Read ``nullable: true`` as the spec authors mean it.

    The providers' documents mark composed schemas (``allOf: [$ref]``) and enums as nullable,
    and their APIs send ``null`` there; a strict OpenAPI 3.0 validator ignores ``nullable`` next
    to ``allOf`` and outside an enum's values. So: nullable composed schemas become
    ``anyOf[null, schema]`` and nullable enums list ``null``. Nothing else is loosened.
    """
    if isinstance(node, list):
        return [_honour_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _honour_nullable(value) for key, value in node.items()}
    if node.get("nullable") is True:
        if "enum" in node and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]
        if any(key in node for key in ("allOf", "oneOf", "anyOf", "$ref")):
            inner = {key: value for key, value in node.items() if key != "nullable"}
            return {"anyOf": [{"enum": [None]}, inner]}
    return node


@functools.cache
def load(name: str) -> dict[str, Any]:
    assert SPECS is not None
    path = SPECS / FILES[name]
    text = path.read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(text, Loader=loader) if path.suffix != ".json" else json.loads(text)
    # Round-trip through JSON so YAML dates/times become strings, as JSON Schema expects.
    return _honour_nullable(json.loads(json.dumps(raw, default=str)))


@functools.cache
def _registry(name: str) -> Registry:
    return Registry().with_resource(f"urn:{name}", Resource.from_contents(load(name), default_specification=DRAFT4))


def _template_for(spec: dict[str, Any], method: str, path: str) -> str:
    candidates = []
    for template, operations in spec["paths"].items():
        if method.lower() not in operations:
            continue
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            candidates.append((template.count("{"), template))
    if not candidates:
        raise AssertionError(f"{method} {path} is not in the spec")
    return min(candidates)[1]


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def check(name: str, method: str, path: str, status: int, body: Any) -> str:
    """Validate ``body``; returns the spec path template it was checked against ("" when the
    documents are not here: see the module's docstring)."""
    if SPECS is None:
        if REQUIRED:
            pytest.fail(MISSING)
        return ""
    spec = load(name)
    template = _template_for(spec, method, path)
    responses = spec["paths"][template][method.lower()]["responses"]
    key = str(status) if str(status) in responses else "default"
    if key not in responses:
        raise AssertionError(f"{method} {template} documents no {status} response")
    response = responses[key]
    if "$ref" in response:
        response = load(name)["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
        pointer = None
    content = response.get("content", {}).get("application/json")
    if content is None or "schema" not in content:
        return template
    pointer = _pointer("paths", template, method.lower(), "responses", key, "content", "application/json", "schema")
    schema = {"$ref": f"urn:{name}#/{pointer}"} if "$ref" not in responses[key] else content["schema"]
    validator = OAS30Validator(schema, registry=_registry(name))
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    if errors:
        details = "\n".join(f"  at {list(e.path)}: {e.message[:300]}" for e in errors[:10])
        raise AssertionError(f"{method} {path} ({template}) does not match the spec:\n{details}")
    return template
