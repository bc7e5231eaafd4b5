"""schemathesis against the OpenAPI description the service serves: no 5xx, and no answer that
the description does not allow (status code, content type, body schema, headers).

Every operation gets valid requests, and invalid ones where it has input that can be invalid: at
most 50 of each, derandomized, so the run is bounded in time and the same every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.fakeserver import FakeOpenAI, echo_model
from tests.liveservice import TOKEN, Api, config_for, live_service, statement

POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
OPERATIONS = [
    ("GET", "/health", POSITIVE),
    ("POST", "/jobs", POSITIVE),
    ("POST", "/jobs", NEGATIVE),
    ("GET", "/jobs", POSITIVE),
    ("GET", "/jobs", NEGATIVE),
    # Any string is a well-formed job id (an unknown one is 404), so these have no invalid input.
    ("GET", "/jobs/{job_id}", POSITIVE),
    ("GET", "/jobs/{job_id}/brief", POSITIVE),
    ("GET", "/jobs/{job_id}/facts", POSITIVE),
    ("GET", "/jobs/{job_id}/review", POSITIVE),
    ("POST", "/jobs/{job_id}/cancel", POSITIVE),
    ("DELETE", "/jobs/{job_id}", POSITIVE),
]


@pytest.fixture(params=[None], ids=["loopback"])
def api(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Api]:
    with FakeOpenAI(responder=echo_model) as model:
        config = config_for(model, tmp_path / "cache")
        with live_service(config, token=request.param, workers=2) as client:
            yield client


def test_every_operation_is_tested(api: Api) -> None:
    described = api.call("GET", "/openapi.json").json()["paths"]
    assert {(method, path) for method, path, _ in OPERATIONS} == {
        (method.upper(), path) for path, methods in described.items() for method in methods
    }


@pytest.mark.parametrize(("method", "path", "mode"), OPERATIONS)
def test_the_api_keeps_its_description(
    api: Api, method: str, path: str, mode: GenerationMode
) -> None:
    check_operation(api, method, path, mode, examples=50)


@pytest.mark.parametrize("api", [TOKEN], ids=["token"], indirect=True)
@pytest.mark.parametrize(
    ("method", "path", "mode"),
    [("POST", "/jobs", POSITIVE), ("GET", "/jobs", POSITIVE), ("GET", "/jobs/{job_id}", POSITIVE)],
)
def test_with_a_token_the_api_keeps_its_description(
    api: Api, method: str, path: str, mode: GenerationMode
) -> None:
    """With a token, the description carries the bearer scheme and 401, and answers fit it."""
    check_operation(api, method, path, mode, examples=15)


def check_operation(api: Api, method: str, path: str, mode: GenerationMode, examples: int) -> None:
    """Run schemathesis' checks on up to ``examples`` generated requests to one operation."""
    # A finished job, so that the answers with results are tested too.
    done = api.call("POST", "/jobs", statement("Alder", 1)).json()["id"]
    api.wait(done)
    headers = {"Authorization": f"Bearer {api.token}"} if api.token else {}
    schema = schemathesis.openapi.from_url(api.base_url + "/openapi.json", headers=headers)
    operation = schema[path][method]
    cases = operation.as_strategy(mode)
    if "{job_id}" in path:  # unknown ids (404) and the finished job's (200, or 409 to cancel)
        cases = cases | operation.as_strategy(mode, path_parameters={"job_id": done})

    @given(case=cases)
    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_its_description(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers)

    keeps_its_description()
