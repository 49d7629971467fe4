"""The Dask scheduler for ``memo-lint audit --scheduler`` (the ``dask`` extra).

Batches go to the workers as tasks of :func:`memo_lint.audit.records.audit_batch`; their rows
come back to this process, which writes them to the store exactly as for the local pool,
so results do not depend on where they were computed. Tasks are pure functions of their
batch: when a worker is lost, the scheduler runs its batches again elsewhere (``retries``
covers a task that fails with its worker), and no document is lost or stored twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack

from memo_lint.audit.records import Job, Rows, Task, audit_batch
from memo_lint.errors import MemoLintError

IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: enough to keep it busy, bytes bounded
RETRIES = 3


def dask_executor(
    address: str,
) -> Callable[[Iterable[list[Task]], Job], Iterator[Rows]]:
    def execute(batches: Iterable[list[Task]], job: Job) -> Iterator[Rows]:
        return _run(address, batches, job)

    return execute


def _run(address: str, batches: Iterable[list[Task]], job: Job) -> Iterator[Rows]:
    from distributed import Client, LocalCluster, as_completed

    with ExitStack() as stack:
        if address.startswith("local:"):
            try:
                workers = int(address.removeprefix("local:"))
            except ValueError:
                workers = 0
            if workers < 1:
                raise MemoLintError(f"--scheduler {address}: use local:N with N workers, N >= 1")
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout="30s"))
            except (OSError, TimeoutError) as error:
                raise MemoLintError(f"--scheduler {address}: cannot connect ({error})") from None
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        source = iter(batches)
        running = as_completed()
        for batch in source:
            running.add(client.submit(audit_batch, batch, job, pure=False, retries=RETRIES))
            if running.count() >= limit:
                yield next(running).result()
        for future in running:
            yield future.result()
