"""Evaluate consolidation on BASIL: main entities found as actors, each once; positions backed
by more than one outlet; and what cleaning drops from the seed articles.

Run from the project root (each event is one brief of three articles: several minutes with the
embedded model, so the run is long; it resumes where it stopped):

    .venv/bin/python bench/eval_consolidation.py --limit 10
    .venv/bin/python bench/eval_consolidation.py --limit 10 --base-url URL --model NAME

BASIL ("In Plain Sight", EMNLP 2019) is read at run time from ``../shared/data/basil`` relative
to the project root (``--data`` points elsewhere); nothing of it is copied into the repository,
and the BASIL part is skipped with a message when it is absent. Events are taken in a fixed
order (year, then event id), from the ``--first`` to the ``--limit``-th, counting from 1. For
each, the three outlets' articles (sentences joined by a space, paragraphs by a blank line) are
written as JSON records (title, text, url, outlet, published) and briefed together, as
``briefing generate`` would, with ``--topic`` set to the event's ``main-event``.

Measured per event, then averaged over events:

* **found**: the share of the event's main entities (the union of its three articles'
  ``main-entities``, names that consolidation would merge counted once) that some actor of the
  brief names, by its name or an alias, under consolidation's own rules (``same_actor``);
* **once**: of the entities found, the share named by exactly one actor (target 100%: an
  entity that two actors name was not merged);
* **multi-outlet**: the share of positions whose evidence comes from two or more outlets;
* **shared surnames**: groups of people among all the brief's actors that share a surname,
  main entities or not: one person named twice, or (less often) two of one family, so an
  upper bound on duplicate people that the main entities alone would not show;
* conflicts found, and the run's model calls, rejected drafts and time.

Each finished event is appended to ``bench/results/consolidation.jsonl`` (``--checkpoint``) and
its fact sheet saved under ``bench/results/consolidation/``; a rerun skips the events already
there for the same model, prompts and code (``briefing.prompting.code_version``; ``--fresh``
starts over). The model's answers are also in the
response cache, so an event cut short costs only its unanswered requests.

**Cleaning** needs no model: for each seed article in ``../shared/data/seeds``, the characters
and paragraphs kept, and what was dropped, by reason.

A table goes to stdout and every figure to ``bench/results/consolidation.json`` (``--json``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import BriefConfig, FactSheet, extract_facts, load_sources  # noqa: E402
from briefing.config import open_endpoint  # noqa: E402
from briefing.consolidate import same_actor  # noqa: E402
from briefing.models import Actor  # noqa: E402
from briefing.names import NAME_SUFFIXES, name_words  # noqa: E402
from briefing.prompting import code_version  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "bench" / "results"
DEFAULT_CHECKPOINT = RESULTS / "consolidation.jsonl"
DEFAULT_FACTS = RESULTS / "consolidation"
DEFAULT_JSON = RESULTS / "consolidation.json"
TARGET_FOUND = 0.80
TARGET_ONCE = 1.0


# --------------------------------------------------------------------------- BASIL


@dataclasses.dataclass(frozen=True)
class BasilEvent:
    """One event of BASIL and its three outlets' articles."""

    id: str
    year: str
    main_event: str
    articles: list[dict[str, Any]]

    @property
    def main_entities(self) -> list[str]:
        """Every article's main entities, names one actor could bear counted once."""
        entities: list[str] = []
        for article in self.articles:
            for entity in article.get("main-entities", []):
                if not any(same_actor(entity, seen) for seen in entities):
                    entities.append(entity)
        return entities


def load_events(basil: Path) -> list[BasilEvent]:
    """BASIL's events with all three articles, by year and event id."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for path in sorted((basil / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        grouped.setdefault((path.parent.name, article["triplet-uuid"]), []).append(article)
    return [
        BasilEvent(event_id, year, articles[0]["main-event"], articles)
        for (year, event_id), articles in sorted(grouped.items())
        if len(articles) == 3
    ]


def article_text(article: dict[str, Any]) -> str:
    return "\n\n".join(" ".join(sentences) for sentences in article["body-paragraphs"])


def write_articles(event: BasilEvent, folder: Path) -> list[str]:
    """The event's articles as JSON records the loader reads, one file per outlet."""
    paths = []
    for article in event.articles:
        path = folder / f"{article['source']}.json"
        record = {
            "title": article["title"],
            "text": article_text(article),
            "url": article.get("url"),
            "outlet": article["source"],
            "published": article.get("date"),
        }
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    return paths


