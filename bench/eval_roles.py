"""How often ``briefing.roles.read_roles`` finds who a person is, on BASIL's articles, and a
sample of what it reads, for checking by hand.

The people are those the pipeline would have: each article's persons as "who the sources
name" reads them (``count_mentions``, the names a brief's "also named" comes from), so the
names are clusters as consolidation forms them ("Hillary Clinton", "Sen. Ted Cruz"), not
every capitalized pair. Articles are read at run time from ``../shared/data/basil``; nothing
is copied into the project.

    .venv/bin/python bench/eval_roles.py
    .venv/bin/python bench/eval_roles.py --sample 60 --seed 3
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from briefing.mentions import count_mentions
from briefing.models import Actor, Source
from briefing.roles import read_roles
from briefing.source_index import SourceIndex

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def articles(data: Path) -> list[Source]:
    sources = []
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [p if isinstance(p, str) else " ".join(p) for p in article["body-paragraphs"]]
        sources.append(
            Source(
                id=path.stem,
                title=article["title"],
                text="\n\n".join(paragraphs),
                published=article.get("date"),
            )
        )
    return sources


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=0, help="print N roles read, at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write every role read as JSON")
    args = parser.parse_args(argv)
    if not (args.data / "basil" / "articles").is_dir():
        print(f"BASIL not found under {args.data}; nothing to evaluate", file=sys.stderr)
        return 0
    sources = articles(args.data)
    people: list[tuple[Source, Actor]] = []
    seconds = 0.0
    for source in sources:
        named = count_mentions([source], [], also_named=100)
        persons = [actor for actor in named if actor.kind == "person"]
        started = time.perf_counter()
        with_roles = read_roles([SourceIndex(source)], persons)
        seconds += time.perf_counter() - started
        people += [(source, actor) for actor in with_roles]
    found = [(source, actor) for source, actor in people if actor.role]
    kinds = Counter(
        "names a body" if any(w[:1].isupper() for w in actor.role.text.split()[1:]) else "other"
        for _, actor in found
        if actor.role
    )
    print(f"articles {len(sources)}, persons named {len(people)}, with a role {len(found)} "
          f"({len(found) / max(1, len(people)):.0%}); {dict(kinds)}; "
          f"read_roles {seconds:.2f} s in all")  # fmt: skip
    if args.sample:
        random.seed(args.seed)
        for _, actor in random.sample(found, min(args.sample, len(found))):
            assert actor.role is not None
            print(f"- {actor.name}: {actor.role.text!r}\n    {actor.role.evidence.quote[:160]}")
    if args.json:
        rows = [
            {"source": source.id, "name": actor.name, "role": actor.role.text}
            for source, actor in found
            if actor.role
        ]
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
