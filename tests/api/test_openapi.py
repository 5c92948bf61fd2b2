"""A property-based client (schemathesis) against the served OpenAPI document: no server errors, and
every response, error or not, matches what the document declares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks as st_checks
from schemathesis.specs.openapi import checks as oa_checks

from api.conftest import AUTH, TOKEN
from conftest import copy_store
from newsweave import Settings
from newsweave.api import ApiConfig, create_app


@pytest.fixture
def api_schema(seeded_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    store = copy_store(seeded_store, tmp_path_factory.mktemp("schemathesis"))
    app = create_app(Settings(db_path=store), ApiConfig(token=TOKEN), web=False)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.hub.close()


CHECKS = [
    st_checks.not_a_server_error,
    oa_checks.status_code_conformance,
    oa_checks.content_type_conformance,
    oa_checks.response_schema_conformance,
]


def test_the_api_keeps_its_openapi_promises(api_schema: Any) -> None:
    # One test looping over the operations (schemathesis' pytest fixture loader does not run on pytest 9.2).
    failures = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=AUTH, checks=CHECKS)

        try:
            run()
        except Exception as e:
            failures.append(f"{operation.label}: {str(e)[:2000]}")
    assert not failures, "\n\n".join(failures)
