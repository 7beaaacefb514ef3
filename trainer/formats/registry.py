"""The interchange formats by code, and detection of a file's format (extension first, then content)."""

from __future__ import annotations

from pathlib import Path

from trainer.core.errors import ValidationError
from trainer.formats.aiken import FORMAT as AIKEN
from trainer.formats.base import Format, ReadResult
from trainer.formats.csvfmt import FORMAT as CSV
from trainer.formats.gift import FORMAT as GIFT
from trainer.formats.moodlexml import FORMAT as MOODLEXML
from trainer.formats.qti import FORMAT as QTI
from trainer.formats.xlsx import FORMAT as XLSX

FORMATS: dict[str, Format] = {f.code: f for f in (XLSX, CSV, GIFT, MOODLEXML, AIKEN, QTI)}
HEAD_BYTES = 64 * 1024


def register(fmt: Format) -> None:
    """Add a format (the native YAML loader registers itself as `yaml`)."""
    FORMATS[fmt.code] = fmt


def get(code: str) -> Format:
    try:
        return FORMATS[code]
    except KeyError:
        raise ValidationError(f"未知格式“{code}”（可选 {' '.join(FORMATS)}）") from None


def detect(path: str | Path, head: bytes) -> Format:
    """By extension, the content deciding between formats sharing one (.xml, .txt, .zip); else by content."""
    ext = Path(path).suffix.lower()
    candidates = [f for f in FORMATS.values() if ext in f.extensions]
    if len(candidates) == 1:
        return candidates[0]
    for f in candidates or list(FORMATS.values()):
        if f.sniff(head):
            return f
    if candidates:
        return candidates[0]
    raise ValidationError(f"无法识别“{Path(path).name}”的格式，请用 --format 指定")


def read_path(path: str | Path, *, format: str = "auto", domain: str | None = None) -> ReadResult:
    """Read one file; QTI tests may reference item files beside it."""
    p = Path(path)
    data = p.read_bytes()
    fmt = detect(p, data[:HEAD_BYTES]) if format == "auto" else get(format)
    base = p.parent.resolve()

    def opener(name: str) -> bytes:
        target = (base / name).resolve()
        if base not in target.parents and target != base:
            raise ValueError(f"{name} 不在 {base} 之内")
        return target.read_bytes()

    return fmt.read(data, str(path), domain=domain, opener=opener)
