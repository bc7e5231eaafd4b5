"""Time ``briefing.mentions.count_mentions`` (who the sources name) on long sources.

The "also named" step reads every capitalized name of every sentence and clusters them, so its
cost grows with the sources' length and with how many distinct names they hold. This script
joins BASIL's articles (read at run time from ``../shared/data/basil``; nothing is copied into
the project) into two sources of growing size and prints, per size, the first run's time (the
name caches cold) and the best of ``--repeat`` (warm: a long-running service's case).

    .venv/bin/python bench/mentions_benchmark.py
    .venv/bin/python bench/mentions_benchmark.py --sizes 100000,1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from briefing.mentions import count_mentions
from briefing.models import Source

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def basil_text(data: Path) -> str:
    """Every BASIL article's paragraphs, in file order, as one text."""
    texts = []
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts.append("\n\n".join(" ".join(p) for p in article["body-paragraphs"]))
    return "\n\n".join(texts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="100000,400000,1200000", help="characters per source")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (args.data / "basil" / "articles").is_dir():
        print(f"BASIL not found under {args.data}; nothing to time", file=sys.stderr)
        return 0
    text = basil_text(args.data)
    print(f"{'chars per source':>16} {'sources':>7} {'actors':>6} {'first s':>8} {'best s':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        sources = [Source(id=f"s{i}", title=f"part {i}", text=text[:size]) for i in (1, 2)]
        times = []
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            actors = count_mentions(sources, [], also_named=8)
            times.append(time.perf_counter() - started)
        print(
            f"{min(size, len(text)):>16,} {len(sources):>7} {len(actors):>6} "
            f"{times[0]:>8.2f} {min(times):>8.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
