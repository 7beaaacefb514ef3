"""Settings, declared once with types and documentation. A leaf: anyone may import it, it imports no Qt.

Resolution order for each value: explicit argument (CLI option) > environment variable > settings file >
default. The settings file is JSON in the data directory, so the CLI never needs Qt to read it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "trainer"
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str
    lang: str = "zh_CN"
    font_scale: float = 1.0  # larger text for older learners; 1.0 = 16 px base
    heartbeat_seconds: int = 5  # how often a running exam persists time used
    extra: dict = field(default_factory=dict)

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        raw = self.db_url.split("///", 1)[1] if "///" in self.db_url else ""
        return Path(raw) if raw and raw != ":memory:" else None


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(
    *, data_dir: str | Path | None = None, db_url: str | None = None, lang: str | None = None
) -> Settings:
    env = os.environ
    root = Path(data_dir or env.get("TRAINER_DATA_DIR") or default_data_dir()).expanduser()
    stored = _read_file(root / "settings.json")
    url = db_url or env.get("TRAINER_DB_URL") or stored.get("db_url") or sqlite_url(root / "trainer.sqlite3")
    language = lang or env.get("TRAINER_LANG") or stored.get("lang") or "zh_CN"
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    known = {f.name for f in fields(Settings)} - {"data_dir", "db_url", "lang", "extra"}
    kwargs = {k: v for k, v in stored.items() if k in known}
    return Settings(data_dir=root, db_url=url, lang=language, **kwargs)


def save_settings(settings: Settings, **changes: object) -> Settings:
    """Persist user-changeable values (language, font scale …) to the settings file."""
    from dataclasses import replace

    new = replace(settings, **changes)
    data = {k: v for k, v in asdict(new).items() if k not in ("data_dir", "db_url", "extra")}
    new.data_dir.mkdir(parents=True, exist_ok=True)
    tmp = new.settings_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(new.settings_file)
    return new


def _read_file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
