"""Node layouts in numpy: force-directed (Fruchterman–Reingold; repulsion exact between nodes
closer than twice the spring length, found by grid cells, and from everything further away
through a density grid convolved by FFT, so one step costs about the number of nodes and
links), and its packing of a case's separate groups to the view's shape. Deterministic for
a seed; the ``fixed`` (pinned) nodes stay where they are and the others are placed around
them. (The ring layouts are in :mod:`.rings`, the hierarchical one in :mod:`.layered`.)

Positions are an (n, 2) float64 array in chart units (a node is about 1 unit wide when
``k`` = 1; the GUI multiplies by its own scale)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from casefile.core.chart.shape import MARGIN, components, pack_rows, spread

Progress = Callable[[int, int], None]  # (done, total); may raise to cancel
_HALF = ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1))  # each pair of neighbour cells once


def _fixed(n: int, init: np.ndarray | None, fixed: np.ndarray | None
           ) -> tuple[np.ndarray, np.ndarray]:
    mask = np.zeros(n, bool) if fixed is None else np.asarray(fixed, bool).copy()
    if init is None:
        mask[:] = False
    return mask, (np.full((n, 2), np.nan) if init is None else np.array(init, np.float64))


def near_pairs(pos: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (i < j or i > j, each once) of points closer than ``r``, found by a grid
    of cells ``r`` wide."""
    n = len(pos)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    cell = np.floor((pos - pos.min(axis=0)) / r).astype(np.int64)
    ny = int(cell[:, 1].max()) + 3
    cid = (cell[:, 0] + 1) * ny + cell[:, 1] + 1
    order = np.argsort(cid, kind="stable")
    sc = cid[order]
    out_i, out_j = [], []
    for dx, dy in _HALF:
        target = cid + dx * ny + dy
        start = np.searchsorted(sc, target, "left")
        count = np.searchsorted(sc, target, "right") - start
        total = int(count.sum())
        if not total:
            continue
        ii = np.repeat(np.arange(n), count)
        within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        jj = order[np.repeat(start, count) + within]
        if dx == 0 and dy == 0:
            keep = ii < jj
            ii, jj = ii[keep], jj[keep]
        dx_, dy_ = pos[ii, 0] - pos[jj, 0], pos[ii, 1] - pos[jj, 1]
        close = dx_ * dx_ + dy_ * dy_ < r * r
        out_i.append(ii[close])
        out_j.append(jj[close])
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


class FarField:
    """The repulsion k²·d/|d|² each node gets from all others, with the nodes counted per
    cell of a ``cells`` × ``cells`` grid over their extent and the cells' push convolved by
    FFT (the kernel's transform is made once). A node's own cell adds nothing: near
    neighbours are counted exactly by :func:`near_pairs`."""

    def __init__(self, cells: int) -> None:
        self.cells = cells
        off = np.arange(-cells + 1, cells)
        ox, oy = np.meshgrid(off, off, indexing="ij")
        r2 = (ox * ox + oy * oy).astype(np.float64)
        r2[cells - 1, cells - 1] = np.inf
        self.size = (2 * cells, 2 * cells)  # no wrap-around reaches the window read back
        self.kern = [np.fft.rfft2(o / r2, self.size) for o in (ox, oy)]

    def __call__(self, pos: np.ndarray, k2: float
                 ) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
        """The far repulsion of every node, the cell size used, and the corners of the
        grid (around the bulk of the nodes)."""
        g = self.cells
        # the grid covers the bulk of the nodes; the few far out count in its edge cells
        lo, hi = np.percentile(pos, [0.5, 99.5], axis=0) if len(pos) > 200 else (
            pos.min(axis=0), pos.max(axis=0))
        span = float(max((hi - lo).max(), 1e-9)) * (1 + 1e-9)
        cs = span / g
        c = np.clip(((pos - lo) / cs).astype(np.int64), 0, g - 1)
        mass = np.bincount(c[:, 0] * g + c[:, 1], minlength=g * g).reshape(g, g)
        fm = np.fft.rfft2(mass.astype(np.float64), self.size)
        out = np.empty((len(pos), 2))
        for ax in (0, 1):
            field = np.fft.irfft2(fm * self.kern[ax], self.size)[g - 1:2 * g - 1,
                                                                 g - 1:2 * g - 1]
            out[:, ax] = field[c[:, 0], c[:, 1]] * (k2 / cs)
        return out, cs, lo, lo + span


