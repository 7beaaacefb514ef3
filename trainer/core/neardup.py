"""Near-duplicate stems (近似重复题): normalised keys, character-shingle similarity, bank clustering.

Two items are near-duplicates when the Jaccard similarity of the character k-shingles of their normalised
stems reaches a threshold (default 0.8). `cluster_near_duplicates` groups a whole bank without comparing
every pair: it uses prefix filtering (rare shingles first), which finds exactly the pairs at or above
the threshold; clusters are then closed transitively (union-find).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Mapping

DEFAULT_THRESHOLD = 0.8
DEFAULT_K = 3


def normalize_stem(stem: str) -> str:
    """NFKC, case-folded, without whitespace, punctuation and blank markers (`____`, `（　）`)."""
    text = unicodedata.normalize("NFKC", stem).casefold()
    return "".join(ch for ch in text if not unicodedata.category(ch)[0] in "PZC")


def near_duplicate_key(stem: str) -> str:
    """A key equal for stems that differ only in spacing, punctuation, width or case."""
    return normalize_stem(stem)


def shingles(text: str, k: int = DEFAULT_K) -> frozenset[str]:
    """Character k-shingles of an already normalised text (the text itself when shorter than k)."""
    if len(text) <= k:
        return frozenset((text,)) if text else frozenset()
    return frozenset(text[i:i + k] for i in range(len(text) - k + 1))


def similarity(a: str, b: str, k: int = DEFAULT_K) -> float:
    """Jaccard similarity (0–1) of the shingles of two stems after normalisation."""
    sa, sb = shingles(normalize_stem(a), k), shingles(normalize_stem(b), k)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def cluster_near_duplicates(stems: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD,
                            k: int = DEFAULT_K) -> dict[str, str]:
    """Map every item id to its cluster key: the smallest id of its near-duplicate cluster.

    Singletons map to their own id. Result does not depend on the mapping's order.
    """
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    ids = sorted(stems)
    sets = {i: shingles(normalize_stem(stems[i]), k) for i in ids}
    freq = Counter(s for i in ids for s in sets[i])
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo

    inverted: dict[str, list[str]] = {}
    for i in ids:
        toks = sorted(sets[i], key=lambda t: (freq[t], t))
        if not toks:
            continue
        size = len(toks)
        prefix = size - math.ceil(threshold * size - 1e-9) + 1
        candidates: set[str] = set()
        for t in toks[:prefix]:
            bucket = inverted.setdefault(t, [])
            candidates.update(bucket)
            bucket.append(i)
        si = sets[i]
        for j in candidates:
            sj = sets[j]
            small, large = sorted((len(si), len(sj)))
            if small < threshold * large - 1e-9 or find(i) == find(j):
                continue
            inter = len(si & sj)
            if inter / (len(si) + len(sj) - inter) >= threshold - 1e-12:
                union(i, j)
    return {i: find(i) for i in ids}
