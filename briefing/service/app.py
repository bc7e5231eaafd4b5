"""The HTTP API: routes, bearer-token check, request size bound and error bodies.

FastAPI builds the OpenAPI description from the models in ``models.py``. Every error is JSON in
one shape (``ErrorBody``) and is listed in the description, so a client, and schemathesis, can
rely on it. Handlers are plain functions: FastAPI runs them on its thread pool, which suits the
blocking SQLite calls of the job store.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import SourceError
from ..models import FactSheet
from .jobs import JobResults, JobStore
from .models import (
    FINISHED,
    SOURCE_KINDS,
    ErrorBody,
    Health,
    JobList,
    JobRequest,
    JobState,
    JobStatus,
)
from .runner import JobRunner, job_sources

# The review page is built from untrusted text; it has no script and loads nothing, so say so.
REVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
# Module-level, because handlers' annotations are strings resolved in this module's globals.
_BEARER = HTTPBearer(auto_error=False, description="The value of BRIEFING_SERVICE_TOKEN.")
_HTTP_CODES = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail


class MarkdownResponse(PlainTextResponse):
    media_type = "text/markdown"


def _error(
    status: int, error: str, detail: str, headers: Mapping[str, str] | None = None
) -> Response:
    body = ErrorBody(error=error, detail=detail).model_dump_json()
    return Response(body, status, headers=headers, media_type="application/json")


class RequestGuard:
    """Refuse bodies over ``limit`` bytes (413) before any handler reads them, and mark every
    response as not to be sniffed or cached."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        # Read the body here, bounded, whatever Content-Length claimed (or chunked encoding).
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-content-type-options", b"nosniff"),
                    (b"cache-control", b"no-store"),
                ]
            await send(message)

        await self.app(scope, replay, send_hardened)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = _error(413, "too_large", f"the request body exceeds {self.limit:,} bytes")
        await refusal(scope, receive, send)


def _bearer_check(token: str) -> Any:
    """A dependency that lets a request through only with ``Authorization: Bearer <token>``."""
    expected = token.encode("utf-8")

    def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> None:
        given = credentials.credentials.encode("utf-8") if credentials else b""
        if not hmac.compare_digest(given, expected):  # constant time whatever matches
            raise ApiError(401, "unauthorized", "send the header Authorization: Bearer <token>")

    return Depends(require_token)


