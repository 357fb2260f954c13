"""The providers' OpenAPI documents the contract checks read (tests/sandbox/openapi_contract.py)."""

from __future__ import annotations

import pytest

from tests.sandbox.openapi_contract import FILES, MISSING, REQUIRED, SPECS, load


def test_the_providers_openapi_documents_are_here_and_readable() -> None:
    if SPECS is None:
        if REQUIRED:
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    for name, file in FILES.items():
        assert (SPECS / file).is_file(), f"{file} is missing from {SPECS}"
        assert load(name)["paths"], f"{file} documents no paths"
