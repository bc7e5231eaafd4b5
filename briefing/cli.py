"""The ``briefing`` command: a thin shell over the library.

Results go to stdout or to files named by options; progress and errors go to stderr. Output
files are written atomically (a temporary file renamed into place) and only after the whole
run succeeded, so a failed run never leaves a half-written brief behind.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .backends.prefixes import stored_prefixes
from .batch import run_batch, summary_table
from .cache import CACHE_FILE, cache_stats, clear_cache
from .check import check_brief, read_brief
from .config import PREFIX_DIR, BriefConfig, cache_dir
from .errors import (
    EXIT_BATCH_FAILED,
    EXIT_CHECK_FAILED,
    EXIT_INTERRUPTED,
    BriefingError,
    ConfigError,
)
from .manifest import load_manifest
from .models import FactSheet, parse_fact_sheet
from .output import check_outputs, check_writable, write_atomic
from .pipeline import generate_facts
from .render import FORMATS, check_template, page_ranges, plural, render_brief
from .review_page import render_review_page
from .sources import DOCUMENT_EXTENSIONS, MAX_SOURCE_BYTES, load_sources, source_files
from .transcripts import speaker_turns, turns_read_as

EXIT_CODES = """\
exit codes:
  0  success
  1  unexpected error (run again with --debug for a traceback)
  2  bad usage or configuration
  3  a source is missing, unreadable, binary or empty
  4  the model endpoint failed or kept answering invalid output
  5  an output file could not be written
  6  the brief failed `briefing check`
  7  `briefing batch`: some briefs failed (the others were written; see the summary)
  130 interrupted (Ctrl-C)
