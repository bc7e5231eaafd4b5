"""Benchmark one brief: wall time, model calls, tokens, peak memory, grounded vs rejected.

    .venv/bin/python bench/run_benchmark.py ../shared/data/seeds/*.txt --topic "the treaty"
    .venv/bin/python bench/run_benchmark.py examples/un-cybercrime-convention \
        --json bench/results/examples.json

The embedded model runs in this process, so peak RSS includes the model. Pass --base-url and
--model to measure another endpoint.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from briefing import BriefConfig, generate_facts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--topic")
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--chunk-chars", type=int, default=BriefConfig.chunk_chars)
    parser.add_argument("--concurrency", type=int, default=BriefConfig.concurrency)
    parser.add_argument("--no-stance-check", action="store_true")
    parser.add_argument("--no-bottom-line", action="store_true")
    parser.add_argument("--json", help="also write the figures as JSON here")
    parser.add_argument("--facts", help="write the fact sheet here")
    args = parser.parse_args()

    config = BriefConfig(
        topic=args.topic,
        base_url=args.base_url,
        model=args.model,
        chunk_chars=args.chunk_chars,
        concurrency=args.concurrency,
        stance_check=not args.no_stance_check,
        bottom_line=not args.no_bottom_line,
        cache=False,  # every run asks the model: a cached answer would measure nothing
    )
    started = time.monotonic()
    sheet = generate_facts(
        args.sources,
        config,
        progress=lambda m: print(f"{time.monotonic() - started:6.1f}s  {m}", file=sys.stderr),
    )
    wall = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    usage = sheet.run.usage
    grounded = len(sheet.positions) + len(sheet.risks) + len(sheet.events)
    figures = {
        "sources": len(sheet.sources),
        "source_chars": sum(len(s.text) for s in sheet.sources),
        "chunks": sheet.run.chunks,
        "wall_seconds": round(wall, 1),
        "model_calls": usage.calls,
        "reasks": usage.reasks,
        "retries": usage.retries,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "peak_rss_mb": round(peak_mb),
        "actors": len(sheet.actors),
        "positions": len(sheet.positions),
        "stances_disputed": sum(1 for p in sheet.positions if p.stance_check == "disputed"),
        "risks": len(sheet.risks),
        "events": len(sheet.events),
        "grounded_facts": grounded,
        "rejected_drafts": len(sheet.rejected),
        "bottom_line": sheet.run.bottom_line,
        "bottom_line_sentences": len(sheet.bottom_line),
        "grounded_per_1k_tokens": round(
            1000 * grounded / max(1, usage.prompt_tokens + usage.completion_tokens), 2
        ),
        "endpoint": sheet.run.endpoint,
        "model": sheet.run.model,
    }
    width = max(len(key) for key in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    if args.facts:
        Path(args.facts).write_text(sheet.model_dump_json(indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
