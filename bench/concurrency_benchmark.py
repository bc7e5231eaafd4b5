"""Wall time against a slow remote endpoint at several ``--concurrency`` settings.

The endpoint is the test suite's fake OpenAI-compatible server with the deterministic echo
model, each answer delayed by a fixed latency per request (0.3 to 1.2 s, from a hash of the
request), so the figures measure the pipeline's scheduling, not a model. Run from the project
root:

    .venv/bin/python bench/concurrency_benchmark.py [--levels 1 2 4 8 32] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import BriefConfig, generate_facts  # noqa: E402
from tests.fakeserver import FakeOpenAI, SlowEchoModel  # noqa: E402

EXAMPLES = ROOT / "examples" / "un-cybercrime-convention"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 2, 4, 8, 32])
    parser.add_argument("--chunk-chars", type=int, default=400)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()

    slow = SlowEchoModel()
    delays = slow.delays

    rows = []
    reference = None
    for level in args.levels:
        delays.clear()
        with FakeOpenAI(responder=slow) as server:
            config = BriefConfig(
                base_url=server.base_url,
                model="fake",
                chunk_chars=args.chunk_chars,
                concurrency=level,
                cache=False,
            )
            started = time.perf_counter()
            sheet = generate_facts([str(EXAMPLES)], config)
            wall = time.perf_counter() - started
        facts = sheet.model_dump(exclude={"run"})
        reference = reference or facts
        rows.append(
            {
                "concurrency": level,
                "requests": len(delays),
                "wall_s": round(wall, 2),
                "sum_of_latencies_s": round(sum(delays), 2),
                "slowest_request_s": round(max(delays), 2),
                "same_facts": facts == reference,
            }
        )
    header = ["concurrency", "requests", "wall (s)", "sum of latencies (s)", "slowest request (s)"]
    print("| " + " | ".join([*header, "same facts"]) + " |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(value) for value in row.values()) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
