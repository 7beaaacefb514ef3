"""The `trainer` command: composition root of the CLI.

`trainer` and `trainer gui` start the desktop app through a fast path that skips Typer (start-up time is
a feature); everything else is a Typer command. Expected errors exit 1 with located messages.
"""

from __future__ import annotations

import sys
import time

PROCESS_START = time.perf_counter()

GUI_FLAGS = {"--exit-when-ready"}
GLOBAL_OPTIONS = {"--db", "--data-dir", "--lang"}


def run(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_args = _gui_fast_path(argv)
    if gui_args is not None:
        from trainer.ui.app import launch

        sys.exit(launch(start=PROCESS_START, **gui_args))
    from trainer.cli.app import app

    app(args=argv, prog_name="trainer")


def _gui_fast_path(argv: list[str]) -> dict | None:
    """Parse `[global options] [gui [--exit-when-ready]]`; None when it is any other command."""
    opts: dict = {"db": None, "data_dir": None, "lang": None, "exit_when_ready": False}
    i, seen_gui = 0, False
    while i < len(argv):
        arg = argv[i]
        name, _, inline = arg.partition("=")
        if name in GLOBAL_OPTIONS and not seen_gui:
            value = inline if inline else (argv[i + 1] if i + 1 < len(argv) else None)
            if value is None:
                return None
            opts[name[2:].replace("-", "_")] = value
            i += 1 if inline else 2
        elif arg == "gui" and not seen_gui:
            seen_gui = True
            i += 1
        elif arg in GUI_FLAGS and seen_gui:
            opts["exit_when_ready"] = True
            i += 1
        else:
            return None
    return opts