def _push_pull(pos: np.ndarray, disp: np.ndarray, i: np.ndarray, j: np.ndarray,
               src: np.ndarray, dst: np.ndarray, k: float) -> None:
    """Add to ``disp`` the push k²/d between each pair (``i``, ``j``) of nodes and the pull
    d²/k along each link ``src`` → ``dst`` (Fruchterman–Reingold's forces)."""
    n, k2 = len(pos), k * k
    if len(i):
        dx, dy = pos[i, 0] - pos[j, 0], pos[i, 1] - pos[j, 1]
        push = k2 / np.maximum(dx * dx + dy * dy, 1e-6 * k2)
        for ax, d in ((0, dx * push), (1, dy * push)):
            disp[:, ax] += np.bincount(i, d, n) - np.bincount(j, d, n)
    if len(src):
        dx, dy = pos[src, 0] - pos[dst, 0], pos[src, 1] - pos[dst, 1]
        pull = np.sqrt(dx * dx + dy * dy) / k
        for ax, d in ((0, dx * pull), (1, dy * pull)):
            disp[:, ax] += np.bincount(dst, d, n) - np.bincount(src, d, n)


def force_layout(n: int, src: np.ndarray, dst: np.ndarray, *, seed: int = 0,
                 iterations: int = 120, init: np.ndarray | None = None,
                 fixed: np.ndarray | None = None, k: float = 1.0,
                 gravity: float = 0.3, progress: Progress | None = None) -> np.ndarray:
    """Fruchterman–Reingold with grid repulsion (cut off at 2k) and a weak pull to the
    centre that keeps separate groups together. ``init`` rows that are NaN (and all rows
    without ``init``) start at random from ``seed``; ``fixed`` rows never move."""
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    side = k * np.sqrt(n) * 1.2
    fixed_mask, pos = _fixed(n, init, fixed)
    fresh = np.isnan(pos).any(axis=1)
    centre = pos[~fresh].mean(axis=0) if (~fresh).any() else np.zeros(2)
    pos[fresh] = centre + rng.uniform(-side / 2, side / 2, (int(fresh.sum()), 2))
    moving = ~fixed_mask
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    loop = src != dst
    src, dst = src[loop], dst[loop]
    t0 = side / 8
    k2 = k * k
    far = FarField(int(np.clip(2 ** np.ceil(np.log2(np.sqrt(n) + 1)), 16, 128)))
    for it in range(iterations):
        if progress is not None and it % 10 == 0:
            progress(it, iterations)
        disp, cs, lo, hi = far(pos, k2)
        i, j = near_pairs(pos, min(1.5 * k, 1.5 * cs))
        _push_pull(pos, disp, i, j, src, dst, k)
        disp += gravity * (centre - pos) * k
        length = np.sqrt((disp * disp).sum(axis=1))
        t = t0 * (1.0 - it / iterations) + 0.01 * k
        step = np.minimum(length, t) / np.maximum(length, 1e-12)
        pos[moving] += disp[moving] * step[moving, None]
        if n > 200:  # the few the crowd pushes far out (lone nodes) stay near its edge
            room = 0.15 * (hi - lo)
            pos[moving] = np.clip(pos[moving], lo - room, hi + room)
    if progress is not None:
        progress(iterations, iterations)
    return pos


