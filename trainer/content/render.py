"""Courseware and question rendering to HTML through Jinja2 templates in resources/ (strict, autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from trainer import paths


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(paths.resource("templates"))),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    env.filters["markdown"] = lambda text: Markup(md.render(text or ""))
    return env


@dataclass(frozen=True)
class ItemLink:
    id: str
    type_label: str
    stem: str


def render_chapter(*, title: str, domain_label: str, body: str, rules: list[tuple[str, str]], items: list[ItemLink], font_px: int = 18) -> str:
    """HTML for the courseware reader: the chapter, the rules it rests on, and the items it teaches."""
    return environment().get_template("chapter.html.j2").render(
        title=title, domain_label=domain_label, body=body, rules=rules, items=items, font_px=font_px
    )
