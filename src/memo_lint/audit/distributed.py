"""The Dask scheduler for ``memo-lint audit --scheduler`` (the ``dask`` extra).

Batches go to the workers as tasks of :func:`memo_lint.audit.records.audit_batch`; their rows
come back to this process, which writes them to the store exactly as for the local pool,
so results do not depend on where they were computed. Tasks are pure functions of their
batch: when a worker is lost, the scheduler runs its batches again elsewhere (``retries``
covers a task that fails with its worker), and no document is lost or stored twice.

The connection (and for ``local:N`` the whole cluster: importing distributed, starting a
scheduler and N worker processes, several seconds) is made in a thread as soon as the audit
starts, so it overlaps the client's own work (listing the documents, the skip check).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from types import TracebackType
from typing import Any

from memo_lint.audit.records import Job, Rows, Task, audit_batch
from memo_lint.errors import MemoLintError, Phrase

# A cluster of our own (local:N) does not run what only a long-lived shared cluster needs:
# the workers' statistical profiler samples the running task's stack every 10 ms, and the
# monitors wake every 20-500 ms in every process. On 2 cores they took about 0.13 CPU
# seconds per second of an idle LocalCluster (0.03 with these settings: bench/audit.py).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,  # the queue is on the scheduler anyway
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
}
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: enough to keep it busy, bytes bounded
RETRIES = 3


class DaskExecutor:
    """A context: on entry it starts connecting; called, it runs batches; on exit it closes
    the client (and the cluster it started)."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._stack = ExitStack()
        self._client: Future[Any] | None = None

    def __enter__(self) -> DaskExecutor:
        if self.address.startswith("local:"):
            try:
                workers = int(self.address.removeprefix("local:"))
            except ValueError:
                workers = 0
            if workers < 1:
                raise MemoLintError(Phrase("audit.local-workers", address=self.address))
        starter = ThreadPoolExecutor(1, thread_name_prefix="memo-lint-dask")
        self._client = starter.submit(self._connect)
        starter.shutdown(wait=False)
        return self

    def _connect(self) -> Any:
        from distributed import Client, LocalCluster

        if self.address.startswith("local:"):
            import dask

            self._stack.enter_context(dask.config.set(LOCAL_CONFIG))  # workers get a copy
            cluster = LocalCluster(
                n_workers=int(self.address.removeprefix("local:")),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self._stack.callback(cluster.close)
            client = Client(cluster)
        else:
            try:
                client = Client(self.address, timeout="30s")
            except (OSError, TimeoutError) as error:
                raise MemoLintError(
                    Phrase("audit.cannot-connect", address=self.address, error=error)
                ) from None
        # closed, not left as a context: its context variable belongs to this thread
        self._stack.callback(client.close)
        return client

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.exception()  # wait for the start: whatever started is closed
        self._stack.close()

    def __call__(self, batches: Iterable[list[Task]], job: Job) -> Iterator[Rows]:
        from distributed import as_completed

        assert self._client is not None, "used outside its with block"
        client = self._client.result()
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        running = as_completed()
        for batch in batches:
            running.add(client.submit(audit_batch, batch, job, pure=False, retries=RETRIES))
            if running.count() >= limit:
                yield next(running).result()
        for future in running:
            yield future.result()
