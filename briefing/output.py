"""Output files are written atomically: a temporary file beside the target, renamed into place.

A reader (or a rerun of ``briefing batch``) therefore sees either the whole file or none.
Before any work, a command checks that each output can be written and replaces nothing the
run reads (``check_outputs``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import ConfigError, OutputError


def check_writable(path: str) -> None:
    """Fail now, not after minutes of model work, when ``path`` could not be written: its
    folder is missing or not writable, or the path is a folder. The write itself may still
    fail later (a full disk); ``write_atomic`` then leaves no file behind."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: no folder {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: the folder {folder} is not writable")


def check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[tuple[str, str]]) -> None:
    """Fail before any work when a run would destroy what it was given: an output that is a
    file the run reads (a source, a fact sheet, a template), or two outputs that are one file
    (the second would replace the first). ``outputs`` are (option, path) pairs, ``inputs``
    (what it is, path) pairs."""
    read = {file_key(Path(given)): (what, given) for what, given in inputs}
    written: dict[object, str] = {}
    for option, path in outputs:
        key = file_key(Path(path))
        if key in read:
            what, given = read[key]
            raise ConfigError(
                f"{option} {path} is {what} ({given}): writing it would replace it; "
                "write to another file"
            )
        if key in written:
            raise ConfigError(f"{written[key]} and {option} name the same file {path}")
        written[key] = option


def file_key(path: Path) -> object:
    """What makes two paths one file: the device and inode of a file that exists (so links
    and other spellings of it match), else the absolute path it would be created at."""
    try:
        status = path.stat()
    except OSError:
        return str(path.resolve())
    return (status.st_dev, status.st_ino)


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed into place."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent or Path("."), prefix=f".{target.name}."
        )
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
