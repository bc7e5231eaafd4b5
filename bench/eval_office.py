"""Read real Word 97-2003 documents and PowerPoint 97-2003 decks as briefing does, and as
LibreOffice does, and compare the words.

No evaluation set holds .doc or .ppt files, and the tests' files are written by the tests'
own writers or saved by LibreOffice. This reads a folder of files other programs wrote
(Apache POI's test data, from Debian's source package, holds 168 .doc and 113 .ppt files by
Word and PowerPoint from 6.0 to 2016, on Windows and the Mac): each file through
``load_sources``, and through LibreOffice's own importers (a .doc converted to text, a .ppt
to .odp, read by briefing's .odp reader), then compares the two as bags of words. Recall is
the share of LibreOffice's words briefing reads; precision the share of briefing's words
LibreOffice reads. By design briefing leaves out what LibreOffice's text keeps (page
headers and footers, list numbers, tracked deletions, a field's code, slide numbers and
dates) and keeps what LibreOffice's text export leaves out (footnotes, text boxes), so the
worst files are listed to be read, not only counted.

    .venv/bin/python bench/eval_office.py --files DIR [--kinds doc ppt docx pptx] [--worst 15]

(The .docx and .pptx readers are compared the same way, with ``--kinds docx pptx``.)

``--kinds xlsx xls`` compares the workbook readers the same way, sheet against sheet: the
first sheet as briefing reads it against LibreOffice's CSV export of it (LibreOffice exports
the first sheet only).

``--kinds pdf-tables`` measures the PDF reader's tables instead: every .doc and .docx file
whose text holds two table rows or more is exported to PDF by LibreOffice, and each row the
Word reader gives (cells joined by " | ", empty cells aside) is looked for whole among the
paragraphs briefing reads from the PDF.
"""

from __future__ import annotations

import argparse
import collections
import logging
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.errors import SourceError  # noqa: E402
from briefing.sources import load_sources  # noqa: E402
from briefing.spreadsheet import read_xlsx  # noqa: E402
from briefing.xls import read_xls  # noqa: E402

_WORD = re.compile(r"\w+")
_CONVERSIONS = {
    "doc": ("txt:Text (encoded):UTF8", ".txt"),
    "ppt": ("odp", ".odp"),
    "docx": ("txt:Text (encoded):UTF8", ".txt"),
    "pptx": ("odp", ".odp"),
    "xlsx": ("csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv"),
    "xls": ("csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv"),
}
_WORKBOOK_READERS = {".xlsx": read_xlsx, ".xls": read_xls}
_MIN_WORDS = 20
_REFERENCE_MAX = 100_000_000
_TABLE_KINDS = (".doc", ".docx")


def _words(text: str) -> collections.Counter[str]:
    return collections.Counter(word.lower() for word in _WORD.findall(text))


def _read(path: Path) -> tuple[str, str | None]:
    """A file's text as briefing reads it, and its one-line error when it cannot (of a
    workbook, its first sheet's cells: what LibreOffice's CSV export holds)."""
    if read_sheets := _WORKBOOK_READERS.get(path.suffix.lower()):
        try:
            sheets = read_sheets(path.read_bytes(), str(path))
        except SourceError as exc:
            return "", str(exc).replace(str(path), "FILE")
        return ("\n".join(" ".join(row) for row in sheets[0][1]) if sheets else ""), None
    try:
        return "\n".join(source.text for source in load_sources([str(path)])), None
    except SourceError as exc:
        return "", str(exc).replace(str(path), "FILE")


def _libreoffice(soffice: str, files: list[Path], target: str, folder: Path) -> None:
    """Convert ``files`` into ``folder`` with LibreOffice (``target`` as --convert-to takes it)."""
    for start in range(0, len(files), 20):  # a few files a run: one bad file stalls no more
        subprocess.run(
            [soffice, "--headless", "--convert-to", target, "--outdir", str(folder)]
            + [str(path) for path in files[start : start + 20]],
            capture_output=True,
            timeout=600,
            check=False,
        )


