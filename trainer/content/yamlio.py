"""YAML reading that remembers where each value came from, so problems name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is several times faster; fall back to the pure-Python loader where it is missing
    from yaml import CSafeDumper as SafeDumper
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]

from trainer.core.errors import Location, Problem


@dataclass
class YamlDoc:
    """A parsed document plus its node tree for line look-ups."""

    source: str
    data: Any
    node: Any

    def line(self, *path: str | int) -> int | None:
        """1-based line of the value at `path` (keys and list indexes), or of the nearest parent."""
        node = self.node
        best = node.start_mark.line + 1 if node is not None else None
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def loc(self, *path: str | int, field: str = "", item: str = "") -> Location:
        return Location(source=self.source, line=self.line(*path), field=field, item=item)


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == step:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def read_yaml(path: Path, source: str | None = None) -> tuple[YamlDoc | None, list[Problem]]:
    name = source or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(Location(name), f"文件不是 UTF-8 编码（{exc.reason}）")]
    except OSError as exc:
        return None, [Problem(Location(name), f"无法读取文件：{exc.strerror}")]
    return parse_yaml(text, name)


def parse_yaml(text: str, source: str) -> tuple[YamlDoc | None, list[Problem]]:
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "YAML 语法错误"
        return None, [Problem(Location(source, line), f"YAML 语法错误：{reason}")]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(source), f"YAML 语法错误：{exc}")]
    finally:
        loader.dispose()
    return YamlDoc(source, data, node), []


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100)


def display_name(path: Path, root: Path | None) -> str:
    """A path as problems show it: relative to the bank's common root when possible."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root))
        except ValueError:
            pass
    return str(path)