def packed_force_layout(n: int, src: np.ndarray, dst: np.ndarray, *, seed: int = 0,
                        k: float = 1.0, progress: Progress | None = None,
                        aspect: float = 1.0) -> np.ndarray:
    """The force layout of each connected component on its own, the components then packed
    in rows, biggest first (a case's many small groups sit side by side instead of being
    pushed apart by the big one). ``aspect``: the width over the height of the view the
    chart will fill (a short, wide dock gets long rows: its nodes are drawn larger); each
    group is turned to lie along the view's long side, and the whole drawn out along it
    (:func:`~casefile.core.chart.shape.spread`)."""
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    comp = components(n, src, dst)
    roots, sizes = np.unique(comp, return_counts=True)
    if len(roots) <= 1:
        one = force_layout(n, src, dst, seed=seed, k=k, progress=progress,
                           iterations=iterations_for(n))
        w, h = np.ptp(one, axis=0) if n else (0.0, 0.0)
        if (h > w) != (aspect < 1):  # turned to lie along the view's long side
            one = one[:, ::-1].copy()
        return spread(one, aspect, margin=MARGIN * k)
    pos = np.zeros((n, 2))
    order = np.argsort(comp, kind="stable")  # each group's members, without a scan each
    starts = np.searchsorted(comp[order], roots)
    members_of = {int(r): order[a:a + c] for r, a, c in zip(roots, starts, sizes, strict=True)}
    biggest = roots[np.argsort(-sizes, kind="stable")].tolist()
    small = [r for r in biggest if len(members_of[r]) <= SMALL_GROUP]
    few = sum(len(members_of[r]) for r in small)
    laid = dict(zip(small, small_groups(
        [members_of[r] for r in small], src, dst, seed=seed, k=k,
        progress=None if progress is None else (
            lambda it, total: progress(few * it // max(total, 1), n))), strict=True))
    boxes = []
    link_comp = comp[src]
    done = few  # (laid out above)
    for r in biggest:
        members = members_of[r]
        if r in laid:
            sub = laid[r]
        else:
            local = np.full(n, -1, np.int64)
            local[members] = np.arange(len(members))
            mine = link_comp == r
            sub = force_layout(len(members), local[src[mine]], local[dst[mine]], seed=seed,
                               k=k, iterations=iterations_for(len(members)), gravity=0.05)
        sub = sub - sub.min(axis=0)
        w, h = sub.max(axis=0)
        if (h > w) != (aspect < 1):  # turned to lie along the view's long side
            sub = sub[:, ::-1].copy()
        boxes.append((members, sub))
        if r not in laid:
            done += len(members)
            if progress is not None:
                progress(done, n)
    if progress is not None:
        progress(n, n)
    corners = pack_rows([(s[:, 0].max(), s[:, 1].max()) for _m, s in boxes], aspect,
                        1.5 * k)
    for (members, sub), corner in zip(boxes, corners, strict=True):
        pos[members] = sub + corner
    out: np.ndarray = spread(pos - pos.mean(axis=0), aspect, margin=MARGIN * k)
    return out


# groups of at most this many parties are laid out together (:func:`small_groups`): a case of
# 10^4 parties has thousands of lone parties, pairs and small rings, and a force layout each
# (FFT grid and all, 300 steps) took minutes. Bigger groups, a few dozen, keep their own run
# (its repulsion is a little weaker than the exact one here: a 14-party cluster is 9%
# smaller, and fills a short dock with larger icons)
SMALL_GROUP = 8


def small_groups(groups: list[np.ndarray], src: np.ndarray, dst: np.ndarray, *,
                 seed: int = 0, k: float = 1.0, gravity: float = 0.05,
                 progress: Progress | None = None) -> list[np.ndarray]:
    """The force layout of each small group of nodes (``groups``: their node indices; the
    links ``src`` → ``dst`` of the whole chart), all in one run: within each group, every
    pair of nodes pushes apart (exactly: no grid) and every link pulls, with the same
    forces, steps and cooling as :func:`force_layout`; no group feels another. The
    positions of each group, in its own frame, in the order given."""
    if not groups:
        return []
    sizes = np.array([len(g) for g in groups], np.int64)
    nodes = np.concatenate(groups)
    m = len(nodes)
    local = np.full(max(int(nodes.max()), int(src.max(initial=-1)),
                        int(dst.max(initial=-1))) + 1, -1, np.int64)
    local[nodes] = np.arange(m)  # node -> its row here (-1: not in a small group)
    starts = np.cumsum(sizes) - sizes
    pi, pj = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for size in np.unique(sizes[sizes > 1]).tolist():
        a, b = np.triu_indices(size, 1)
        first = starts[sizes == size][:, None]
        pi.append((first + a).ravel())
        pj.append((first + b).ravel())
    i, j = np.concatenate(pi), np.concatenate(pj)
    ls, ld = local[src], local[dst]
    keep = (ls >= 0) & (ld >= 0) & (ls != ld)
    ls, ld = ls[keep], ld[keep]
    rng = np.random.default_rng(seed)
    side = k * np.sqrt(np.repeat(sizes, sizes)) * 1.2
    pos = rng.uniform(-0.5, 0.5, (m, 2)) * side[:, None]
    t0, iterations = side / 8, iterations_for(int(sizes.max()))
    for it in range(iterations):
        if progress is not None and it % 10 == 0:  # may raise to cancel
            progress(it, iterations)
        disp = gravity * -pos * k
        _push_pull(pos, disp, i, j, ls, ld, k)
        length = np.sqrt((disp * disp).sum(axis=1))
        t = t0 * (1.0 - it / iterations) + 0.01 * k
        pos += disp * (np.minimum(length, t) / np.maximum(length, 1e-12))[:, None]
    return [pos[a:a + c] for a, c in zip(starts.tolist(), sizes.tolist(), strict=True)]


def iterations_for(n: int) -> int:
    """Force-layout steps for ``n`` nodes: more for small charts, where they are cheap."""
    return 300 if n < 200 else 150 if n < 2000 else 100
