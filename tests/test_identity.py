"""Identity beyond spelling: look-alike duplicates are caught, non-Latin employers get their own page."""

from __future__ import annotations

import pytest
from support import TODAY, make_repo, vacancy

from antarkerja.identity import employer_slug, fold
from antarkerja.records.validate import validate_repository


@pytest.mark.parametrize(
    "copy",
    [
        "Operator Produksі",  # Cyrillic і (U+0456)
        "Operator Prodúksi",  # an accent
        "OPERATOR PRODUKSІ",  # capitals, Cyrillic І
        "Operator Produk\u200bsi",  # a zero-width space
        "Operator Pro\u00adduksi",  # a soft hyphen
        "Ореrаtor Produksi",  # Cyrillic О, р, е, а
        "Ｏｐｅｒａｔｏｒ Produksi",  # full-width
    ],
)
def test_fold_sees_through_look_alikes(copy):
    assert fold(copy) == "operator produksi"


def test_fold_keeps_what_makes_words_different():
    assert fold("Hotel 101") == "hotel 101"  # ASCII digits stay digits
    assert fold("Операт") != fold("Onepat")  # п is not n: only confusables fold
    assert fold("कमी") != fold("कम")  # Devanagari vowel signs are letters of the word
    assert fold("株式会社見本工業") != fold("三星样品电子")


def _repo(tmp_path, monkeypatch, titles: list[str], employers: list[str] | None = None):
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    files = {}
    for n, title in enumerate(titles):
        employer = (employers or [None] * len(titles))[n]
        changes = [("id: good-vacancy", f"id: salinan-{n}"), ("title: Operator Produksi", f'title: "{title}"')]
        if employer:
            changes.append(("  name: PT Contoh Uji Manufaktur", f'  name: "{employer}"'))
        files[f"jawa-barat/salinan-{n}.yml"] = vacancy(*changes)
    return make_repo(tmp_path, files)


@pytest.mark.parametrize("copy", ["Operator Produksі", "Operator Prodúksi", "OPERATOR PRODUKSI", "Ореrаtor Produksi"])
def test_a_look_alike_copy_of_a_vacancy_is_a_duplicate(tmp_path, monkeypatch, copy):
    """The plain copy was flagged (X307); one with a Cyrillic letter or an accent was not."""
    root = _repo(tmp_path, monkeypatch, ["Operator Produksi", copy])
    codes = [(d.code, d.path.name) for d in validate_repository(root).diagnostics if d.code.startswith("X")]
    assert codes == [("X307", "salinan-1.yml")]


def test_different_non_latin_titles_are_not_duplicates(tmp_path, monkeypatch):
    """Every non-Latin title once reduced to "" and so was a duplicate of every other."""
    root = _repo(tmp_path, monkeypatch, ["製造オペレーター", "装配工", "Оператор станка"])
    assert [d.format() for d in validate_repository(root).diagnostics if d.code == "X307"] == []


def test_employer_slugs_are_stable_distinct_and_readable():
    assert employer_slug("PT Contoh Uji Manufaktur") == "pt-contoh-uji-manufaktur"  # unchanged for Latin names
    assert employer_slug("Café Nusantara & Co.") == "cafe-nusantara-co"
    assert employer_slug("PT Соntoh Uji Manufaktur") == "pt-contoh-uji-manufaktur"  # a look-alike: the same page
    assert employer_slug("株式会社見本工業") == "zhushihuishejianbengongye-e04ed1a5"
    assert employer_slug("三星样品电子") == "sanxingyangpindianzi-8780200d"
    assert employer_slug("見本") != employer_slug("见本")  # the same transliteration, two employers


def test_non_latin_employers_get_their_own_pages(tmp_path, monkeypatch, read_page):
    """株式会社見本工業 and 三星样品电子 both linked to pemberi-kerja/tanpa-nama/."""
    from antarkerja.site.build import build_site

    names = ["株式会社見本工業", "三星样品电子"]
    root = _repo(tmp_path / "repo", monkeypatch, ["Operator Produksi", "Operator Produksi"], names)
    site = build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert not (site / "pemberi-kerja" / "tanpa-nama").exists()
    for n, name in enumerate(names):
        slug = employer_slug(name)
        page = read_page(site, f"pemberi-kerja/{slug}/")
        assert name in page.find("h1").get_text()
        vacancy_page = read_page(site, f"lowongan/salinan-{n}/")
        assert f"/pemberi-kerja/{slug}/" in [a.attrs.get("href") for a in vacancy_page.find_all("a")]


def test_the_ascii_path_of_fold_agrees_with_the_unicode_one():
    """ASCII text skips the Unicode tables (identity._fold_unicode); both give the same words
    for every ASCII character alone, in pairs, and in random texts."""
    import random

    from antarkerja.identity import _fold_unicode

    chars = [chr(c) for c in range(128)]
    texts = chars + [a + b for a in chars for b in chars]
    rng = random.Random(7)
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    texts += ["PT. Sinar-Jaya (Persero) Tbk", "  Operator\\tProduksi\\n", "Barista_Cafe #2", ""]
    assert [t for t in texts if fold(t) != _fold_unicode(t)] == []
