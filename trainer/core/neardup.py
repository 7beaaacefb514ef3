"""Near-duplicate stems (近似重复题): normalised keys, character-shingle similarity, bank clustering.

Two items are near-duplicates when the Jaccard similarity of the character k-shingles of their normalised
stems reaches a threshold (default 0.8). `cluster_near_duplicates` groups a whole bank without comparing
every pair: it uses prefix filtering (rare shingles first), which finds exactly the pairs at or above
the threshold; clusters are then closed transitively (union-find).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping

DEFAULT_THRESHOLD = 0.8
DEFAULT_K = 3


_NOT_WORD = re.compile(r"[\W_]+")


def normalize_stem(stem: str) -> str:
    """NFKC, case-folded, without whitespace, punctuation, symbols and blank markers (`____`, `（　）`)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", stem).casefold())


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


def similar_pairs(stems: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD, k: int = DEFAULT_K) -> Iterator[tuple[str, str, float]]:
    """Every pair (earlier id, later id, similarity) at or above `threshold`, found without comparing every
    pair: prefix filtering indexes only each text's rarest shingles, which is exact for Jaccard."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    ids = sorted(stems)
    sets = {i: shingles(normalize_stem(stems[i]), k) for i in ids}
    freq = Counter(s for i in ids for s in sets[i])
    # One global order, rarest shingles first; ranks make each per-text sort a C-level key lookup.
    rank = {t: r for r, t in enumerate(sorted(freq, key=lambda t: (freq[t], t)))}
    inverted: dict[str, list[str]] = {}
    for i in ids:
        toks = sorted(sets[i], key=rank.__getitem__)
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
        for j in sorted(candidates):
            sj = sets[j]
            small, large = sorted((len(si), len(sj)))
            if small < threshold * large - 1e-9:
                continue
            inter = len(si & sj)
            sim = inter / (len(si) + len(sj) - inter)
            if sim >= threshold - 1e-12:
                yield j, i, sim


def cluster_near_duplicates(stems: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD,
                            k: int = DEFAULT_K) -> dict[str, str]:
    """Map every item id to its cluster key: the smallest id of its near-duplicate cluster.

    Singletons map to their own id. Result does not depend on the mapping's order.
    """
    parent = {i: i for i in stems}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in similar_pairs(stems, threshold, k):
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo
    return {i: find(i) for i in sorted(stems)}
