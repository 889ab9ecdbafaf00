"""The dask engine gives the same JSON lines, in the same order, as the in-process run; the model
is loaded once per worker process, the one named by `model`; a missing dask is a clear error naming the install command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import distributed
import pytest

from pipeline.dask_engine import run_dask
from pipeline.extract import STAGES
from pipeline import nlp
from pipeline.run import process

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
ARTICLES = SEEDS + [str(p) for p in sorted((ROOT / "corpus" / "dev").glob("*.txt"))]


def lines(outcomes) -> list[str]:
    return [o.line if o.line is not None else f"error: {o.path}: {o.error}" for o in outcomes]


@pytest.fixture(scope="module")
def expected() -> list[str]:
    return lines(process(ARTICLES, STAGES, 64))


def test_local_cluster_gives_the_in_process_lines_on_the_seeds(expected):
    got = lines(run_dask(SEEDS, STAGES, 2, None))
    assert len(got) == len(SEEDS) == 3
    assert got == expected[:len(SEEDS)]
    assert all(not line.startswith("error:") for line in got)


def test_cluster_by_address_keeps_input_order_and_loads_the_model_once_per_worker(expected):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        got = lines(run_dask(ARTICLES, STAGES, 1, cluster.scheduler_address))  # 15 one-article partitions
        with distributed.Client(cluster) as client:
            pids = client.run(os.getpid)
            loads = client.run(nlp.cache_info)
    assert got == expected
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()  # processes, not threads
    assert sum(info.hits + info.misses for info in loads.values()) == len(ARTICLES)
    assert all(info.misses <= 1 for info in loads.values())


def test_workers_load_the_model_given_by_folder(expected, tmp_path):
    folder = tmp_path / "pipeline-copy"
    nlp.load_nlp().to_disk(folder)
    assert lines(run_dask(SEEDS, STAGES, 1, None, model=str(folder))) == expected[:len(SEEDS)]


def test_a_model_missing_on_the_workers_is_a_model_error(tmp_path):
    with pytest.raises(nlp.ModelError, match=r"spaCy model '.*absent' is not installed: install an English spaCy pipeline"):
        list(run_dask(SEEDS, STAGES, 64, None, workers=1, model=str(tmp_path / "absent")))


def test_an_empty_list_starts_no_cluster():
    assert list(run_dask([], STAGES, 64, "tcp://127.0.0.1:1")) == []


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    with pytest.raises(ImportError, match=r"pip install 'dask\[distributed\]=="):
        run_dask(SEEDS, STAGES, 64, None)


def _cli(*args: str):
    import subprocess

    return subprocess.run([sys.executable, "-m", "pipeline", "run", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_cli_dask_engine_writes_the_same_bytes_as_the_default_engine(tmp_path):
    default = _cli("seeds", str(tmp_path / "default.jsonl"))
    on_dask = _cli("--engine", "dask", "--jobs", "2", "--batch-size", "1", "seeds", str(tmp_path / "dask.jsonl"))
    assert default.returncode == 0 and on_dask.returncode == 0, on_dask.stderr
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "default.jsonl").read_bytes()
    assert len((tmp_path / "dask.jsonl").read_bytes().splitlines()) == 3


def test_cli_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path):
    result = _cli("--scheduler", "tcp://127.0.0.1:8786", "seeds", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert "--scheduler needs --engine dask" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    result = _cli("--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--timeout", "1", "seeds", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: cannot reach the dask scheduler at tcp://127.0.0.1:1 within 1 s (--timeout): OSError"
    ]
    assert list(tmp_path.iterdir()) == []


def test_relative_paths_reach_workers_with_their_own_working_folder(expected, tmp_path, monkeypatch):
    """Paths are made absolute before they are shipped (a worker of a remote cluster has its own
    working folder); the records keep them as given. Shown by a worker whose folder is changed."""
    monkeypatch.chdir(ROOT)
    relative = [os.path.relpath(p, ROOT) for p in SEEDS]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            client.run(os.chdir, str(tmp_path))  # the worker no longer sees seeds/ relative to its folder
        got = lines(run_dask(relative, STAGES, 2, cluster.scheduler_address))
    assert [line.replace('"path":"seeds/', f'"path":"{ROOT}/seeds/') for line in got] == expected[:len(SEEDS)]


# --- lost workers: recomputed, or reported per document; never a hang ---------------------------

import signal  # noqa: E402

import cloudpickle  # noqa: E402

from timing import deadline  # noqa: E402  (tests/ is on sys.path under pytest)

# The plugin below is shipped to the workers by value: they cannot import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


class _Poison(distributed.WorkerPlugin):
    """In every worker (restarted ones too): reading a file named `poison.txt` kills the worker
    process with SIGKILL, as the kernel's OOM killer would."""

    def setup(self, worker):
        import pipeline.batch as batch

        real = batch.read_article

        def reading(path):
            if str(path).endswith("poison.txt"):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(path)

        batch.read_article = reading


def _cluster(**scheduler_kwargs):
    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, scheduler_kwargs=scheduler_kwargs,
    )


def test_a_worker_killed_mid_run_costs_nothing_but_time(expected):
    """SIGKILL of one worker process after the first results: dask runs its tasks again on the
    other worker (or on the fresh one its nanny starts) and every record comes back, in order."""
    with deadline(600), _cluster() as cluster:
        with distributed.Client(cluster) as client:
            pids = list(client.run(os.getpid).values())
        got = []
        for outcome in run_dask(ARTICLES, STAGES, 1, cluster.scheduler_address):
            if not got:
                os.kill(pids[0], signal.SIGKILL)
            got.append(outcome)
    assert lines(got) == expected


def test_a_document_that_kills_every_worker_that_runs_it_is_a_per_document_error(expected, tmp_path):
    poison = tmp_path / "poison.txt"
    poison.write_bytes(Path(SEEDS[0]).read_bytes())
    paths = [SEEDS[0], str(poison), SEEDS[1], SEEDS[2]]
    with deadline(600), _cluster(allowed_failures=0) as cluster:
        with distributed.Client(cluster) as client:
            client.register_plugin(_Poison())
        got = list(run_dask(paths, STAGES, 2, cluster.scheduler_address))  # poison shares its partition
    assert [o.path for o in got] == paths
    assert lines([got[0], got[2], got[3]]) == expected[:3]  # its partner was run again and kept its record
    assert got[1].line is None
    assert got[1].error.startswith("worker process died while extracting this document: each of the 1 dask workers")
