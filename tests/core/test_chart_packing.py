"""The force layout packs a case's separate groups in rows to the shape of the view it will
fill: in a short, wide dock the groups sit in a long row (drawn larger, labels readable)
instead of a square block drawn small."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.layout import SMALL_GROUP, packed_force_layout, small_groups


def _pairs(groups: int) -> tuple[np.ndarray, np.ndarray]:
    """``groups`` separate pairs of parties (0-1, 2-3, …)."""
    src = np.arange(0, 2 * groups, 2)
    return src, src + 1


def _shape(pos: np.ndarray) -> float:
    span = pos.max(axis=0) - pos.min(axis=0)
    return float(span[0] / max(span[1], 1e-9))


def test_a_wide_view_gets_a_wide_packing():
    src, dst = _pairs(12)
    square = packed_force_layout(24, src, dst, seed=1)
    wide = packed_force_layout(24, src, dst, seed=1, aspect=8.0)
    assert _shape(wide) > 2 * _shape(square)
    assert np.array_equal(square, packed_force_layout(24, src, dst, seed=1, aspect=1.0))


@settings(max_examples=15, deadline=None)
@given(groups=st.integers(2, 15), aspect=st.floats(0.1, 20.0), seed=st.integers(0, 5))
def test_packing_keeps_groups_apart_and_is_deterministic(groups, aspect, seed):
    src, dst = _pairs(groups)
    n = 2 * groups
    pos = packed_force_layout(n, src, dst, seed=seed, aspect=aspect)
    assert pos.shape == (n, 2) and np.isfinite(pos).all()
    assert np.array_equal(pos, packed_force_layout(n, src, dst, seed=seed, aspect=aspect))
    # no two parties of different groups are placed on top of each other
    d = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=2)
    other = (np.arange(n)[:, None] // 2) != (np.arange(n)[None, :] // 2)
    assert d[other].min() > 0.5


@settings(max_examples=15, deadline=None)
@given(chains=st.integers(2, 6), length=st.integers(3, 6), seed=st.integers(0, 5),
       wide=st.booleans())
def test_each_group_lies_along_the_long_side_of_the_view(chains, length, seed, wide):
    """A chain of parties (shipper → forwarder → consignee) is laid along a short, wide
    dock, not across it where it would set the height of the whole row."""
    src = np.array([c * length + i for c in range(chains) for i in range(length - 1)])
    n = chains * length
    pos = packed_force_layout(n, src, src + 1, seed=seed, aspect=6.0 if wide else 1 / 6)
    for c in range(chains):
        w, h = np.ptp(pos[c * length:(c + 1) * length], axis=0)
        assert (w >= h) if wide else (h >= w)


@st.composite
def _small_groups(draw):
    """Separate groups of as many parties as small_groups lays out (SMALL_GROUP), each a
    random connected tree and a few more links (as a case's lone parties, pairs, rings and
    small networks are). (A star of 24, which the chart lays out on its own, stretches its
    hubs' link past 4 springs.)"""
    sizes = draw(st.lists(st.integers(1, SMALL_GROUP), min_size=1, max_size=30))
    src, dst, groups, at = [], [], [], 0
    for size in sizes:
        for i in range(1, size):
            src.append(at + i)
            dst.append(at + draw(st.integers(0, i - 1)))
        for _ in range(draw(st.integers(0, 3)) if size > 2 else 0):
            a, b = draw(st.integers(0, size - 1)), draw(st.integers(0, size - 1))
            src.append(at + a)
            dst.append(at + b)
        groups.append(np.arange(at, at + size))
        at += size
    return groups, np.array(src, np.int64), np.array(dst, np.int64)


@settings(max_examples=30, deadline=None)
@given(case=_small_groups(), seed=st.integers(0, 3))
def test_small_groups_laid_out_together_as_each_alone(case, seed):
    """Thousands of small groups are laid out in one run (one force layout each took
    minutes at 10^4 parties): each as the force layout would, linked parties about a
    spring apart, no two of a group on top of each other, the same each time."""
    groups, src, dst = case
    out = small_groups(groups, src, dst, seed=seed)
    again = small_groups(groups, src, dst, seed=seed)
    assert [p.shape for p in out] == [(len(g), 2) for g in groups]
    assert all(np.array_equal(a, b) for a, b in zip(out, again, strict=True))
    pos = np.zeros((sum(len(g) for g in groups), 2))
    for g, p in zip(groups, out, strict=True):
        assert np.isfinite(p).all()
        pos[g] = p
        if len(g) > 1:
            d = np.linalg.norm(p[:, None] - p[None], axis=2) + np.eye(len(g)) * 9
            assert d.min() > 0.3  # (a ring may fold a little, as in force_layout)
    loop = src != dst
    length = np.linalg.norm(pos[src[loop]] - pos[dst[loop]], axis=1)
    assert length.size == 0 or (length.min() > 0.3 and length.max() < 4.0)


def test_a_small_group_is_laid_out_the_same_whatever_groups_are_beside_it():
    """(review17) No group feels another: a group's layout is the same next to one group
    as next to another of the same size; and the run reports progress and can be
    cancelled, as a force layout can."""
    a = np.arange(0, 5)
    ring = (np.array([0, 1, 2, 3, 4]), np.array([1, 2, 3, 4, 0]))
    beside = [np.arange(5, 9), np.arange(5, 9)]
    links = [(np.array([5, 6, 7]), np.array([6, 7, 8])), (np.array([5, 5, 5]),
                                                         np.array([6, 7, 8]))]
    first, second = (small_groups([a, b], np.concatenate([ring[0], s]),
                                  np.concatenate([ring[1], d]), seed=2)[0]
                     for b, (s, d) in zip(beside, links, strict=True))
    assert np.array_equal(first, second)
    seen = []

    class Cancelled(Exception):
        pass

    def progress(done, total):
        seen.append((done, total))
        if len(seen) == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        small_groups([a], *ring, progress=progress)
    assert seen == [(0, 300), (10, 300), (20, 300)]


def test_the_layouts_progress_only_moves_forward():
    """(review18) A ring laid out on its own and 300 pairs together: the progress said
    went 89, 92, then back to 5."""
    src = [i for i in range(29)] + [29] + [30 + 2 * p for p in range(300)]
    dst = [i + 1 for i in range(29)] + [0] + [31 + 2 * p for p in range(300)]
    said = []
    packed_force_layout(630, np.array(src), np.array(dst), seed=1,
                        progress=lambda done, total: said.append(done / total))
    assert said == sorted(said) and said[-1] == 1.0