"""

ENVIRONMENT = """\
environment:
  OPENAI_BASE_URL     OpenAI-compatible endpoint to use instead of the embedded model
  OPENAI_API_KEY      key for that endpoint (never logged or written anywhere)
  BRIEFING_MODEL      model name at that endpoint (same as --model)
  BRIEFING_CACHE_DIR  where the embedded model and the response cache live (same as
                      --cache-dir; default: $XDG_CACHE_HOME/briefing, else ~/.cache/briefing)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn source documents on one policy topic into a Markdown brief in which "
        "every fact cites a verbatim quote of its source.",
        epilog=EXIT_CODES + "\n" + ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    generate = commands.add_parser(
        "generate",
        help="write a grounded brief from source documents",
        description="Read SOURCE files or folders (.txt, .md, .html, .mhtml, .webarchive, "
        ".json, .jsonl, .csv, .tsv, .xlsx, .xls, .ods, .pdf, .docx, .doc, .odt, .rtf, .pptx, "
        ".ppt (and .docm .pptm .ppsx .pps .xlsm), .odp, .epub, signed .p7m files, "
        ".eml and "
        "Outlook .msg e-mails with their attachments, .mbox mailboxes, .zip press packs; "
        "pictures of pages, .png .jpg .tif .heic .webp, and scanned PDF pages by OCR with the "
        "'ocr' extra; '-' for stdin; a wildcard pattern the shell left as it was, "
        "'sources/*.txt', is read as the files it matches), extract positions, risks and "
        "events with the model, keep only facts whose evidence is found word for word in "
        "their source, and write a Markdown brief that opens with a bottom line the model "
        "writes from those facts, each sentence checked against them, and a line of who "
        "stands where.",
        epilog=EXIT_CODES + "\n" + ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    generate.add_argument("sources", nargs="+", metavar="SOURCE")
    generate.add_argument(
        "-o", "--output", metavar="FILE", help="write the brief here (default: stdout)"
    )
    generate.add_argument("--json", metavar="FILE", help="also write the fact sheet as JSON")
    generate.add_argument(
        "--topic",
        help="the policy topic (default: the words all source titles share, else the first title)",
    )
    _add_template(generate)
    _add_review(generate)
    _add_since(generate)
    _add_html(generate)
    generate.add_argument(
        "--chunk-chars",
        type=int,
        default=BriefConfig.chunk_chars,
        metavar="N",
        help="largest chunk of source text sent in one request (default: %(default)s)",
    )
    generate.add_argument(
        "--cite",
        choices=["sentences", "quotes"],
        help="how the model names each fact's evidence: the number of a sentence of the text "
        "(few generated tokens; the evidence is that whole sentence) or a short quote it copies "
        "(a tighter span; needs a model that copies well). Default: sentences for the embedded "
        "model, quotes for any other endpoint",
    )
    generate.add_argument(
        "--no-quote-feedback",
        action="store_true",
        help="with quotes: do not ask the model again when its quotes are not found in the text",
    )
    generate.add_argument(
        "--no-stance-check",
        action="store_true",
        help="do not ask the model two narrow questions about each position's stance (the "
        "brief then shows the extraction's label, unchecked)",
    )
    generate.add_argument(
        "--no-bottom-line",
        action="store_true",
        help="do not ask the model to write the bottom line from the verified facts; the brief "
        "shows a summary written by code (counts and actors) instead",
    )
    generate.add_argument(
        "--also-named",
        type=int,
        default=BriefConfig.also_named,
        metavar="N",
        help="list up to N people and bodies the sources name often (in two sources, three "
        "times or more) but attribute no verified position or risk to, each with the first "
        "sentence naming it; read by code, no model call; 0 leaves the section out "
        "(default: %(default)s)",
    )
    generate.add_argument(
        "--max-source-bytes",
        type=int,
        default=MAX_SOURCE_BYTES,
        metavar="N",
        help="refuse source files larger than this (default: %(default)s)",
    )
    _add_endpoint(
        generate,
        concurrency_help="requests in flight at once; for the embedded model, its parallel slots",
        timeout_help="600 for a remote endpoint, no limit for the embedded model",
    )
    _add_common(generate)

    render = commands.add_parser(
        "render",
        help="render a brief from a saved fact sheet, without a model",
        description="Render the Markdown brief, and with --html the review page, from a fact "
        "sheet written by `generate --json`.",
    )
    render.add_argument("facts", metavar="FACTS.json")
    render.add_argument(
        "-o", "--output", metavar="FILE", help="write the brief here (default: stdout)"
    )
    _add_template(render)
    _add_review(render)
    _add_since(render)
    _add_html(render)
    _add_common(render)

    check = commands.add_parser(
        "check",
        help="re-verify the quoted notes of a brief after editing",
        description="Check an edited brief against the fact sheet it was rendered from: every\n"
        "source note must still quote its source at its offsets (whitespace aside), and every\n"
        "citation [N] must point to a note. Prints one line per problem and a summary to\n"
        "stdout; exits 6 when any check fails.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("brief", metavar="BRIEF.md")
    check.add_argument(
        "--facts",
        required=True,
        metavar="FACTS.json",
        help="the fact sheet the brief was rendered from (written by `generate --json`)",
    )
    _add_common(check)

    sources = commands.add_parser(
        "sources",
        help="show what the tool reads from each source, cleaned, without a model",
        description="Print each source's clean text as the pipeline will read it, its "
        "outlet, author, date and address as read from the file, what "
        "cleaning dropped (a PDF's running headers, footers and page numbers, an e-mail's "
        "forwarding note and signature among it), where "
        "a PDF's pages begin and which pages OCR read, and, for a transcript, a speech or a "
        "text in its author's first person, whose words it is read as.",
    )
    sources.add_argument("sources", nargs="+", metavar="SOURCE")
    sources.add_argument("--json", metavar="FILE", help="write the sources as JSON")
    sources.add_argument(
        "--max-source-bytes",
        type=int,
        default=MAX_SOURCE_BYTES,
        metavar="N",
        help="refuse source files larger than this (default: %(default)s)",
    )
    _add_common(sources)

    batch = commands.add_parser(
        "batch",
        help="write many briefs listed in a manifest, several at once",
        description="Write every brief a MANIFEST lists, several at once, sharing the model\n"
        "and the response cache. The manifest is JSON Lines (.jsonl, one brief a line) or\n"
        "YAML (.yaml, .yml, a list of briefs) with these fields:\n\n"
        '  {"name": "treaty", "sources": ["news/", "statement.md"], "topic": "the treaty",\n'
        '   "template": "house.md.j2", "output": "briefs/treaty.md",\n'
        '   "json": "briefs/treaty.json", "html": "briefs/treaty.html",\n'
        '   "since": "archive/treaty.json"}\n\n'
        "`sources` and one of `output` (the brief), `json` (the fact sheet) and `html` (the\n"
        "review page) are required; `since`, an earlier brief's fact sheet, adds what changed\n"
        "since it, as `generate --since`; paths are relative to the manifest's folder. One\n"
        "failing brief does not stop the others: progress goes to stderr, a summary table to\n"
        "stdout, and the exit code is 7 when any brief failed. A rerun skips the briefs it\n"
        "finished from the same sources, topic, template and `since` fact sheet\n"
        "(MANIFEST.state.json records them), unless --force.",
        epilog=EXIT_CODES + "\n" + ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument(
        "manifest", metavar="MANIFEST", help="the briefs to write (.jsonl, .yaml, .yml)"
    )
    batch.add_argument(
        "--force", action="store_true", help="write every brief, even those finished before"
    )
    _add_endpoint(
        batch,
        concurrency_help="model requests in flight across the batch: N briefs at once, one "
        "request each (more each when fewer briefs remain); for the embedded model, its "
        "parallel slots",
        timeout_help=None,
    )
    _add_common(batch)

    cache = commands.add_parser(
        "cache",
        help="show or clear the response cache",
        description="Model answers are cached, so a rerun on the same inputs, or after a run "
        "was killed, asks the model only what it has not answered yet. `stats` shows what the "
        "cache holds; `clear` deletes the cached answers and the embedded model's saved "
        "instruction states (not the assembled embedded model).",
    )
    cache.add_argument("action", choices=("stats", "clear"))
    _add_cache_dir(cache)
    _add_common(cache)
    _add_serve(commands)
    return parser


SERVICE_ENVIRONMENT = """\
  BRIEFING_SERVICE_TOKEN  bearer token that every request but GET /health must send
                      (Authorization: Bearer ...); required to listen beyond loopback
"""


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the HTTP service: submit brief jobs, poll them, fetch their results",
        description="Serve a JSON API, described at /openapi.json: POST /jobs with source texts,\n"
        "poll GET /jobs/{id}, then fetch its /brief, /facts and /review, and DELETE it when\n"
        "done with it. Jobs are kept in SQLite and survive a restart; the documents sent with\n"
        "a job are dropped when it ends. All jobs share one model endpoint and the response\n"
        "cache. Listens on 127.0.0.1 unless --host says otherwise, which needs a token.",
        epilog=EXIT_CODES + "\n" + ENVIRONMENT + SERVICE_ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port to listen on; 0 picks a free one (default: %(default)s)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="N",
        help="jobs run at once (default: %(default)s)",
    )
    serve.add_argument(
        "--max-request-bytes",
        type=int,
        default=5_000_000,
        metavar="N",
        help="refuse larger request bodies with 413 (default: %(default)s)",
    )
    serve.add_argument(
        "--state",
        metavar="FILE",
        help="the jobs' SQLite file (default: service.sqlite3 in the cache dir)",
    )
    _add_endpoint(
        serve,
        concurrency_help="requests in flight per job",
        timeout_help="600 for a remote endpoint, no limit for the embedded model",
    )
    _add_common(serve)


def _add_endpoint(
    command: argparse.ArgumentParser, *, concurrency_help: str, timeout_help: str | None
) -> None:
    """The model endpoint and response cache options that generate, batch and serve share."""
    command.add_argument("--model", help="model name at --base-url (default: the embedded model)")
    command.add_argument(
        "--base-url",
        metavar="URL",
        help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (default: "
        "$OPENAI_BASE_URL, else the embedded model)",
    )
    command.add_argument(
        "--concurrency",
        type=int,
        default=BriefConfig.concurrency,
        metavar="N",
        help=f"{concurrency_help} (default: %(default)s)",
    )
    if timeout_help is not None:
        command.add_argument(
            "--timeout",
            type=float,
            metavar="SECONDS",
            help="give up on one model request after this long; it is then retried "
            f"(default: {timeout_help})",
        )
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor store model answers in the response cache",
    )
    _add_cache_dir(command)


def _add_cache_dir(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where the response cache and the embedded model live (default: "
        "$BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing)",
    )


def _add_template(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="full",
        help="full: every verified fact; one-page: the bottom line, the most prominent "
        "positions, risks and dates, one note per fact (default: %(default)s)",
    )
    command.add_argument(
        "--template",
        metavar="FILE",
        help="your own Jinja2 template for the brief, instead of the format's built-in one; "
        "it receives the format's facts and notes",
    )


def _add_review(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--review",
        action="store_true",
        help="append a review appendix: rejected drafts with their reasons, disputed stances",
    )


def _add_since(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--since",
        metavar="FACTS.json",
        help="the fact sheet of an earlier brief on the topic (from --json): the brief then "
        "shows, after its bottom line, what changed since it: new sources, new positions, "
        "changed stances, new risks and events, and actors whose positions are no longer "
        "verified",
    )


def _add_html(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--html",
        metavar="FILE",
        help="also write a review page: one self-contained HTML file with every source's text, "
        "each fact's evidence highlighted and linked, disputed stances and rejected drafts",
    )


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    command.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")


def _read_template(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read template {path}: {exc.strerror}") from None


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _emit_brief(
    brief: str, sheet: FactSheet, args: argparse.Namespace, since: FactSheet | None
) -> None:
    """Write the review page (with --html), then the brief; the page goes first because a
    brief already printed to stdout cannot be taken back if the page fails."""
    if args.html:
        write_atomic(args.html, render_review_page(sheet, args.format, since))
    _emit(brief, args.output)


def _read_input(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read {what} {path}: not UTF-8 text") from None


def _read_fact_sheet(path: str) -> FactSheet:
    return parse_fact_sheet(_read_input(path, "fact sheet"), path)


def _run_generate(args: argparse.Namespace, progress: logging.Logger) -> int:
    template = _read_template(args.template)
    since = _read_fact_sheet(args.since) if args.since else None  # a bad one fails now
    config = BriefConfig(
        topic=args.topic,
        model=args.model,
        base_url=args.base_url,
        chunk_chars=args.chunk_chars,
        cite=args.cite,
        quote_feedback=not args.no_quote_feedback,
        stance_check=not args.no_stance_check,
        bottom_line=not args.no_bottom_line,
        also_named=args.also_named,
        concurrency=args.concurrency,
        max_source_bytes=args.max_source_bytes,
        timeout=args.timeout,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
        since=since,
    )
    if template is not None:
        check_template(template)  # a syntax error shows now, not after minutes of model work
    _check_outputs(args, progress, sources=args.sources)  # so does a missing folder
    started = time.monotonic()  # wall time is reported here only: the fact sheet stays stable
    sheet = generate_facts(args.sources, config, progress=progress.info)
    if args.json:  # saved first: a failing template must not cost the model's work
        write_atomic(args.json, sheet.model_dump_json(indent=2) + "\n")
    try:
        brief = render_brief(
            sheet, template, review=args.review, brief_format=args.format, since=config.since
        )
    except ConfigError as exc:
        if args.json:
            raise ConfigError(
                f"{exc}; the fact sheet is saved in {args.json}: fix the template and run "
                f"`briefing render {args.json}`"
            ) from None
        raise
    _emit_brief(brief, sheet, args, config.since)
    usage = sheet.run.usage
    progress.info(
        "done in %.0f s: %s, %s, %s; %s rejected; %s, %d prompt + %d completion tokens%s",
        time.monotonic() - started,
        plural(len(sheet.positions), "position"),
        plural(len(sheet.risks), "risk"),
        plural(len(sheet.events), "event"),
        plural(len(sheet.rejected), "draft"),
        plural(usage.calls, "model call"),
        usage.prompt_tokens,
        usage.completion_tokens,
        f"; {plural(usage.cached, 'answer')} from the cache" if usage.cached else "",
    )
    return 0


def _check_outputs(
    args: argparse.Namespace, progress: logging.Logger, sources: Sequence[str] = ()
) -> None:
    """Fail before any work when an output file cannot be written or would replace a file the
    command reads (a source, the fact sheet, the template) or another output; warn when a
    document is written into a source folder, where the next run on it would read it back."""
    outputs = [
        (option, path)
        for option, path in (
            ("--output", getattr(args, "output", None)),
            ("--json", getattr(args, "json", None)),
            ("--html", getattr(args, "html", None)),
        )
        if path
    ]
    inputs = [("a source", str(path)) for path in source_files(sources)]
    for what, option in (("the fact sheet", "facts"), ("the template", "template")):
        if getattr(args, option, None):
            inputs.append((what, getattr(args, option)))
    check_outputs(outputs, inputs)
    since = getattr(args, "since", None)
    if since:  # only the new fact sheet may replace the one it follows
        brief_files = [(option, path) for option, path in outputs if option != "--json"]
        check_outputs(brief_files, [("the fact sheet given with --since", since)])
    for _option, path in outputs:
        check_writable(path)
    _warn_of_outputs_in_source_folders([path for _, path in outputs], sources, progress)


def _warn_of_outputs_in_source_folders(
    outputs: Sequence[str | Path], sources: Sequence[str], progress: logging.Logger
) -> None:
    """Warn of a document written into a folder given as a source: the next run on that
    folder would read it as a source (and ``check_outputs`` would then refuse to replace it)."""
    folders = {Path(given).resolve() for given in sources if Path(given).is_dir()}
    for path in outputs:
        written = Path(path)
        if written.resolve().parent in folders and written.suffix.lower() in DOCUMENT_EXTENSIONS:
            progress.warning(
                "%s is written into a source folder: a later run on that folder will read "
                "it as a source",
                path,
            )


def _run_render(args: argparse.Namespace, progress: logging.Logger) -> int:
    _check_outputs(args, progress)
    template = _read_template(args.template)
    sheet = _read_fact_sheet(args.facts)
    since = _read_fact_sheet(args.since) if args.since else None
    brief = render_brief(sheet, template, review=args.review, brief_format=args.format, since=since)
    _emit_brief(brief, sheet, args, since)
    return 0


def _run_check(args: argparse.Namespace) -> int:
    """Problems and the summary are the command's result: they go to stdout."""
    sheet = _read_fact_sheet(args.facts)
    brief = _read_input(args.brief, "brief")
    try:
        problems = check_brief(brief, sheet)
    except ConfigError as exc:
        raise ConfigError(f"{args.brief}: {exc}") from None
    read = read_brief(brief)
    checked = f"{len(read.notes)} notes, {len(read.citations)} citations"
    for problem in problems:
        print(problem)
    if problems:
        print(f"check failed: {len(problems)} problem(s) in {args.brief} ({checked} checked)")
        return EXIT_CHECK_FAILED
    print(f"check passed: {args.brief} ({checked}) matches {args.facts}")
    return 0


def _run_sources(args: argparse.Namespace, progress: logging.Logger) -> int:
    _check_outputs(args, progress, sources=args.sources)
    loaded = load_sources(args.sources, max_bytes=args.max_source_bytes)
    if args.json:
        payload = {"sources": [source.model_dump() for source in loaded]}
        write_atomic(args.json, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    lines = []
    for source in loaded:
        lines.append(f"=== {source.title} [{source.id}] ({source.path or source.url or 'stdin'})")
        about = [
            f"{name}: {value}"
            for name, value in (
                ("outlet", source.outlet),
                ("author", source.author),
                ("published", source.published),
                ("url", source.url if source.path else None),
            )
            if value
        ]
        if about:
            lines.append(f"--- {'; '.join(about)}")
        read_as = turns_read_as(speaker_turns(source.title, source.text, source.author))
        if read_as:
            lines.append(f"--- read as {read_as}")
        if source.page_starts is not None:
            starts = ", ".join(str(start) for start in [0, *source.page_starts])
            pages = len(source.page_starts) + 1
            lines.append(
                f"--- {pages} page{'s' if pages != 1 else ''}, beginning at characters {starts}"
            )
        if source.ocr_pages:
            lines.append(f"--- read by OCR: page(s) {page_ranges(source.ocr_pages)}")
        lines.append(source.text)
        for dropped in source.dropped:
            lines.append(f"--- dropped ({dropped.reason}): {dropped.text[:100]!r}")
        lines.append("")
    _emit("\n".join(lines), None)
    return 0


def _run_batch(args: argparse.Namespace, progress: logging.Logger) -> int:
    """The summary table is the command's result: it goes to stdout."""
    manifest = load_manifest(args.manifest)
    for job in manifest.jobs:
        _warn_of_outputs_in_source_folders(job.outputs, job.sources, progress)
    config = BriefConfig(
        model=args.model,
        base_url=args.base_url,
        concurrency=args.concurrency,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
    )
    outcomes = run_batch(manifest, config, force=args.force, progress=progress.info)
    _emit(summary_table(outcomes), None)
    return EXIT_BATCH_FAILED if any(o.status == "failed" for o in outcomes) else 0


def _run_cache(args: argparse.Namespace) -> int:
    directory = cache_dir(BriefConfig(cache_dir=args.cache_dir))
    prefixes = stored_prefixes(directory / PREFIX_DIR)
    if args.action == "clear":
        removed = clear_cache(directory)
        for path in prefixes:
            path.unlink(missing_ok=True)
        _emit(
            f"removed {removed} cached answers from {directory / CACHE_FILE} and "
            f"{len(prefixes)} saved instruction states\n",
            None,
        )
        return 0
    stats = cache_stats(directory)
    lines = [
        f"cache: {stats.path}",
        f"answers: {stats.answers} ({stats.bytes / 1e6:.1f} MB)",
        f"saved instruction states: {len(prefixes)} "
        f"({sum(p.stat().st_size for p in prefixes) / 1e6:.1f} MB, in {directory / PREFIX_DIR})",
    ]
    for model, count in stats.by_model.items():
        lines.append(f"  {count:6d}  {model}")
    for label, stamp in (("oldest", stats.oldest), ("newest", stats.newest)):
        if stamp is not None:
            when = datetime.fromtimestamp(stamp, timezone.utc)
            lines.append(f"{label}: {when:%Y-%m-%d %H:%M} UTC")
    _emit("\n".join(lines) + "\n", None)
    return 0


def _run_serve(args: argparse.Namespace, progress: logging.Logger) -> int:
    from .service import ServiceOptions, serve  # the web stack loads only for this command

    config = BriefConfig(
        model=args.model,
        base_url=args.base_url,
        concurrency=args.concurrency,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
    )
    if args.timeout is not None:
        config = dataclasses.replace(config, timeout=args.timeout)
    options = ServiceOptions(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_request_bytes=args.max_request_bytes,
        state=args.state,
    )
    serve(config, options, progress=progress.info)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logger = logging.getLogger("briefing")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefing: %(message)s"))
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(
        logging.DEBUG if args.debug else logging.WARNING if args.quiet else logging.INFO
    )
    try:
        if args.command == "generate":
            return _run_generate(args, logger)
        if args.command == "render":
            return _run_render(args, logger)
        if args.command == "cache":
            return _run_cache(args)
        if args.command == "check":
            return _run_check(args)
        if args.command == "batch":
            return _run_batch(args, logger)
        if args.command == "serve":
            return _run_serve(args, logger)
        return _run_sources(args, logger)
    except BriefingError as exc:
        if args.debug:
            raise
        print(f"briefing: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
