"""The worker processes of ``verify``'s parallel path (see ``_parallel``).

:class:`Pool` starts ``n`` workers (a bare ``os.fork`` where that is safe, else
``forkserver`` or ``spawn``), feeds each a few tasks at a time (chunks to check, members to
hash), collects the results, and tells each worker to exit as soon as no task is left for it.
A worker that fails or dies ends the run: the parent then runs the serial path.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from accord.evidence._chunk import Anomaly, ChunkResult, Job, Task, check_chunk
from accord.evidence._digest import Digest, DigestResult, compute_digest

__all__ = ["Pool", "TaskQueue", "start_method"]


def _worker(conn: Any, job: Job) -> None:
    """A worker's loop: tasks in, results out, until None. Never raises."""
    import gc

    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it ends us
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            res: ChunkResult | DigestResult
            if isinstance(task, Digest):
                try:
                    res = compute_digest(task)
                except Exception as e:
                    res = ChunkResult(-1, ok=False, reason=f"{task.name}: {type(e).__name__}: {e}")
                conn.send(res)
                continue
            began = time.perf_counter()
            try:
                res = check_chunk(job, task)
            except Exception as e:  # a worker's error is the serial path's to report
                res = ChunkResult(task.n, ok=False, reason=f"{type(e).__name__}: {e}")
            res.busy_s = time.perf_counter() - began
            res.began = began
            conn.send(res)
    except BaseException:  # the parent sees the worker gone and runs the serial path
        pass
    finally:
        with contextlib.suppress(OSError):
            conn.close()


