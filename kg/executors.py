"""Where per-article batches run: this process (default), processes, or Dask."""
from __future__ import annotations

from collections.abc import Callable


def make_runner(workers: int = 1, dask: str | None = None) -> Callable | None:
    """A run_batch callable for kg.pipeline.analyze_all, or None for in-process."""
    if dask is None and workers <= 1:
        return None
    raise NotImplementedError("parallel execution lands with the scale work")
