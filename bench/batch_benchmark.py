"""Wall time of ``briefing batch`` with 10 briefs against a slow remote endpoint, at several
``--concurrency`` settings.

Each brief reads the examples with its own topic, so no brief's requests are another's and
the response cache (a fresh one per setting) answers none of them. The endpoint is the test
suite's fake OpenAI-compatible server with the deterministic echo model, each answer delayed by
a fixed latency per request (0.3 to 1.2 s, from a hash of the request, as in
``concurrency_benchmark.py``), so the figures measure scheduling, not a model. Run from the
project root:

    .venv/bin/python bench/batch_benchmark.py [--briefs 10] [--levels 1 4] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import BriefConfig  # noqa: E402
from briefing.batch import run_batch  # noqa: E402
from briefing.manifest import load_manifest  # noqa: E402
from tests.fakeserver import FakeOpenAI, SlowEchoModel  # noqa: E402

EXAMPLES = ROOT / "examples" / "un-cybercrime-convention"
TOPICS = [
    "the UN convention against cybercrime",
    "the UN cybercrime treaty",
    "cross-border access to electronic evidence",
    "surveillance powers in the cybercrime convention",
    "ransomware and international cooperation",
    "human rights safeguards in the treaty",
    "the treaty's effect on journalists",
    "security researchers and the convention",
    "ratification of the cybercrime convention",
    "technology companies and the treaty",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=10)
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()

    slow = SlowEchoModel()
    delays = slow.delays

    rows = []
    reference: dict[str, str] | None = None
    for level in args.levels:
        delays.clear()
        with tempfile.TemporaryDirectory() as work, FakeOpenAI(responder=slow) as server:
            folder = Path(work)
            manifest = folder / "briefs.jsonl"
            manifest.write_text(
                "".join(
                    json.dumps(
                        {
                            "name": f"brief-{n + 1:02d}",
                            "sources": [str(EXAMPLES)],
                            "topic": TOPICS[n % len(TOPICS)] + ("" if n < len(TOPICS) else f" {n}"),
                            "output": f"briefs/{n + 1:02d}.md",
                        }
                    )
                    + "\n"
                    for n in range(args.briefs)
                ),
                encoding="utf-8",
            )
            config = BriefConfig(
                base_url=server.base_url,
                model="fake",
                concurrency=level,
                cache_dir=str(folder / "cache"),
            )
            started = time.perf_counter()
            outcomes = run_batch(load_manifest(str(manifest)), config)
            wall = time.perf_counter() - started
            briefs = {p.name: p.read_text() for p in sorted((folder / "briefs").iterdir())}
        reference = reference or briefs
        rows.append(
            {
                "concurrency": level,
                "briefs done": sum(o.status == "done" for o in outcomes),
                "requests": len(delays),
                "wall (s)": round(wall, 1),
                "sum of latencies (s)": round(sum(delays), 1),
                "same briefs": briefs == reference,
            }
        )
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(str(value) for value in row.values()) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
