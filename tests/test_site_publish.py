"""Publishing a build into the output folder (antarkerja.site.publish).

A rebuild publishes in place: only new and changed files are moved into the output, removed
ones go with the folders they empty, and no other folder is made again (making every folder
of a new tree was the largest cost of a one-change build at 100,000 vacancies). A publish cut
short is finished from its journal by the next build, and ``antarkerja deploy`` refuses the
half-published folder meanwhile. Another build holding the output gets a new tree instead.
Each test ends with equality against a clean full build, folders included.

Helpers: ``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
from pathlib import Path

import pytest
from support.cache_repos import Editor, assert_same_site, full_build

from antarkerja.cli import main
from antarkerja.site import build as build_module
from antarkerja.site import publish
from antarkerja.site.build import build_site
from antarkerja.site.deploy import DeployFailed, deploy
from antarkerja.tools.bench import BENCH_TODAY
from antarkerja.urls import save_as

TODAY = BENCH_TODAY.isoformat()


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def test_a_rebuild_moves_in_only_what_changed_and_makes_no_folder_again(small_repo, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    editor = Editor(small_repo, random.Random(11))
    changed = editor.apply("change").split()[1]
    before, root_inode = inodes(out), out.stat().st_ino
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    after = inodes(out)
    assert out.stat().st_ino == root_inode  # the same folder, not a new tree renamed into place
    remade = [rel for rel in after if (out / rel).is_dir() and rel in before and before[rel] != after[rel]]
    assert remade == []
    page = save_as("vacancy", id=changed)
    assert after[page] != before[page] and "ubah" in (out / page).read_text(encoding="utf-8")
    files = build_module.LAST["files"]
    kept = sum(1 for rel, ino in after.items() if (out / rel).is_file() and before.get(rel) == ino)
    assert files["unchanged"] == kept and 0 < files["changed"] < kept // 10, files
    assert not list(tmp_path.glob(".out.*"))  # no staging folder or journal left
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "one change, in place")


def test_a_deleted_vacancy_leaves_no_page_and_no_empty_folder(small_repo, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    gone = Editor(small_repo, random.Random(4)).apply("delete").split()[1]
    page = out / save_as("vacancy", id=gone)
    assert page.is_file()
    (out / "kosong" / "sekali").mkdir(parents=True)  # an empty folder: a new tree would not have it
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    assert not page.parent.exists() and not (out / "kosong").exists()
    assert build_module.LAST["files"]["removed"] > 0
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "delete, in place")


def _cut_short_after(moves: int, monkeypatch) -> None:
    """The publish stops (as if killed) after ``moves`` files moved into the output."""
    real, done = os.replace, []

    def replace(src, dst, *args, **kwargs):
        if ".building-" in os.fspath(src) and ".building-" not in os.fspath(dst):  # staging -> output
            if len(done) == moves:
                raise KeyboardInterrupt
            done.append(src)
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_publish_cut_short_is_finished_by_the_next_build_and_refused_by_deploy_meanwhile(
    small_repo, tmp_path, monkeypatch, capsys
):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    editor = Editor(small_repo, random.Random(8))
    for number, finish in enumerate(["alone", "by the next build"]):
        for edit in ("change", "delete", "add", "close"):
            editor.apply(edit)
        with monkeypatch.context() as patch:
            _cut_short_after(2, patch)
            with pytest.raises(KeyboardInterrupt):
                build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
        assert build_module.LAST["publish_unfinished"]
        journal = publish.journal_path(out)
        assert len(json.loads(journal.read_text(encoding="utf-8"))["moves"]) > 2
        with pytest.raises(DeployFailed, match="terhenti saat memindahkan berkas"):
            deploy(out, "tidak-dipakai:ember", dry_run=True)
        full_build(small_repo, tmp_path / "full", BENCH_TODAY)
        if finish == "alone":
            assert publish.finish_interrupted(out)
        else:
            args = ["build", "--root", str(small_repo), "--output", str(out), "--today", TODAY]
            assert main(args) == 0
            assert "publikasi sebelumnya terhenti di tengah" in capsys.readouterr().err
        assert not journal.exists() and not list(tmp_path.glob(".out.building-*"))
        assert_same_site(out, tmp_path / "full", f"publish cut short, finished {finish} ({number})")


DAMAGED_JOURNALS = {
    "truncated": ('{"staging": ', "bukan JSON yang utuh"),
    "not utf-8": (b'{"staging": "\xff"}', "bukan teks UTF-8"),
    "a list": ("[]", "isinya bukan objek JSON"),
    "no moves": ('{"staging": ".out.building-1", "removals": [], "empty": []}', "`moves` harus daftar"),
    "staging elsewhere": (
        '{"staging": "../x", "moves": [], "removals": [], "empty": []}',
        "`staging` harus nama folder",
    ),
    # Edited by hand to remove a file outside the output: refused, nothing touched.
    "path outside": (
        '{"staging": ".out.building-1", "moves": [], "removals": ["../victim.txt"], "empty": []}',
        "jalur '../victim.txt' di `removals` keluar",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED_JOURNALS)
def test_a_damaged_journal_stops_the_build_and_says_what_to_do(small_repo, tmp_path, capsys, damage):
    out = tmp_path / "out"
    build_site(small_repo, output=out, today=TODAY)
    victim = tmp_path / "victim.txt"
    victim.write_text("milik orang lain", encoding="utf-8")
    text, reason = DAMAGED_JOURNALS[damage]
    journal = publish.journal_path(out)
    journal.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = inodes(out)
    assert main(["build", "--root", str(small_repo), "--output", str(out), "--today", TODAY]) != 0
    err = capsys.readouterr().err
    assert f"Jurnal publikasi {journal} rusak ({reason}" in err
    assert f"hapus folder {out} dan jurnal itu, lalu bangun ulang penuh" in err
    assert "Traceback" not in err and "Expecting" not in err  # Indonesian, no Python internals
    assert inodes(out) == before and victim.exists()


def _hold_lock(out: str, held, release) -> None:
    with publish.output_lock(Path(out), wait=False) as got:
        held.set() if got else None
        release.wait(120)


def test_an_output_another_build_holds_gets_a_new_tree_once_that_build_is_done(small_repo, tmp_path, monkeypatch):
    """The other build (a child process holding the lock) is publishing into ``out``: this
    one does not publish in place beside it; it builds a new tree and swaps it in only once
    the lock is free."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    Editor(small_repo, random.Random(2)).apply("change")
    ctx = multiprocessing.get_context("fork")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(out), held, release))
    holder.start()
    try:
        assert held.wait(60)
        swapped_while_held = []
        real = build_module.keep_unchanged

        def keep_then_release(new, old, log=None):  # a new tree's step; the swap waits for the lock
            stats = real(new, old, log)
            swapped_while_held.append(not release.is_set())
            release.set()
            return stats

        monkeypatch.setattr(build_module, "keep_unchanged", keep_then_release)
        root_inode = out.stat().st_ino
        build_site(small_repo, output=out, today=TODAY, cache=cache_dir)
    finally:
        release.set()
        holder.join(60)
    assert swapped_while_held == [True]  # a new tree was built while the other build held the output
    assert out.stat().st_ino != root_inode
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "new tree beside another build")
