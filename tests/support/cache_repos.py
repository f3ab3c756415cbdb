"""Generated repositories for the build cache's tests (``tests/test_site_cache*.py``).

A repository made by the bench's generator with its own theme and reference data (so a test
may edit templates and reference data), random edits that keep it valid, and the comparison
of an incremental output with a clean full build, byte for byte.
"""

from __future__ import annotations

import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from antarkerja.paths import REPO
from antarkerja.reference import load_reference
from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.tools.bench import (
    BENCH_TODAY,
    DOMESTIC,
    ID_LINE,
    OFFICE_LINE,
    PROVINCE_LINE,
    REGENCY_LINE,
    STATUS_LINE,
    TITLE_LINE,
    generate,
)

PHONE_ITEM = re.compile(r'^(phones:\n  - "[0-9]+-[0-9]*?)([0-9]{4})"', re.M)


def generated_repo(folder: Path, count: int) -> Path:
    """A generated repository with its own copy of the theme (so a test may edit templates)."""
    generate(REPO, folder, count)
    reference = folder / "content" / "reference"
    if reference.is_symlink():  # a copy of its own, so a test may edit reference data
        target = reference.resolve()
        reference.unlink()
        shutil.copytree(target, reference)
    shutil.copytree(REPO / "theme", folder / "theme")
    base = REPO / "pelicanconf.py"
    (folder / "pelicanconf.py").write_text(
        f"__file__ = {str(base)!r}\n"
        f"exec(compile(open(__file__, encoding='utf-8').read(), __file__, 'exec'))\n"
        f"THEME = {str(folder / 'theme')!r}\n",
        encoding="utf-8",
    )
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != build_module.OUTPUT_MARKER
    }


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir() and not p.is_symlink()}


def assert_same_site(got: Path, want: Path, context: str) -> None:
    """Same files with the same bytes, and the same folders: a build published in place
    (site.publish) must not leave a folder its removed files emptied."""
    a, b = tree(got), tree(want)
    missing, extra = sorted(set(b) - set(a)), sorted(set(a) - set(b))
    differ = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    assert not (missing or extra or differ), (
        f"{context}: incremental output differs from a full build: "
        f"missing {missing[:5]}, extra {extra[:5]}, different {differ[:5]}"
    )
    extra_folders = sorted(folders(got) - folders(want))
    assert not extra_folders, f"{context}: folders a full build does not have: {extra_folders[:5]}"


