"""`trainer demo`: a realistic data set so a newcomer can explore every screen."""

from __future__ import annotations

import typer

from trainer.cli.app import CliState, fail
from trainer.core.errors import TrainerError


def demo(ctx: typer.Context, seed: int = typer.Option(2026, "--seed", help="random seed for the generated people")) -> None:
    """Load the bundled bank and courseware, communities in the six districts, ~120 workers, two trainers."""
    state: CliState = ctx.obj
    from trainer.services.demo import DemoService

    try:
        report = DemoService(state.context()).load(seed=seed)
    except TrainerError as exc:
        fail(exc)
    print(report)
