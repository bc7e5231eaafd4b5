"""briefing: grounded policy briefs from news and documents.

Every fact in a brief carries a verbatim span of its source, checked by code, not the model.

    from briefing import BriefConfig, generate_brief
    brief = generate_brief(["examples/un-cybercrime-convention"], BriefConfig(topic="..."))
    print(brief.markdown)
"""

__version__ = "0.1.0"

from .alignment import Alignment, align_quote  # noqa: E402
from .brief import Brief, generate_brief  # noqa: E402
from .check import Problem, check_brief  # noqa: E402
from .config import BriefConfig  # noqa: E402
from .errors import (  # noqa: E402
    BackendError,
    BriefingError,
    ConfigError,
    EmbeddedModelError,
    OutputError,
    SourceError,
)
from .models import FactSheet, Source, Usage  # noqa: E402
from .pipeline import extract_facts, generate_facts  # noqa: E402
from .render import render_brief  # noqa: E402
from .review_page import render_review_page  # noqa: E402
from .sources import load_sources  # noqa: E402

__all__ = [
    "Alignment",
    "BackendError",
    "Brief",
    "BriefConfig",
    "BriefingError",
    "ConfigError",
    "EmbeddedModelError",
    "FactSheet",
    "OutputError",
    "Problem",
    "Source",
    "SourceError",
    "Usage",
    "__version__",
    "align_quote",
    "check_brief",
    "extract_facts",
    "generate_brief",
    "generate_facts",
    "load_sources",
    "render_brief",
    "render_review_page",
]
