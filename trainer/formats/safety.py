"""Refusing hostile input: XML without entities or external references, zips that are not bombs."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

MAX_INPUT = 64 * 1024 * 1024  # bytes of any file we read
MAX_UNCOMPRESSED = 256 * 1024 * 1024  # declared total of a zip's members
MAX_RATIO = 200  # declared uncompressed / compressed, per member larger than 1 MiB
MAX_MEMBERS = 20000


class Refused(Exception):
    """Input refused for safety; the message is Chinese and shown to the user."""


def check_size(data: bytes) -> None:
    if len(data) > MAX_INPUT:
        raise Refused(f"文件过大（{len(data) // (1024 * 1024)} MB，上限 {MAX_INPUT // (1024 * 1024)} MB）")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip after checking its declared sizes and compression ratios (zip bombs are refused)."""
    check_size(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as e:
        raise Refused(f"不是有效的 zip/xlsx 文件（{e}）") from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused(f"压缩包内文件过多（{len(infos)} 个）")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Refused(f"压缩包内 {info.filename} 压缩比异常（疑似压缩炸弹），已拒绝")
    if total > MAX_UNCOMPRESSED:
        raise Refused(f"压缩包解压后过大（{total // (1024 * 1024)} MB，上限 {MAX_UNCOMPRESSED // (1024 * 1024)} MB）")
    return zf


def read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    with zf.open(info) as f:
        data = f.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise Refused(f"压缩包内 {name} 的实际大小与声明不符，已拒绝")
    return data


class _LineParser(DefusedXMLParser):
    """defusedxml's parser (no entities, no external references) that also records each element's line."""

    def __init__(self) -> None:
        super().__init__(target=TreeBuilder(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.lines: dict[int, int] = {}

    def _start(self, tag, attr_list):  # type: ignore[no-untyped-def]
        elem = super()._start(tag, attr_list)
        self.lines[id(elem)] = self.parser.CurrentLineNumber
        return elem


class XmlDoc:
    """A parsed XML document with element line numbers and namespace-blind helpers."""

    def __init__(self, root: Element, lines: dict[int, int]):
        self.root = root
        self._lines = lines

    def line(self, elem: Element | None) -> int | None:
        return None if elem is None else self._lines.get(id(elem))


def parse_xml(data: bytes) -> XmlDoc:
    """Parse untrusted XML; raises Refused with a Chinese, located message."""
    check_size(data)
    parser = _LineParser()
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        raise Refused("XML 含实体声明或外部引用，出于安全考虑已拒绝") from None
    except ParseError as e:
        line = e.position[0] if e.position else None
        raise Refused(f"XML 格式错误（第 {line} 行）：{e}") from None
    return XmlDoc(root, parser.lines)


def local(tag: object) -> str:
    """Tag name without its namespace."""
    t = str(tag)
    return t.rsplit("}", 1)[-1] if "}" in t else t


def child(elem: Element | None, name: str) -> Element | None:
    if elem is None:
        return None
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def children(elem: Element | None, name: str) -> list[Element]:
    if elem is None:
        return []
    return [c for c in elem if local(c.tag) == name]


def descendants(elem: Element, name: str) -> list[Element]:
    return [e for e in elem.iter() if local(e.tag) == name]


def text_of(elem: Element | None, path: str = "") -> str:
    """Text of elem, or of the element at a '/'-separated path of local names below it."""
    for part in [p for p in path.split("/") if p]:
        elem = child(elem, part)
    if elem is None:
        return ""
    return elem.text or ""