# --------------------------------------------------------------------------- measures


def names_of(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def shared_surnames(actors: Sequence[Actor]) -> list[list[str]]:
    """The names of person actors that share a surname with another, group by group (the
    place a legislator is "of" is no surname: "Representative Zoe Lofgren of California")."""
    by_surname: dict[str, list[str]] = {}
    for actor in actors:
        words = [word for word in name_words(actor.name) if word not in NAME_SUFFIXES]
        words = words[: words.index("of")] if "of" in words else words
        if actor.kind == "person" and words:
            by_surname.setdefault(words[-1], []).append(actor.name)
    return [names for names in by_surname.values() if len(names) > 1]


def measure(event: BasilEvent, sheet: FactSheet) -> dict[str, Any]:
    """The event's figures, from its fact sheet alone."""
    entities = event.main_entities
    matches = {
        entity: [
            actor.name
            for actor in sheet.actors
            if any(same_actor(entity, name, actor.kind) for name in names_of(actor))
        ]
        for entity in entities
    }
    found = [entity for entity in entities if matches[entity]]
    once = [entity for entity in found if len(matches[entity]) == 1]
    # Found among the actors a verified position or risk names, the "also named" left out.
    named_only = {actor.name for actor in sheet.actors if actor.named_in}
    quoted = [e for e in found if any(name not in named_only for name in matches[e])]
    outlets = {source.id: source.outlet or source.id for source in sheet.sources}
    multi = [p for p in sheet.positions if len({outlets[ev.source_id] for ev in p.evidence}) > 1]
    return {
        "event": event.id,
        "year": event.year,
        "main_event": event.main_event,
        "model": sheet.run.model,
        "endpoint": sheet.run.endpoint,
        "main_entities": entities,
        "matches": matches,
        "found": share(len(found), len(entities)),
        "once": share(len(once), len(found)),
        "found_quoted": share(len(quoted), len(entities)),
        "also_named": sorted(named_only),
        "actors": [
            {"name": actor.name, "kind": actor.kind, "aliases": actor.aliases}
            for actor in sheet.actors
        ],
        "shared_surnames": shared_surnames(sheet.actors),
        "positions": len(sheet.positions),
        "multi_outlet_positions": len(multi),
        "multi_outlet": share(len(multi), len(sheet.positions)),
        "risks": len(sheet.risks),
        "events": len(sheet.events),
        "conflicts": [
            {"kind": c.kind, "subject": c.subject, "values": [s.value for s in c.sides]}
            for c in sheet.conflicts
        ],
        "rejected": len(sheet.rejected),
        "skipped_chunks": len(sheet.run.skipped_chunks),
        "calls": sheet.run.usage.calls,
        "cached": sheet.run.usage.cached,
    }


def share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    positions = sum(r["positions"] for r in records)
    return {
        "events": len(records),
        "found_mean": mean([r["found"] for r in records]),
        "once_mean": mean([r["once"] for r in records]),
        # Checkpoints written before the "also named" actors have no such figure.
        "found_quoted_mean": mean([r.get("found_quoted", r["found"]) for r in records]),
        "multi_outlet_mean": mean([r["multi_outlet"] for r in records]),
        "multi_outlet_pooled": share(sum(r["multi_outlet_positions"] for r in records), positions),
        "positions": positions,
        "conflicts": sum(len(r["conflicts"]) for r in records),
        "shared_surnames": sum(len(r.get("shared_surnames", [])) for r in records),
        "seconds": round(sum(r["wall_seconds"] for r in records), 1),
        "targets": {
            "found_mean >= 0.80": _meets(mean([r["found"] for r in records]), TARGET_FOUND),
            "once_mean == 1.0": _meets(mean([r["once"] for r in records]), TARGET_ONCE),
        },
    }


def _meets(value: float | None, target: float) -> bool | None:
    return None if value is None else value >= target


# --------------------------------------------------------------------------- checkpoint


def read_checkpoint(path: Path) -> list[dict[str, Any]]:
    """Finished events; a line cut short by a crash is ignored."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records


def append_checkpoint(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cut_short = path.exists() and not path.read_bytes().endswith(b"\n") and path.stat().st_size
    with path.open("a", encoding="utf-8") as out:
        out.write(("\n" if cut_short else "") + json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())


def evaluate_basil(args: argparse.Namespace, config: BriefConfig) -> dict[str, Any]:
    basil = Path(args.data) / "basil"
    if not (basil / "articles").is_dir():
        print(f"BASIL not found at {basil}: skipped", file=sys.stderr)
        return {"skipped": f"not found at {basil}"}
    events = load_events(basil)[args.first - 1 : args.limit]
    checkpoint = Path(args.checkpoint)
    if args.fresh and checkpoint.exists():
        checkpoint.unlink()
    facts_dir = Path(args.facts_dir)
    facts_dir.mkdir(parents=True, exist_ok=True)
    progress = (lambda message: None) if args.quiet else _stderr
    if args.rescore:
        return rescore(events, checkpoint, facts_dir, basil)

    with open_endpoint(config, progress) as endpoint:
        # Grounding and consolidation are code: a saved event counts only for the same code.
        done = {
            r["event"]: r
            for r in read_checkpoint(checkpoint)
            if r.get("model") == endpoint.model and r.get("code") == code_version()
        }
        records = []
        for number, event in enumerate(events, 1):
            if event.id in done:
                records.append(done[event.id])
                continue
            print(f"[{number}/{len(events)}] {event.main_event}", file=sys.stderr)
            with tempfile.TemporaryDirectory(prefix="basil-") as folder:
                sources = load_sources(write_articles(event, Path(folder)))
            event_config = dataclasses.replace(config, topic=event.main_event)
            started = time.monotonic()
            sheet = extract_facts(sources, endpoint, event_config, progress)
            (facts_dir / f"{event.id}.json").write_text(
                sheet.model_dump_json(indent=2) + "\n", encoding="utf-8"
            )
            record = measure(event, sheet)
            record["wall_seconds"] = round(time.monotonic() - started, 1)
            record["code"] = code_version()
            append_checkpoint(checkpoint, record)
            records.append(record)
    return {"data": str(basil), "summary": summarise(records), "per_event": records}


def rescore(
    events: list[BasilEvent], checkpoint: Path, facts_dir: Path, basil: Path
) -> dict[str, Any]:
    """Measure the saved fact sheets again under today's matching rules, without a model.

    Only the measuring is new: the actors are the ones consolidation made when the sheet was
    written. Events without a saved sheet are left out; their wall time comes from the
    checkpoint.
    """
    seconds = {r["event"]: r.get("wall_seconds", 0.0) for r in read_checkpoint(checkpoint)}
    records = []
    for event in events:
        path = facts_dir / f"{event.id}.json"
        if not path.exists():
            print(f"no fact sheet for {event.main_event}: left out", file=sys.stderr)
            continue
        record = measure(event, FactSheet.model_validate_json(path.read_text("utf-8")))
        record["wall_seconds"] = seconds.get(event.id, 0.0)
        records.append(record)
    return {
        "data": str(basil),
        "rescored": True,
        "summary": summarise(records),
        "per_event": records,
    }


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


# --------------------------------------------------------------------------- cleaning


def evaluate_cleaning(data: Path) -> dict[str, Any]:
    """What cleaning keeps and drops from each seed article; no model is needed."""
    seeds = sorted((data / "seeds").glob("*.txt"))
    if not seeds:
        print(f"seeds not found at {data / 'seeds'}: skipped", file=sys.stderr)
        return {"skipped": f"not found at {data / 'seeds'}"}
    articles = []
    for path in seeds:
        [source] = load_sources([str(path)])
        dropped = Counter(item.reason for item in source.dropped)
        dropped_chars = Counter[str]()
        for item in source.dropped:
            dropped_chars[item.reason] += len(item.text)
        articles.append(
            {
                "file": path.name,
                "title": source.title,
                "kept_chars": len(source.text),
                "kept_paragraphs": len([p for p in source.text.split("\n\n") if p.strip()]),
                "dropped_items": sum(dropped.values()),
                "dropped_chars": sum(dropped_chars.values()),
                "dropped_by_reason": {
                    reason: {"items": count, "chars": dropped_chars[reason]}
                    for reason, count in sorted(dropped.items())
                },
            }
        )
    return {"data": str(data / "seeds"), "articles": articles}


# --------------------------------------------------------------------------- report


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def print_report(results: dict[str, Any]) -> None:
    basil = results["basil"]
    if "skipped" in basil:
        print(f"BASIL: skipped ({basil['skipped']})")
    else:
        print(
            f"{'event':<48} {'found':>6} {'quoted':>6} {'once':>6} {'pos':>4} {'multi':>6}"
            f" {'confl':>5} {'surn':>4}"
        )
        for r in basil["per_event"]:
            title = f"{r['event'][:8]} {r['main_event']}"[:48]
            print(
                f"{title:<48} {_percent(r['found']):>6} "
                f"{_percent(r.get('found_quoted', r['found'])):>6} {_percent(r['once']):>6} "
                f"{r['positions']:>4} {_percent(r['multi_outlet']):>6} {len(r['conflicts']):>5}"
                f" {len(r.get('shared_surnames', [])):>4}"
            )
        s = basil["summary"]
        print(
            f"{'mean of ' + str(s['events']) + ' events':<48} {_percent(s['found_mean']):>6} "
            f"{_percent(s['found_quoted_mean']):>6} "
            f"{_percent(s['once_mean']):>6} {s['positions']:>4} "
            f"{_percent(s['multi_outlet_mean']):>6} {s['conflicts']:>5} {s['shared_surnames']:>4}"
        )
        for target, met in s["targets"].items():
            print(f"target {target}: {'-' if met is None else 'met' if met else 'NOT met'}")
    cleaning = results["cleaning"]
    if "skipped" in cleaning:
        print(f"seeds: skipped ({cleaning['skipped']})")
        return
    print()
    print(f"{'seed':<28} {'kept chars':>10} {'paras':>5} {'dropped':>7} {'chars':>6}  by reason")
    for a in cleaning["articles"]:
        reasons = ", ".join(
            f"{reason} {v['items']}" for reason, v in a["dropped_by_reason"].items()
        )
        print(
            f"{a['file'][:28]:<28} {a['kept_chars']:>10} {a['kept_paragraphs']:>5} "
            f"{a['dropped_items']:>7} {a['dropped_chars']:>6}  {reasons}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", default=str(DEFAULT_DATA), help="folder holding basil/ and seeds/"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=10,
        help="the last event to brief, counting from 1 (default 10): with --first 1, how many",
    )
    parser.add_argument(
        "--first",
        type=int,
        default=1,
        help="the first event to brief, counting from 1 (default 1): --first 11 --limit 20 "
        "briefs events 11 to 20, the ones no rule was written after",
    )
    parser.add_argument("--base-url", help="an OpenAI-compatible endpoint (default: embedded)")
    parser.add_argument("--model", help="the model at --base-url")
    parser.add_argument("--concurrency", type=int, default=BriefConfig.concurrency)
    parser.add_argument("--no-stance-check", action="store_true")
    parser.add_argument("--checkpoint", default=str(DEFAULT_CHECKPOINT), help="JSONL, resumed")
    parser.add_argument("--facts-dir", default=str(DEFAULT_FACTS), help="fact sheets go here")
    parser.add_argument("--fresh", action="store_true", help="ignore the checkpoint")
    parser.add_argument(
        "--rescore",
        action="store_true",
        help="measure the fact sheets in --facts-dir again, without a model",
    )
    parser.add_argument("--json", default=str(DEFAULT_JSON), help="write all figures here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-chunk progress")
    args = parser.parse_args(argv)
    if args.first < 1:
        parser.error("--first counts from 1")

    config = BriefConfig(
        base_url=args.base_url,
        model=args.model,
        concurrency=args.concurrency,
        stance_check=not args.no_stance_check,
        bottom_line=False,  # actors and support are measured here, not the bottom line
    )
    results = {
        "basil": evaluate_basil(args, config),
        "cleaning": evaluate_cleaning(Path(args.data)),
    }
    print_report(results)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
