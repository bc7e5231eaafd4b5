"""The HTTP service behind ``briefing serve``: brief jobs over a JSON API.

Modules, one job each: ``models`` (the API's bodies, hence its OpenAPI description), ``jobs``
(the SQLite job store), ``runner`` (the worker pool), ``app`` (routes, auth, limits) and
``server`` (listening, the shared model endpoint, uvicorn).
"""

from .server import ServiceOptions, running_service, serve

__all__ = ["ServiceOptions", "running_service", "serve"]