class Editor:
    """Random edits of a generated repository; each keeps the repository valid."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng = root, rng
        self.today = BENCH_TODAY
        self.counter = 0
        ref = load_reference(REPO)
        self.regencies: dict[str, list[str]] = {}
        for code, regency in sorted(ref.regencies.items()):
            self.regencies.setdefault(regency.province_code, []).append(code)
        self.slugs = {code: p.slug for code, p in ref.provinces.items()}

    def files(self) -> list[Path]:
        return sorted((self.root / "content" / "vacancies").rglob("*.yml"))

    def domestic(self) -> list[Path]:
        texts = [(p, p.read_text(encoding="utf-8")) for p in self.files()]
        return [p for p, text in texts if DOMESTIC.search(text) and PROVINCE_LINE.search(text)]

    def apply(self, edit: str) -> str:
        rng = self.rng
        self.counter += 1
        if edit == "add":
            src = rng.choice(self.files())
            text = src.read_text(encoding="utf-8")
            new_id = f"tambah-{self.counter:05d}"
            text = ID_LINE.sub(f"id: {new_id}", text, count=1)
            text = TITLE_LINE.sub(lambda m: f"title: Baru {self.counter} {m.group(1).strip(chr(34))}", text, count=1)
            (src.parent / f"{new_id}.yml").write_text(text, encoding="utf-8")
            return f"add {new_id}"
        if edit == "change":
            path = rng.choice(self.files())
            text = path.read_text(encoding="utf-8")
            text = TITLE_LINE.sub(lambda m: f"title: {m.group(1).strip(chr(34))} ubah{self.counter}", text, count=1)
            path.write_text(text, encoding="utf-8")
            return f"change {path.stem}"
        if edit == "close":
            path = rng.choice(self.files())
            path.write_text(STATUS_LINE.sub("status: closed", path.read_text(encoding="utf-8"), count=1), "utf-8")
            return f"close {path.stem}"
        if edit == "delete":
            files = self.files()
            if len(files) > 2:
                path = rng.choice(files)
                path.unlink()
                return f"delete {path.stem}"
            return "delete (none)"
        if edit == "move":
            candidates = self.domestic()
            if not candidates:
                return "move (none)"
            path = rng.choice(candidates)
            text = path.read_text(encoding="utf-8")
            here = PROVINCE_LINE.search(text).group(1)
            province = rng.choice(sorted(c for c in self.regencies if c != here and c in self.slugs))
            regency = rng.choice(self.regencies[province])
            text = PROVINCE_LINE.sub(f'  province: "{province}"', text, count=1)
            text = REGENCY_LINE.sub(f'  regency: "{regency}"', text, count=1)
            text = OFFICE_LINE.sub("  office: kemnaker", text, count=1)  # verifies anywhere
            target = self.root / "content" / "vacancies" / self.slugs[province] / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            path.unlink()
            target.write_text(text, encoding="utf-8")
            return f"move {path.stem} to {self.slugs[province]}"
        if edit == "template":
            name = rng.choice(["base.html", "vacancy.html"])
            path = self.root / "theme" / "templates" / name
            text = path.read_text(encoding="utf-8")
            marker = "{% endblock %}" if name == "vacancy.html" else "</body>"
            path.write_text(text.replace(marker, f"<!-- ubah {self.counter} -->{marker}", 1), encoding="utf-8")
            return f"template {name}"
        if edit == "today":
            self.today += timedelta(days=rng.choice([1, 1, 2, 7, 30]))
            return f"today {self.today}"
        if edit == "code":
            site_cache._CODE_HASH = f"kode-lain-{self.counter}"  # as after a deploy of new code
            return "code"
        if edit == "office":  # an office's phone: shown on every page of the vacancies it verified
            offices = sorted((self.root / "content" / "offices").glob("*.yml"))
            rng.shuffle(offices)
            for path in offices:
                text = path.read_text(encoding="utf-8")
                if PHONE_ITEM.search(text):
                    new = PHONE_ITEM.sub(lambda m: f'{m.group(1)}{self.counter % 10000:04d}"', text, count=1)
                    path.write_text(new, encoding="utf-8")
                    return f"office {path.stem} phone"
            return "office (none)"
        if edit == "reference":  # an employment type's name: on the page of every vacancy offering it
            path = self.root / "content" / "reference" / "employment_types.yml"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace('name: "', f'name: "Ubah {self.counter} ', 1), encoding="utf-8")
            return "reference employment type"
        raise ValueError(edit)


def full_build(root: Path, out: Path, today: date, search: bool = True) -> None:
    if out.exists():
        shutil.rmtree(out)
    build_site(root, output=out, today=today.isoformat(), cache=None, search=search)


def cache_size(cache_dir: Path) -> int:
    return sum(p.stat().st_size for p in cache_dir.rglob("*") if p.is_file())


def output_size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def records_file(cache_dir: Path) -> Path:
    """A shard of the records cache that holds records (a vacancy's id is in it)."""
    return next(p for p in sorted((cache_dir / "records").rglob("*.bin")) if b"bench-" in p.read_bytes())


def pages_file(cache_dir: Path) -> Path:
    return next((cache_dir / "pages").glob("*.txt"))


def vacancy_count_of(root: Path) -> int:
    return len(list((root / "content" / "vacancies").rglob("*.yml")))


def keyed_count(out: Path) -> int:
    """Pages the render cache keys: vacancy pages and printable notices."""
    pages = [p for p in (out / "lowongan").glob("*/index.html") if p.parent.name != "page"]
    return len(pages) + len(list((out / "lowongan").glob("*/cetak/index.html")))
