"""Where shards run: in this process, in a local process pool, or on a Dask cluster.

Every engine runs the same `process_shard` on the same shards and hands back each shard's
results as it completes. The runner stores them in the manifest at once and writes the output
files in `doc_id` order at the end, so the engine never changes a byte of the output.

A started engine is a `concurrent.futures.Executor` (Dask's `Client.get_executor()` is one)
and its number of workers; `run_shards` keeps two shards per worker submitted, so each worker
always has the next one and the texts waiting in memory stay bounded however long the input.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from .config import ShardSpec
from .model_meta import SetupError
from .read import Article
from .results import ArticleResult

ENGINES = ("local", "dask")
#: Shards queued per worker: one running, one ready to start.
SHARDS_PER_WORKER = 2


def run_shard(articles: list[Article], spec: ShardSpec) -> list[ArticleResult]:
    """`shard.process_shard`, imported in the process that runs it.

    It imports spaCy and every stage (about 3 s); the parent of a process pool and the Dask
    client never need them, nor does a re-run with nothing new.
    """
    from .shard import process_shard

    return process_shard(articles, spec)


@dataclass(frozen=True)
class Workers:
    """A started engine: where to submit shards, and how many run at once."""

    executor: concurrent.futures.Executor
    count: int


class Engine(Protocol):
    def start(self) -> AbstractContextManager[Workers]:
        """Start the workers; they are stopped when the block ends."""
        ...


@dataclass(frozen=True)
class LocalEngine:
    """`jobs` 1: this process. More: a pool of `jobs` processes, started by spawn."""

    jobs: int = 1

    @contextmanager
    def start(self) -> Iterator[Workers]:
        if self.jobs == 1:
            yield Workers(InProcessExecutor(), 1)
            return
        # spawn: a fresh interpreter per worker, the same on Linux, macOS and Windows, and no
        # copy of the parent's threads and locks.
        context = multiprocessing.get_context("spawn")
        pool = concurrent.futures.ProcessPoolExecutor(self.jobs, mp_context=context)
        try:
            yield Workers(pool, self.jobs)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class DaskEngine:
    """Dask distributed: the cluster at `scheduler`, else a `LocalCluster` of `jobs` workers."""

    jobs: int = 1
    scheduler: str | None = None

    def __post_init__(self) -> None:
        import_distributed()  # a missing extra is a set-up error before any work

    @contextmanager
    def start(self) -> Iterator[Workers]:
        distributed = import_distributed()
        with ExitStack() as stack:
            if self.scheduler:
                client = stack.enter_context(distributed.Client(self.scheduler))
            else:
                # One thread per worker process: the model uses one core per process anyway.
                cluster = distributed.LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                stack.enter_context(cluster)
                client = stack.enter_context(distributed.Client(cluster))
            # The workers there now size the queue: start a cluster's workers before the run.
            threads = sum(client.nthreads().values())
            yield Workers(client.get_executor(pure=False), max(threads, 1))


def import_distributed() -> ModuleType:
    try:
        import distributed
    except ImportError as exc:
        message = (
            "the Dask engine needs distributed: install the dask extra (pip install '.[dask]')"
        )
        raise SetupError(message) from exc
    return distributed


class InProcessExecutor(concurrent.futures.Executor):
    """Runs each call at once, in this process, and returns its finished future."""

    def submit(
        self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


def run_shards(
    engine: Engine, shards: Iterable[list[Article]], spec: ShardSpec
) -> Iterator[tuple[list[Article], list[ArticleResult]]]:
    """Each shard with its results, as soon as it completes."""
    with engine.start() as workers:
        pending: dict[concurrent.futures.Future, list[Article]] = {}
        for shard in shards:
            pending[workers.executor.submit(run_shard, shard, spec)] = shard
            full = len(pending) >= SHARDS_PER_WORKER * workers.count
            yield from collect(pending, timeout=None if full else 0)
        while pending:
            yield from collect(pending, timeout=None)


def collect(
    pending: dict[concurrent.futures.Future, list[Article]], timeout: float | None
) -> Iterator[tuple[list[Article], list[ArticleResult]]]:
    """The shards done, after waiting up to `timeout` seconds for one (None: until one is)."""
    done, _ = concurrent.futures.wait(
        pending, timeout=timeout, return_when=concurrent.futures.FIRST_COMPLETED
    )
    for future in done:
        yield pending.pop(future), future.result()
