"""The force layout packs a case's separate groups in rows to the shape of the view it will
fill: in a short, wide dock the groups sit in a long row (drawn larger, labels readable)
instead of a square block drawn small."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.layout import packed_force_layout


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
