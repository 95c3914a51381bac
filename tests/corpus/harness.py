"""Runs the jobdocs CLI on hostile input, each run in its own process, bounded in time and
memory — without paying Python's and WeasyPrint's start-up for every case.

:class:`CorpusRunner` starts this file as a server (a "zygote"): it imports jobdocs, lays a
document out once so that fonts are loaded, then for each request forks a child that runs
``jobdocs.cli.main(argv)`` with its output redirected to files and its address space
limited (``RLIMIT_AS``). The server kills a child that runs longer than its timeout and
reports the child's exit code, wall time and peak memory (``ru_maxrss`` from ``wait4``).

A child that crashes prints its traceback to its standard error, as the real console script
would; the corpus test looks for it.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADROOM = 500 * 2**20
"""The address space a case may add to the warm server's."""


@dataclass(frozen=True)
class Outcome:
    """What one run did."""

    argv: list[str]
    exit: int | None
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float
    timed_out: bool

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class CorpusRunner:
    """A warm server process that runs CLI commands in forked, limited children."""

    def __init__(self, work: Path):
        self.work = work
        self.work.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        env.pop("SOURCE_DATE_EPOCH", None)
        self._process = subprocess.Popen(
            [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, env=env)
        assert self._process.stdout is not None
        ready = self._process.stdout.readline()
        if ready.strip() != "ready":
            raise RuntimeError(f"the corpus server did not start: {ready!r}")
        self._count = 0

    def run(self, argv: list[str], *, cwd: Path, timeout: float = 5.0) -> Outcome:
        """Run ``jobdocs <argv>`` in ``cwd``; at most ``timeout`` seconds."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._count += 1
        out = self.work / f"{self._count}.out"
        err = self.work / f"{self._count}.err"
        request = {"argv": argv, "cwd": str(cwd), "timeout": timeout,
                   "stdout": str(out), "stderr": str(err)}
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        reply = json.loads(self._process.stdout.readline())
        return Outcome(argv, reply["exit"], out.read_text(errors="replace"),
                       err.read_text(errors="replace"), reply["seconds"],
                       reply["max_rss_mb"], reply["timed_out"])

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=30)


# -- the server ----------------------------------------------------------------------------


def _warm_up() -> None:
    import jobdocs.api
    import jobdocs.cli  # the command modules, imported once for every child
    from jobdocs.render import Renderer

    examples = Path(__file__).resolve().parents[2] / "examples"
    source = jobdocs.api.render_source(examples / "roles" / "account-manager.yaml")
    renderer = Renderer()
    for fmt in ("pdf", "docx"):
        renderer.render(source, fmt, "en")


def _vm_size() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 2**30


def _child(request: dict[str, Any], limit: int) -> None:
    code = 70
    try:
        os.chdir(request["cwd"])
        for fd, name in ((1, request["stdout"]), (2, request["stderr"])):
            handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(handle, fd)
            os.close(handle)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from jobdocs.cli import main

        code = main(request["argv"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _serve() -> None:
    _warm_up()
    limit = _vm_size() + HEADROOM
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _child(request, limit)
        timed_out = False
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() - started > request["timeout"]:
                os.kill(pid, signal.SIGKILL)
                done, status, usage = os.wait4(pid, 0)
                timed_out = True
                break
            time.sleep(0.005)
        reply = {"exit": None if timed_out else os.waitstatus_to_exitcode(status),
                 "seconds": round(time.monotonic() - started, 3),
                 "max_rss_mb": round(usage.ru_maxrss / 1024, 1), "timed_out": timed_out}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    _serve()
