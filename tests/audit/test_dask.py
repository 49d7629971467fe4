"""Dask: a LocalCluster on this machine (loopback only) gives the local run's results, also
when a worker is killed mid-run."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memo_lint.audit import runner, summary
from memo_lint.audit.store import Store
from memo_lint.cli import main

distributed = pytest.importorskip("distributed", reason="memo-lint[dask] not installed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def audit(archive: Path, store: str, options: runner.AuditOptions, progress=None):  # type: ignore[no-untyped-def]
    with Store(Path(store)).open_for_writing() as opened:
        return runner.run([archive], opened, options, progress)


def summary_json(store: str, paths: list[str]) -> str:
    return summary.to_json(summary.build(Store(Path(store)), paths))


@pytest.mark.parametrize("send_bytes", [False, True])
def test_dask_gives_byte_identical_summaries(
    archive: Path, cluster: distributed.LocalCluster, send_bytes: bool
) -> None:
    local = audit(archive, "local", runner.AuditOptions(jobs=1))
    options = runner.AuditOptions(
        scheduler=cluster.scheduler_address, send_bytes=send_bytes, batch_size=2
    )
    remote = audit(archive, "dask", options)
    assert remote.linted == local.linted == 9
    assert summary_json("dask", remote.paths) == summary_json("local", local.paths)
    assert (Path("dask") / "documents").is_dir() and len(Store(Path("dask")).parts()) == 5


def test_a_killed_worker_loses_no_document(
    archive: Path, cluster: distributed.LocalCluster
) -> None:
    for copy in range(6):  # 57 documents, in batches of 2
        shutil.copytree(archive / "zwolle", archive / f"copy{copy}")
    local = audit(archive, "local", runner.AuditOptions(jobs=1))
    killed = []

    def kill_one_worker(done: int, total: int) -> None:
        if done and not killed:
            with distributed.Client(cluster) as client:
                pids = client.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    options = runner.AuditOptions(scheduler=cluster.scheduler_address, batch_size=2)
    remote = audit(archive, "dask", options, kill_one_worker)
    assert killed
    assert remote.linted == len(remote.paths) == 57
    assert Store(Path("dask")).documents().num_rows == 57
    assert summary_json("dask", remote.paths) == summary_json("local", local.paths)


def test_scheduler_local_n_from_the_command_line(archive: Path) -> None:
    args = ["audit", str(archive), "--store", "store", "--format", "json"]
    local = CliRunner().invoke(main, [*args, "-j", "1"], catch_exceptions=False)
    shutil.rmtree("store")
    dask = CliRunner().invoke(main, [*args, "--scheduler", "local:1"], catch_exceptions=False)
    assert dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout


def test_an_unreachable_scheduler_is_exit_2(archive: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "audit",
            str(archive),
            "--store",
            "store",
            "--lang",
            "en",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 2
    assert "cannot connect" in result.output


def test_a_cluster_of_its_own_runs_without_the_profiler_and_monitors() -> None:
    import dask

    from memo_lint.audit.distributed import LOCAL_CONFIG, DaskExecutor

    with DaskExecutor("local:1") as execute:
        client = execute._client.result()  # type: ignore[union-attr]
        found = client.run(lambda: {key: dask.config.get(key) for key in LOCAL_CONFIG})
        stealing = client.run_on_scheduler(
            lambda dask_scheduler: "stealing" in dask_scheduler.extensions
        )
    assert list(found.values()) == [LOCAL_CONFIG]
    assert not stealing
    assert dask.config.get("distributed.worker.profile.enabled") is True  # only that cluster's
