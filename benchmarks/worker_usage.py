"""What the digest worker process (casefile.store.digest_sums) used during a benchmark's
import: it runs beside the importing process, so its CPU time is not in that process's own."""

from __future__ import annotations

import resource


def digest_worker_usage() -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of the digest worker, stopped first so that the
    counts are final; (0, 0) when no worker was started."""
    from casefile.store.digest_sums import shutdown

    shutdown()
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(use.ru_utime + use.ru_stime, 3), round(use.ru_maxrss / 1024)
