"""GitHub workflows: pinned, least privilege, no untrusted text in shells; audited by zizmor offline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from antarkerja.tools.localweb import chromium_path

WORKFLOWS = ("validate", "test", "deploy", "deploy-s3", "issue-to-pr", "rebuild-sharded")
PINS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
    "actions/configure-pages": ("983d7736d9b0ae728b81ab479565c72886d7745b", "v5.0.0"),
    "actions/download-artifact": ("3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1"),
    "actions/cache": ("27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"),
    "peter-evans/create-pull-request": ("5f6978faf089d4d20b00c7766989d076bb2fc7f1", "v8.1.1"),
}
UNTRUSTED = re.compile(r"\$\{\{[^}]*(github\.event\.(issue|comment|pull_request|review|head_commit)|github\.head_ref)")


def _zizmor(*paths):
    exe = shutil.which("zizmor")
    if not exe:
        pytest.fail("zizmor is part of the test extra: pip install -e '.[test]'")
    proc = subprocess.run(
        [exe, "--offline", "--no-progress", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, json.loads(proc.stdout or "[]"), proc.stderr


@pytest.fixture(scope="module")
def workflows(root):
    return {name: yaml.safe_load((root / f".github/workflows/{name}.yml").read_text()) for name in WORKFLOWS}


def test_zizmor_finds_nothing_in_our_workflows(root):
    code, findings, stderr = _zizmor(root / ".github/workflows")
    assert findings == [], json.dumps(findings, indent=1)[:3000]
    assert code == 0, stderr


def test_zizmor_reports_the_unsafe_fixture(root):
    code, findings, _ = _zizmor(root / "tests/fixtures/workflows/unsafe.yml")
    found = {f["ident"] for f in findings}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= found
    assert code != 0


def test_every_action_is_pinned_to_a_verified_sha_with_its_version(root):
    for name in WORKFLOWS:
        text = (root / f".github/workflows/{name}.yml").read_text()
        uses = re.findall(r"uses:\s*([^@\s]+)@(\S+)(.*)", text)
        assert uses, name
        for action, ref, comment in uses:
            sha, version = PINS[action]
            assert ref == sha and comment.strip() == f"# {version}", f"{name}: {action}@{ref}{comment}"


def test_least_privilege_and_no_untrusted_text_in_shell(workflows, root):
    for name, wf in workflows.items():
        assert wf.get("permissions") == {}, f"{name}: workflow-level permissions must be empty"
        triggers = wf.get(True) or wf.get("on")  # YAML 1.1 reads `on` as true
        assert "pull_request_target" not in triggers
        for job_name, job in wf["jobs"].items():
            assert "permissions" in job, f"{name}/{job_name} states its permissions"
            for step in job["steps"]:
                assert not UNTRUSTED.search(step.get("run", "")), f"{name}/{job_name}: {step.get('run')}"
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False
    writers = {
        (n, j): job["permissions"] for n, wf in workflows.items() for j, job in wf["jobs"].items() if job["permissions"]
    }
    for (name, job), perms in writers.items():
        writes = {k for k, v in perms.items() if v == "write"}
        assert writes <= {"pages", "id-token", "contents", "pull-requests", "issues"}
        if writes:
            assert (name, job) in {("deploy", "deploy"), ("rebuild-sharded", "deploy"), ("issue-to-pr", "propose")}, (
                name,
                job,
                writes,
            )


def test_deploy_is_guarded_against_forks_and_runs_nightly(workflows):
    wf = workflows["deploy"]
    triggers = wf.get(True) or wf.get("on")
    assert triggers["push"]["branches"] == ["main"] and triggers["schedule"]
    assert wf["concurrency"]["group"] == "pages"
    for job in wf["jobs"].values():
        assert "!github.event.repository.fork" in job["if"]
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


_EXPR_TOKEN = re.compile(r"\s*(&&|\|\||==|!=|!|\(|\)|'[^']*'|[A-Za-z_][\w.-]*)")


def run_if(expression: str, context: dict) -> bool:
    """A job's ``if:`` evaluated the way Actions does for the operators our workflows use
    (``!``, ``&&``, ``||``, ``==``, ``!=``, strings, true/false/null, dotted names; an unset
    variable is an empty string)."""
    text = expression.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    python, pos = [], 0
    while pos < len(text.rstrip()):
        m = _EXPR_TOKEN.match(text, pos)
        assert m, f"unsupported expression: {expression!r} at {text[pos:]!r}"
        token, pos = m.group(1), m.end()
        words = {"&&": "and", "||": "or", "!": "not", "true": "True", "false": "False", "null": "None"}
        if token in words:
            python.append(words[token])
        elif token in ("==", "!=", "(", ")") or token.startswith("'"):
            python.append(token)
        else:
            python.append(repr(context.get(token, "" if token.startswith("vars.") else None)))
    return bool(eval(" ".join(python)))  # our own workflow files; every token was checked above


@pytest.mark.parametrize("hosting", [None, "", "pages", "s3"])
@pytest.mark.parametrize("ref", ["refs/heads/main", "refs/heads/coba"])
def test_exactly_one_target_publishes(workflows, hosting, ref):
    """GitHub Pages by default; object storage (deploy-s3.yml) instead when the repository
    variable ANTARKERJA_HOSTING is "s3"; neither in a fork or off main."""
    for fork in (False, True):
        context = {"github.event.repository.fork": fork, "github.ref": ref}
        if hosting is not None:
            context["vars.ANTARKERJA_HOSTING"] = hosting
        pages = [run_if(job["if"], context) for job in workflows["deploy"]["jobs"].values()]
        s3 = [run_if(job["if"], context) for job in workflows["deploy-s3"]["jobs"].values()]
        assert len(set(pages)) == 1 and len(s3) == 1  # build and deploy run together
        if fork or ref != "refs/heads/main":
            assert not pages[0] and not s3[0]
        else:
            assert (pages[0], s3[0]) == ((False, True) if hosting == "s3" else (True, False))


def test_object_storage_keys_stay_in_its_environment(workflows):
    job = workflows["deploy-s3"]["jobs"]["deploy"]
    assert job["environment"]["name"] == "object-storage"
    assert job["permissions"] == {"contents": "read"}
    steps = yaml.safe_dump(job["steps"])
    assert "secrets.S3_SECRET_ACCESS_KEY" in steps and "run: antarkerja deploy" in steps


def test_pull_requests_get_annotations_summary_and_a_site_artifact(workflows):
    steps = workflows["validate"]["jobs"]["validate"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert '--summary "$GITHUB_STEP_SUMMARY"' in runs and "--changed-since" in runs and "fmt --check" in runs
    site = workflows["test"]["jobs"]["site"]
    assert "pull_request" in site["if"]
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in site["steps"])


def test_issue_workflow_reads_the_event_file_and_requires_the_label(workflows):
    job = workflows["issue-to-pr"]["jobs"]["propose"]
    assert "lowongan-disetujui" in job["if"]
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert any('antarkerja issue "$GITHUB_EVENT_PATH"' in r for r in runs)
    assert not any("issue.body" in r or "issue.title" in r for r in runs)


def test_browser_lookup_prefers_chromium_then_chrome_and_skips_snaps(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    snap = bin_dir / "chromium"
    snap.write_text('#!/bin/sh\nexec /snap/bin/chromium "$@"\n')
    chrome = bin_dir / "google-chrome"
    chrome.write_bytes(b"\x7fELF fake binary")
    for f in (snap, chrome):
        f.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr("antarkerja.tools.localweb.Path.exists", lambda self: False)
    assert chromium_path() == str(chrome)
    snap.write_text('#!/bin/sh\n# Chromium launcher\nexec /usr/lib/chromium/chromium "$@"\n')
    assert chromium_path() == str(snap)


# The issue's answer, run as the runner runs it (bash, with a stand-in `gh` that records calls) --


def _answer_step(workflows) -> dict:
    steps = workflows["issue-to-pr"]["jobs"]["propose"]["steps"]
    return next(s for s in steps if s.get("name") == "Jawab di issue")


def _answer(
    workflows, tmp_path, converted, pr_outcome, pr_url, comment="✅ **Lowongan lolos pemeriksaan otomatis.**\n"
):
    step = _answer_step(workflows)
    bin_dir, temp = tmp_path / "bin", tmp_path / "temp"
    bin_dir.mkdir()
    temp.mkdir()
    if comment is not None:
        (temp / "comment.md").write_text(comment, encoding="utf-8")
    calls = tmp_path / "calls"
    gh = bin_dir / "gh"
    gh.write_text(
        '#!/bin/sh\nprintf "%s\\n" "$*" >> "$CALLS"\n'
        'for a in "$@"; do if [ "$prev" = --body-file ]; then cat "$a" >> "$CALLS.body"; fi; prev="$a"; done\n'
    )
    gh.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "RUNNER_TEMP": str(temp),
        "GITHUB_REPOSITORY": "contoh/antarkerja",
        "NUMBER": "42",
        "GH_TOKEN": "x",
        "CALLS": str(calls),
        "CONVERTED": converted,
        "PR_OUTCOME": pr_outcome,
        "PR_URL": pr_url,
    }
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    body = (tmp_path / "calls.body").read_text(encoding="utf-8")
    return calls.read_text().splitlines(), body


def test_the_success_comment_waits_for_the_pull_request_and_carries_its_url(workflows, tmp_path):
    step = _answer_step(workflows)
    assert step["env"]["PR_URL"] == "${{ steps.pr.outputs.pull-request-url }}"
    calls, body = _answer(workflows, tmp_path, "success", "success", "https://github.com/contoh/antarkerja/pull/7")
    assert len(calls) == 1 and calls[0].startswith("issue comment 42")
    assert body.startswith("✅") and "https://github.com/contoh/antarkerja/pull/7" in body


@pytest.mark.parametrize("outcome, url", [("failure", ""), ("success", "")])
def test_a_refused_pull_request_gets_the_setting_and_the_label_comes_off(workflows, tmp_path, outcome, url):
    calls, body = _answer(workflows, tmp_path, "success", outcome, url)
    assert "✅" not in body and "pull request* tidak bisa dibuka" in body
    assert "Allow GitHub Actions to create and approve pull requests" in body
    assert "ANTARKERJA_PR_TOKEN" in body
    assert calls[1] == "issue edit 42 --repo contoh/antarkerja --remove-label lowongan-disetujui"


def test_a_refused_issue_gets_its_problems_and_the_label_comes_off(workflows, tmp_path):
    calls, body = _answer(workflows, tmp_path, "failure", "skipped", "", comment="❌ **Lowongan belum bisa dibuat.**\n")
    assert body.startswith("❌") and len(calls) == 2 and "--remove-label" in calls[1]
    again = tmp_path / "again"
    again.mkdir()
    calls, body = _answer(workflows, again, "failure", "skipped", "", comment=None)
    assert "Pemeriksaan tidak dapat dijalankan" in body and "--remove-label" in calls[1]


def test_the_pull_request_step_may_fail_without_skipping_the_answer(workflows):
    steps = workflows["issue-to-pr"]["jobs"]["propose"]["steps"]
    pr = next(s for s in steps if s.get("id") == "pr")
    assert pr["continue-on-error"] is True
    names = [s.get("name") for s in steps]
    assert names.index("Jawab di issue") > names.index("Buka pull request")
    last = steps[-1]
    assert last["if"] == "${{ steps.pr.outcome == 'failure' }}" and last["run"] == "exit 1"


# The hosting guide names every setting the workflows read --------------------------------------


def test_the_hosting_guide_names_every_setting_the_workflows_read(root):
    guide = (root / "docs/hosting.md").read_text(encoding="utf-8")
    for name in WORKFLOWS:
        text = (root / f".github/workflows/{name}.yml").read_text()
        for kind, setting in re.findall(r"\b(vars|secrets)\.([A-Z][A-Z0-9_]+)", text):
            assert f"`{setting}`" in guide, f"{name}.yml reads {kind}.{setting}; docs/hosting.md must say how to set it"
    form = yaml.safe_load((root / ".github/ISSUE_TEMPLATE/lowongan.yml").read_text(encoding="utf-8"))
    for label in [*form["labels"], "lowongan-disetujui"]:
        assert f"`{label}`" in guide and f"gh label create {label} " in guide
    assert "**GitHub Actions**" in guide and "Allow GitHub Actions to create and approve pull requests" in guide
    assert "ANTARKERJA_REPOSITORY_URL" in guide


def test_both_deploy_workflows_give_the_form_its_repository(workflows):
    for name in ("deploy", "deploy-s3"):
        steps = [s for job in workflows[name]["jobs"].values() for s in job["steps"]]
        build = next(s for s in steps if "antarkerja build" in s.get("run", ""))
        assert build["env"]["ANTARKERJA_REPOSITORY_URL"] == "${{ github.server_url }}/${{ github.repository }}", name


def test_the_cors_rules_in_the_hosting_guide_are_well_formed(root):
    import xml.etree.ElementTree as ET

    guide = (root / "docs/hosting.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(json|xml)\n(.*?)```", guide, re.S)
    parsed = [json.loads(body) if kind == "json" else ET.fromstring(body) for kind, body in blocks]
    rules = [p for p in parsed if isinstance(p, list)]
    assert len(rules) == 2  # the S3 console's and R2 dashboard's
    for rule in rules:
        assert rule[0]["AllowedOrigins"] == ["*"] and set(rule[0]["AllowedMethods"]) == {"GET", "HEAD"}
    xml_rules = [p for p in parsed if not isinstance(p, (list, dict))]
    assert xml_rules and xml_rules[0].tag.endswith("CORSConfiguration")


def test_deploys_keep_the_build_cache_keyed_by_dependencies_and_code(workflows):
    """Both deploy workflows restore .cache/antarkerja (antarkerja.site.cache) before the build,
    keyed by pyproject.toml and the code, and the build reads it from there."""
    for name in ("deploy", "deploy-s3"):
        steps = next(iter(workflows[name]["jobs"].values()))["steps"]
        cached = [i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/cache@")]
        built = [i for i, s in enumerate(steps) if "antarkerja build" in str(s.get("run", ""))]
        assert len(cached) == 1 and built and cached[0] < built[0], name
        spec = steps[cached[0]]["with"]
        assert spec["path"] == ".cache/antarkerja", name
        for part in ("pyproject.toml", "plugins/**", "theme/**", "github.sha"):
            assert part in spec["key"], (name, part)
        assert spec["restore-keys"] in spec["key"] and "github.sha" not in spec["restore-keys"], name
        assert "--no-cache" not in steps[built[0]]["run"] and "--cache" not in steps[built[0]]["run"], name


def test_sharded_rebuild_fans_out_and_merges_on_one_day(workflows):
    """The matrix runs one `build --shard K/N` per shard with N = SHARDS, the merge job needs
    them all and reads their artifacts, and every job takes today from the plan job."""
    wf = workflows["rebuild-sharded"]
    jobs = wf["jobs"]
    shards = jobs["shard"]["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, int(wf["env"]["SHARDS"]) + 1))
    runs = {name: " ".join(str(s.get("run", "")) for s in job["steps"]) for name, job in jobs.items()}
    assert '--shard "$SHARD/$SHARDS"' in runs["shard"] and "--merge shards/shard-*" in runs["merge"]
    assert set(jobs["merge"]["needs"]) == {"plan", "shard"} and jobs["deploy"]["needs"] == "merge"
    for name in ("shard", "merge"):
        build = next(s for s in jobs[name]["steps"] if "antarkerja build" in str(s.get("run", "")))
        assert build["env"]["TODAY"] == "${{ needs.plan.outputs.today }}", name
    assert wf["concurrency"]["group"] == "pages" and "!github.event.repository.fork" in jobs["plan"]["if"]