def create_app(
    store: JobStore, runner: JobRunner, *, token: str | None, max_request_bytes: int
) -> FastAPI:
    """The API over ``store`` and ``runner``; with a ``token``, every route but /health needs it."""
    guarded = [_bearer_check(token)] if token else []
    errors = functools.partial(_error_responses, auth=bool(token))
    app = FastAPI(
        title="briefing",
        version=__version__,
        summary="Grounded policy briefs: every fact cites a verbatim quote of its source.",
        description="Submit a brief job with its source texts, poll it, then fetch the "
        "Markdown brief, the fact sheet and the review page.",
        docs_url=None,  # the interactive pages load scripts from a CDN; the description is enough
        redoc_url=None,
        openapi_url=None,  # served below, behind the token like every other route
    )
    app.add_middleware(RequestGuard, limit=max_request_bytes)

    @app.exception_handler(ApiError)
    def api_error(request: Request, exc: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _error(exc.status, exc.error, exc.detail, headers)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 400:  # FastAPI's answer to a body that is not UTF-8 JSON
            return _error(422, "invalid_request", f"the body cannot be read: {exc.detail}")
        error = _HTTP_CODES.get(exc.status_code, "http_error")
        return _error(exc.status_code, error, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for problem in exc.errors()[:5]:
            location = [str(part) for part in problem["loc"] if part not in SOURCE_KINDS]
            if location[:1] == ["body"] and len(location) > 1:
                location = location[1:]
            problems.append(f"{'.'.join(location)}: {problem['msg']}")
        return _error(422, "invalid_request", "; ".join(problems) or "invalid request")

    def find(job_id: str) -> JobStatus:
        status = store.get(job_id)
        if status is None:
            raise ApiError(404, "not_found", f"no job {job_id!r}")
        return status

    def results(job_id: str) -> JobResults:
        status = find(job_id)
        stored = store.results(job_id) if status.status == "done" else None
        if stored is None:
            why = f": {status.error}" if status.error else ""
            raise ApiError(
                409, "not_ready", f"job {job_id} is {status.status}{why}; results exist once done"
            )
        return stored

    @app.get("/health", response_model=Health)
    def health() -> Health:
        counts = store.counts()
        return Health(
            status="ok",
            version=__version__,
            workers=runner.workers,
            queued=counts.get("queued", 0),
            running=counts.get("running", 0),
        )

    @app.get("/openapi.json", include_in_schema=False, dependencies=guarded)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.post(
        "/jobs",
        status_code=202,
        response_model=JobStatus,
        dependencies=guarded,
        responses=errors(401, 409, 413, 422),
        summary="Submit a brief job",
    )
    def submit(request: JobRequest, response: Response) -> JobStatus:
        """Queue a job; poll ``GET /jobs/{id}`` until its status is done, failed or cancelled."""
        try:
            # Fail now, not in the queue, when a text has nothing left; files are read in the job.
            job_sources(request, files=False)
        except SourceError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from None
        since = request.options.since
        earlier = store.get(since) if since is not None else None
        if since is not None and (earlier is None or earlier.status != "done"):
            message = f"options.since: no finished job {since!r} (it must be done, not deleted)"
            raise ApiError(409, "since_not_done", message)
        status = store.add(request)
        runner.submit(status.id)
        response.headers["Location"] = f"/jobs/{status.id}"
        return status

    @app.get(
        "/jobs",
        response_model=JobList,
        dependencies=guarded,
        responses=errors(401, 422),
        summary="List jobs, newest first",
    )
    def list_jobs(
        status: Annotated[JobState | None, Query(description="Only jobs in this state.")] = None,
        limit: Annotated[int, Query(ge=1, le=1000, description="At most this many.")] = 100,
    ) -> JobList:
        return JobList(jobs=store.jobs(status, limit))

    @app.get(
        "/jobs/{job_id}",
        response_model=JobStatus,
        dependencies=guarded,
        responses=errors(401, 404, 422),
        summary="A job's status and progress",
    )
    def get_job(job_id: str) -> JobStatus:
        return find(job_id)

    @app.get(
        "/jobs/{job_id}/brief",
        response_class=MarkdownResponse,
        dependencies=guarded,
        responses={
            200: {"content": {"text/markdown": {"schema": {"type": "string"}}}},
            **errors(401, 404, 409, 422, json_route=False),
        },
        summary="The brief, in Markdown",
    )
    def get_brief(job_id: str) -> MarkdownResponse:
        return MarkdownResponse(results(job_id).brief)

    @app.get(
        "/jobs/{job_id}/facts",
        response_model=None,
        dependencies=guarded,
        responses={
            200: {"model": FactSheet, "description": "The fact sheet (`generate --json`)."},
            **errors(401, 404, 409, 422),
        },
        summary="The fact sheet",
    )
    def get_facts(job_id: str) -> Response:
        return Response(results(job_id).facts, media_type="application/json")

    @app.get(
        "/jobs/{job_id}/review",
        response_class=HTMLResponse,
        dependencies=guarded,
        responses={
            200: {"content": {"text/html": {"schema": {"type": "string"}}}},
            **errors(401, 404, 409, 422, json_route=False),
        },
        summary="The review page (`generate --html`)",
    )
    def get_review(job_id: str) -> HTMLResponse:
        page = results(job_id).review
        return HTMLResponse(page, headers={"Content-Security-Policy": REVIEW_POLICY})

    @app.post(
        "/jobs/{job_id}/cancel",
        response_model=JobStatus,
        dependencies=guarded,
        responses=errors(401, 404, 409, 422),
        summary="Cancel a job",
    )
    def cancel(job_id: str) -> JobStatus:
        """A queued job is cancelled at once. A running one stops after the chunk it is reading
        (``cancel_requested`` is true until then); it may still finish first."""
        status = find(job_id)
        if status.status in FINISHED and status.status != "cancelled":
            raise ApiError(409, "already_finished", f"job {job_id} is already {status.status}")
        updated = store.request_cancel(job_id)
        runner.cancel(job_id)
        return updated or status

    @app.delete(
        "/jobs/{job_id}",
        status_code=204,
        response_class=Response,
        dependencies=guarded,
        responses=errors(401, 404, 409, 422),
        summary="Delete an ended job and its results",
    )
    def delete(job_id: str) -> Response:
        """A done, failed or cancelled job is removed with its brief, fact sheet and review
        page; a queued or running one must be cancelled (and have stopped) first."""
        status = find(job_id)
        if not store.delete(job_id):
            raise ApiError(409, "not_finished", f"job {job_id} is {status.status}; cancel it first")
        return Response(status_code=204)

    return app


_ERRORS = {
    401: "The bearer token is missing or wrong.",
    404: "No job with this id.",
    409: "The job has no results (yet), has already finished, or has not finished; or, on "
    "submitting, the job options.since names has no results.",
    413: "The request body is larger than --max-request-bytes.",
    422: "The request does not fit this description.",
}


def _error_responses(*codes: int, auth: bool, json_route: bool = True) -> dict[int | str, Any]:
    """A route's documented errors, all ``ErrorBody`` JSON. On a route whose success is not
    JSON the body is named by reference: a ``model`` would take on the route's media type."""
    listed = [code for code in codes if auth or code != 401]
    if json_route:
        return {code: {"model": ErrorBody, "description": _ERRORS[code]} for code in listed}
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    return {code: {"description": _ERRORS[code], "content": body} for code in listed}
