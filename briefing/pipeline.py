"""Wire the stages together: load -> clean -> chunk -> extract -> ground -> consolidate ->
stance check -> bottom line.

Data flows one way. Sources are read and cleaned once; every later stage works on the typed
values of the stage before it. Rendering is separate (``render.render_brief``), so a saved fact
sheet can be rendered again without a model.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from . import __version__
from .bottom_line import BottomLine, write_bottom_line
from .chunking import Chunk, chunk_source
from .config import BriefConfig, Progress, no_progress, open_cache, open_endpoint
from .consolidate import consolidate, find_conflicts
from .dates import published_day
from .errors import BackendError, InvalidAnswerError, SourceError
from .extract import extract_chunk
from .grounding import GroundedChunk, ground_chunk
from .llm import ChatClient, Endpoint
from .mentions import count_mentions
from .models import FactSheet, RunInfo, Source
from .prompting import prompt_version
from .render import plural
from .roles import fold_raisers, fold_spokespeople, read_roles
from .source_index import index_sources
from .sources import load_sources
from .stance import check_stances

log = logging.getLogger("briefing")


def default_topic(sources: Sequence[Source]) -> str:
    """The longest run of words all titles share ("UN cybercrime treaty"), else the first title.

    Headlines are often questions or full sentences; the shared run names the subject itself.
    """
    titles = [re.findall(r"[\w'’-]+", source.title) for source in sources]
    first = titles[0]
    if len(titles) > 1:
        lowered = [" " + " ".join(words).lower() + " " for words in titles[1:]]
        for size in range(min(len(first), 8), 1, -1):
            for start in range(len(first) - size + 1):
                run = first[start : start + size]
                probe = " " + " ".join(run).lower() + " "
                if all(probe in other for other in lowered) and run[-1].lower() not in _TAIL_WORDS:
                    return "the " + " ".join(run) if run[0].lower() != "the" else " ".join(run)
    return sources[0].title


_TAIL_WORDS = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "from"}


def extract_facts(
    sources: Sequence[Source],
    endpoint: Endpoint,
    config: BriefConfig,
    progress: Progress = no_progress,
) -> FactSheet:
    """Run extraction and grounding over already-loaded sources against one endpoint."""
    if not sources:
        raise SourceError("no sources to read")
    topic = config.topic or default_topic(sources)
    if not config.topic:
        # A headline as the topic misleads the stance questions; say which one is used.
        progress(f"topic: {topic} (from the source titles; --topic names it)")
    work = [
        (source, chunk)
        for source in sources
        for chunk in chunk_source(
            source, max_chars=config.chunk_chars, overlap_sentences=config.overlap_sentences
        )
    ]
    indexes = index_sources(sources, topic)
    cite = config.cite or endpoint.cite
    cache = open_cache(config)
    client = ChatClient(
        endpoint,
        retry=config.retry,
        max_reasks=config.max_reasks,
        max_tokens=config.max_tokens,
        cache=cache,
    )
    done = 0
    skipped: list[str] = []
    lock = threading.Lock()

    def process(item: tuple[Source, Chunk]) -> GroundedChunk:
        nonlocal done
        source, chunk = item
        chunk_started = time.monotonic()
        try:
            drafts = extract_chunk(
                client,
                chunk,
                topic,
                cite=cite,
                quote_feedback=config.quote_feedback,
                source_text=source.text,
                turns=indexes[source.id].turns_within(chunk.start, chunk.end),
                weekdays=published_day(source.published) is not None,
            )
        except InvalidAnswerError as exc:
            # One chunk the model cannot answer must not cost the whole run: say so instead.
            with lock:
                skipped.append(f"{source.id} chunk {chunk.index + 1}: {exc}")
                log.warning("skipped chunk %d of %s: %s", chunk.index + 1, source.title[:48], exc)
            return GroundedChunk()
        result = ground_chunk(indexes[source.id], chunk, drafts.extraction)
        result.rejected[:0] = drafts.rejected
        with lock:
            done += 1
            found = (
                f"{plural(len(result.positions), 'position')}, {plural(len(result.risks), 'risk')}"
                f", {plural(len(result.events), 'event')}"
            )
            progress(
                f"[{done}/{len(work)}] {source.title[:48]}: {found} grounded, "
                f"{len(result.rejected)} rejected ({time.monotonic() - chunk_started:.0f} s)"
            )
        return result

    pool = ThreadPoolExecutor(max_workers=config.concurrency)
    try:
        # Results come back in chunk order whatever the concurrency, so consolidation, ids and
        # the brief depend only on the model's answers.
        grounded = list(pool.map(process, work))
        actors, positions, risks, events = consolidate(grounded, [s.text for s in sources])
        actors = count_mentions(sources, actors, config.also_named)
        actors = read_roles([indexes[source.id] for source in sources], actors)
        # Before the stance questions: a row left out needs none.
        positions = fold_spokespeople(positions, actors)
        risks = fold_raisers(risks, actors)
        if config.stance_check and positions:
            positions = check_stances(
                client, positions, actors, indexes, topic, progress, config.concurrency
            )
            # and a body's row the stance questions brought to its speaker's labels
            positions = fold_spokespeople(positions, actors)
        conflicts = find_conflicts(actors, positions, risks, events)
        sheet = FactSheet(
            topic=topic,
            sources=list(sources),
            actors=actors,
            positions=positions,
            risks=risks,
            events=events,
            conflicts=conflicts,
            rejected=[rejected for chunk in grounded for rejected in chunk.rejected],
            run=RunInfo(
                briefing_version=__version__,
                model=endpoint.model,
                endpoint=endpoint.display,
                prompt_version=prompt_version(),
                chunks=len(work),
                skipped_chunks=sorted(skipped),
                usage=client.usage,
            ),
        )
        if config.bottom_line:
            written = write_bottom_line(client, sheet)
            progress(
                f"bottom line: {len(written.sentences)} "
                f"sentence{'' if len(written.sentences) == 1 else 's'} kept"
                + (f" ({written.cut} cut short)" if written.cut else "")
                + f", {len(written.rejected) - written.cut} dropped"
                + ("" if written.status == "model" else f"; {written.status}")
            )
        else:
            written = BottomLine([], [], "code: turned off")
    except BackendError as exc:
        if cache is None or not cache.enabled:
            raise
        # Every answer received so far is in the cache: say so, so that nobody starts over.
        raise type(exc)(
            f"{exc}; the {client.usage.calls + client.usage.cached} answers received are "
            "cached, so running the same command again resumes from there"
        ) from None
    finally:
        # On Ctrl-C or an error, do not wait for queued chunks: stop now, keep nothing partial.
        pool.shutdown(wait=False, cancel_futures=True)
        client.close()
        if cache is not None:
            cache.close()
    run = sheet.run.model_copy(
        update={"usage": client.usage.model_copy(), "bottom_line": written.status}
    )
    # Built anew, not copied, so the fact sheet's own checks see the bottom line's citations.
    return FactSheet(
        **{
            **dict(sheet),
            "bottom_line": written.sentences,
            "rejected": [*sheet.rejected, *written.rejected],
            "run": run,
        }
    )


def generate_facts(
    paths: Sequence[str], config: BriefConfig | None = None, progress: Progress = no_progress
) -> FactSheet:
    """Load the sources at ``paths`` and return their grounded fact sheet."""
    config = config or BriefConfig()
    sources = load_sources(paths, max_bytes=config.max_source_bytes)
    if not sources:
        raise SourceError("no sources given")
    progress(f"read {len(sources)} sources ({sum(len(s.text) for s in sources):,} characters)")
    with open_endpoint(config, progress) as endpoint:
        return extract_facts(sources, endpoint, config, progress)