def start_method() -> str:
    """``fork`` where it is safe, else ``forkserver`` or ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if (
        sys.platform.startswith("linux")
        and "fork" in methods
        and threading.active_count() == 1
        and not _loop_running()
    ):
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _loop_running() -> bool:
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return False
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Forked:
    """A worker started with a bare ``os.fork`` (as multiprocessing's ``fork`` method does,
    without its bookkeeping: ~1.2 ms per worker instead of ~2.7 ms on the development
    machine). The child runs :func:`_worker` and leaves with ``os._exit``; a dead child shows
    to the parent as the end of its connection."""

    sentinel = None

    def __init__(self, conn: Any, job: Job, inherited: list[Any]) -> None:
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (its work is covered through the pool)
            code = 1
            try:
                for c in inherited:  # the parent's ends of the other workers' pipes
                    with contextlib.suppress(OSError):
                        c.close()
                _worker(conn, job)
                code = 0
            finally:
                os._exit(code)
        self.pid = pid
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        if self.exitcode is not None:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            self.exitcode = -1
            return False
        if pid == 0:
            return True
        self.exitcode = os.waitstatus_to_exitcode(status)
        return False

    def terminate(self) -> None:
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)

    def join(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.001)


class TaskQueue:
    """Tasks known in advance, handed out in order; ``len`` is how many are left. Near the
    end (fewer left than would fill every worker's queue), the pool hands them out one at a
    time: a worker with a second chunk queued while the others have none would finish last,
    the others idle (on 16 cores that wait was 20-40 ms per worker, ~10% of the run)."""

    def __init__(self, tasks: Iterable[Task | Digest]) -> None:
        self._left = deque(tasks)

    def __iter__(self) -> TaskQueue:
        return self

    def __next__(self) -> Task | Digest:
        if not self._left:
            raise StopIteration
        return self._left.popleft()

    def __len__(self) -> int:
        return len(self._left)


class Pool:
    """``n`` worker processes, each fed at most ``depth`` tasks at a time (two when tasks are
    byte ranges, so a worker never waits; one when they carry the bytes, so the parent never
    blocks sending to a busy worker)."""

    def __init__(
        self,
        n: int,
        job: Job,
        method: str,
        depth: int,
        tasks: Iterator[Task | Digest] | None = None,
        on_result: Callable[[ChunkResult], None] | None = None,
    ) -> None:
        """Start the workers; with ``tasks``, each gets its first tasks as soon as it is
        started (starting one costs the parent a few ms, so the first ones work meanwhile).
        ``on_result`` sees each chunk's result as it comes in."""
        self.depth = depth
        self.on_result = on_result
        self.failure = ""
        self.tasks = tasks
        self.inflight = [0] * n
        self.results: list[ChunkResult] = []
        self.digests: list[DigestResult] = []
        self.spans: list[tuple[int, float, float]] = []
        """(worker, began, seconds) of each task done, for ``LAST_RUN``."""
        self.digested_at = 0.0
        """When the last digest came in (``time.perf_counter``)."""
        self.pending = True
        ctx: Any = multiprocessing.get_context(method)
        self.procs: list[Any] = []
        self.conns: list[Any] = []
        self.released: list[bool] = [False] * n
        try:
            for i in range(n):
                parent, child = ctx.Pipe()
                self.conns.append(parent)
                p: Any
                if method == "fork":
                    p = _Forked(child, job, self.conns)
                else:
                    p = ctx.Process(target=_worker, args=(child, job), daemon=True)
                    p.start()
                child.close()
                self.procs.append(p)
                if tasks is not None and not self.failure:
                    self._feed_or_fail(i)
        except BaseException:
            self.close(abort=True)  # the workers started so far
            raise

    def start(self, tasks: Iterator[Task | Digest] | None = None) -> None:
        """Hand each worker its first tasks (``tasks``, unless given when starting)."""
        if tasks is not None:
            self.tasks = tasks
        for i in range(len(self.conns)):
            if self.failure:
                return
            self._feed_or_fail(i)

    def _feed_or_fail(self, i: int) -> None:
        try:
            self._feed(i)
        except Anomaly as e:
            self.failure = str(e)

    def _feed(self, i: int) -> None:
        tasks = self.tasks
        if tasks is None:
            return
        while self.pending and self.inflight[i] < self.depth:
            if self.inflight[i] and isinstance(tasks, TaskQueue) and len(tasks) < self.depth * len(self.conns):
                return  # near the end, one at a time: whoever is done first takes the next
            task = next(tasks, None)
            if task is None:
                self.pending = False
                return
            try:
                self.conns[i].send(task)
            except OSError:
                raise Anomaly("a worker is gone") from None
            self.inflight[i] += 1

    def finish(self) -> list[ChunkResult] | None:
        """Wait for every result, handing out the remaining tasks."""
        if self.failure:
            return None
        try:
            return self._collect()
        except Anomaly as e:
            self.failure = str(e)
            return None

    def _collect(self) -> list[ChunkResult] | None:
        from multiprocessing.connection import wait

        inflight = self.inflight
        conn_index = {id(c): i for i, c in enumerate(self.conns)}
        sentinels = {p.sentinel: i for i, p in enumerate(self.procs) if p.sentinel is not None}
        while any(inflight):
            ready = wait(
                [c for i, c in enumerate(self.conns) if inflight[i]]
                + [p.sentinel for i, p in enumerate(self.procs) if inflight[i] and p.sentinel is not None]
            )
            r: Any
            for r in ready:
                if r in sentinels:
                    self.failure = "a worker died"
                    return None
                i = conn_index[id(r)]
                try:
                    res: ChunkResult | DigestResult = r.recv()
                except (EOFError, OSError):
                    self.failure = "a worker is gone"
                    return None
                inflight[i] -= 1
                self.spans.append((i, res.began, res.busy_s))
                if isinstance(res, DigestResult):
                    self.digests.append(res)
                    self.digested_at = time.perf_counter()
                elif not res.ok:
                    self.failure = f"chunk {res.n}: {res.reason}" if res.n >= 0 else res.reason
                    return None
                else:
                    self.results.append(res)
                self._feed(i)  # first: the worker goes on while its result is folded
                if self.on_result is not None and isinstance(res, ChunkResult):
                    self.on_result(res)
                if not inflight[i] and not self.pending:
                    self._release(i)  # nothing left for it: it exits while the others work
        return self.results

    def _release(self, i: int) -> None:
        """Tell worker ``i`` to exit (once)."""
        if not self.released[i]:
            self.released[i] = True
            with contextlib.suppress(OSError):
                self.conns[i].send(None)

    def close(self, abort: bool = False) -> None:
        """End the workers: idle ones exit on None; ``abort`` ends busy ones at once (their
        results are no longer wanted)."""
        if abort:
            for p in self.procs:
                if p.is_alive():
                    p.terminate()
        for i, c in enumerate(self.conns):
            self._release(i)
            with contextlib.suppress(OSError):
                c.close()
        for p in self.procs:
            p.join(timeout=2)
            if p.is_alive():
                p.terminate()
                p.join()