def evaluate(soffice: str, files: list[Path], kind: str) -> dict[str, object]:
    rows = []
    errors: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    ours = {path: _read(path) for path in files}
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _libreoffice(soffice, files, _CONVERSIONS[kind][0], folder)
        for path in files:
            text, error = ours[path]
            if error:
                errors[re.sub(r"^cannot read [^:]*: FILE ", "", error)] += 1
            converted = folder / f"{path.stem}{_CONVERSIONS[kind][1]}"
            # LibreOffice expands a workbook that names one string in millions of cells into
            # gigabytes: such a reference is not read.
            if not converted.exists() or converted.stat().st_size > _REFERENCE_MAX:
                continue
            if kind.startswith("doc") or kind.startswith("xls"):
                reference = converted.read_text(encoding="utf-8-sig", errors="replace")
                if kind.startswith("xls"):
                    reference = reference.replace(",", " ")
            else:
                reference = _read(converted)[0]
            theirs, mine = _words(reference), _words(text)
            if sum(theirs.values()) < _MIN_WORDS and sum(mine.values()) < _MIN_WORDS:
                continue
            shared = sum((theirs & mine).values())
            rows.append(
                {
                    "file": path.name,
                    "recall": shared / max(1, sum(theirs.values())),
                    "precision": shared / max(1, sum(mine.values())),
                }
            )
    return {"files": len(files), "compared": rows, "errors": errors, "seconds": seconds}


def _row(text: str) -> str:
    """A table row's cells with their spacing evened and the empty ones left out (the .doc
    reader drops an empty cell; the .docx and PDF readers keep it)."""
    return " | ".join(cell for cell in (" ".join(c.split()) for c in text.split("|")) if cell)


def evaluate_tables(soffice: str, files: list[Path]) -> dict[str, object]:
    """Each Word file's table rows, as its own reader gives them, against the paragraphs of
    the PDF LibreOffice exports from it."""
    tables = {}
    for path in files:
        text, error = _read(path)
        rows = [_row(p) for p in text.split("\n\n") if " | " in p] if not error else []
        if len(rows) >= 2:
            tables[path] = rows
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _libreoffice(soffice, list(tables), "pdf", folder)
        for path, rows in tables.items():
            pdf = folder / f"{path.stem}.pdf"
            if not pdf.exists():
                continue
            text, _ = _read(pdf)
            paragraphs = {_row(p) for p in text.split("\n\n")}
            hits = sum(1 for row in rows if row in paragraphs)
            found.append({"file": path.name, "rows": len(rows), "found": hits})
    return {"files": len(tables), "compared": found}


def _print_tables(result: dict[str, object], worst: int) -> None:
    rows = result["compared"]
    assert isinstance(rows, list)
    total, hits = sum(r["rows"] for r in rows), sum(r["found"] for r in rows)
    print(f"## PDF tables: {len(rows)} Word files with tables, exported to PDF by LibreOffice")
    print(f"table rows read whole from the PDF: {hits} of {total} ({hits / max(1, total):.1%})")
    for row in sorted(rows, key=lambda r: r["found"] / r["rows"])[:worst]:
        print(f"  {row['found']:4d} of {row['rows']:4d} {row['file']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=Path, required=True, help="a folder, read recursively")
    parser.add_argument(
        "--kinds", nargs="+", default=["doc", "ppt"], choices=[*_CONVERSIONS, "pdf-tables"]
    )
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) not found; nothing to compare with", file=sys.stderr)
        return 2
    logging.disable(logging.CRITICAL)
    for kind in args.kinds:
        if kind == "pdf-tables":
            words = [p for p in args.files.rglob("*") if p.suffix.lower() in _TABLE_KINDS]
            _print_tables(
                evaluate_tables(soffice, sorted(p for p in words if p.is_file())), args.worst
            )
            continue
        files = sorted(
            path
            for path in args.files.rglob("*")
            if path.is_file() and path.suffix.lower() == f".{kind}"
        )
        result = evaluate(soffice, files, kind)
        rows = result["compared"]
        assert isinstance(rows, list)
        both = sum(1 for row in rows if row["recall"] >= 0.95 and row["precision"] >= 0.95)
        print(f"## .{kind}: {result['files']} files, read in {result['seconds']:.1f} s")
        if rows:
            print(
                f"compared with LibreOffice ({len(rows)} with {_MIN_WORDS} words or more): "
                f"median recall {statistics.median(r['recall'] for r in rows):.1%}, "
                f"median precision {statistics.median(r['precision'] for r in rows):.1%}, "
                f"both at 95% or more: {both}"
            )
        for reason, count in sorted(result["errors"].items(), key=lambda item: -item[1]):
            print(f"  {count} x {reason}")
        for row in sorted(rows, key=lambda r: min(r["recall"], r["precision"]))[: args.worst]:
            print(f"  {row['recall']:.2f} {row['precision']:.2f} {row['file']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
