"""Every page as a phone on a slow connection and a screen reader meet it: small, labelled,
one h1 and headings in order, the header search on every page, search markers only on open
vacancies. Structure is checked on every page of the fixture site; the byte budget on every
vacancy page of the real sample content."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import TODAY, parse_html

BUDGET = 30 * 1024  # bytes: one vacancy page's HTML plus site.css, uncompressed


def html_pages(site: Path) -> list[Path]:
    # embed/: widget pages for other sites' iframes, without our header (tests/test_site_outputs_feeds.py).
    skip = ("pagefind", "theme", "embed")
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip)


def test_every_vacancy_page_fits_the_budget(sample_site):
    css = (sample_site / "theme/css/site.css").stat().st_size
    pages = sorted((sample_site / "lowongan").glob("*/index.html"))
    pages = [p for p in pages if p.parent.name != "page"]
    assert pages, "the sample site has no vacancy pages"
    over = {p.parent.name: p.stat().st_size + css for p in pages if p.stat().st_size + css >= BUDGET}
    assert not over, f"over {BUDGET} bytes with site.css ({css} bytes): {over}"


def test_pages_load_no_render_blocking_script_or_web_font(fixture_site):
    css = (fixture_site / "theme/css/site.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css and "url(" not in css
    for path in html_pages(fixture_site):
        page = parse_html(path.read_text(encoding="utf-8"))
        for script in page.find_all("script"):
            if "src" in script.attrs:
                assert "defer" in script.attrs or script.attrs.get("type") == "module", path
            else:
                assert script.attrs.get("type") in ("application/ld+json", "application/json"), path  # data, not code
        sheets = [link.attrs["href"] for link in page.find_all("link", rel="stylesheet")]
        assert all("/theme/css/" in href for href in sheets), path


def test_every_page_has_the_common_structure(fixture_site):
    problems = []
    for path in html_pages(fixture_site):
        name = path.relative_to(fixture_site).as_posix()
        page = parse_html(path.read_text(encoding="utf-8"))
        html = page.find("html")
        if html.attrs.get("lang") != "id":
            problems.append(f"{name}: lang")
        if not page.find("meta", name="viewport"):
            problems.append(f"{name}: viewport")
        if not page.find("title").get_text():
            problems.append(f"{name}: empty title")
        if not page.find("meta", name="description").attrs.get("content"):
            problems.append(f"{name}: description")
        # Landmarks and the skip link.
        mains = page.find_all("main")
        if len(mains) != 1 or mains[0].attrs.get("id") != "main":
            problems.append(f"{name}: main")
        if page.find("a", class_="skip") is None or page.find("a", class_="skip").attrs["href"] != "#main":
            problems.append(f"{name}: skip link")
        if not page.find("header") or not page.find("footer"):
            problems.append(f"{name}: header/footer")
        # The header search form (template contract with the search page).
        header_form = page.find("header").find("form", role="search")
        if not header_form or header_form.attrs.get("action") != "/cari/" or header_form.attrs.get("method") != "get":
            problems.append(f"{name}: header search form")
        else:
            field = header_form.find("input", type="search", name="q")
            if not field or not header_form.find("label", for_=field.attrs.get("id")):
                problems.append(f"{name}: header search input label")
        # One h1; headings never skip a level going down.
        levels = [int(n.tag[1]) for n in page.iter() if n.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{name}: h1 {levels}")
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems.append(f"{name}: h{before} then h{after}")
        # Every form field has a label; ids are unique.
        ids = [n.attrs["id"] for n in page.iter() if "id" in n.attrs]
        if len(ids) != len(set(ids)):
            problems.append(f"{name}: duplicate ids")
        labels = {n.attrs.get("for") for n in page.find_all("label")}
        for field in page.find_all("input") + page.find_all("select"):
            if (
                field.attrs.get("type") not in ("hidden", "submit")
                and field.attrs.get("id") not in labels
                and "aria-label" not in field.attrs
            ):
                problems.append(f"{name}: unlabelled {field.tag}#{field.attrs.get('id')}")
    assert not problems


def test_only_open_vacancy_pages_are_search_bodies(fixture_site):
    bodies = {}
    for path in html_pages(fixture_site):
        page = parse_html(path.read_text(encoding="utf-8"))
        found = page.find_all(data_pagefind_body=True)
        if found:
            bodies[path.relative_to(fixture_site).parent.as_posix()] = found
    assert all(url.startswith("lowongan/") for url in bodies)
    assert "lowongan/kasir-terisi-bekasi" not in bodies and "lowongan/teknisi-kedaluwarsa-bandung" not in bodies
    assert "lowongan/operator-produksi-bekasi" in bodies
    assert len(bodies) == 22 and all(len(found) == 1 for found in bodies.values())
    for found in bodies.values():
        assert found[0].find("h1", data_pagefind_meta="title") is not None


@pytest.mark.parametrize(
    "url, title",
    [
        # The fixture site holds a sample record, so the home page makes no official claim.
        ("", "Antar Kerja: lowongan kerja contoh (bukan lowongan sungguhan)"),
        ("lowongan/operator-produksi-bekasi/", "Operator Produksi – PT Uji Manufaktur Nusantara – Antar Kerja"),
        ("kabkota/kota-semarang/", "Lowongan kerja di Kota Semarang – Antar Kerja"),
        ("kantor/", "Kantor layanan ketenagakerjaan – Antar Kerja"),
        ("cara-melamar/", "Cara melamar – Antar Kerja"),
    ],
)
def test_titles_are_specific(fixture_site, read_page, url, title):
    assert read_page(fixture_site, url).find("title").get_text() == title


def test_whatsapp_preview_says_title_employer_location_and_salary(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/operator-produksi-bekasi/")
    assert page.find("meta", property="og:title").attrs["content"] == "Operator Produksi – PT Uji Manufaktur Nusantara"
    description = page.find("meta", property="og:description").attrs["content"]
    assert description.startswith("Kabupaten Bekasi, Jawa Barat · Rp 4.500.000 – 5.200.000 per bulan · ")
    assert page.find("meta", name="twitter:card").attrs["content"] == "summary"
    assert page.find("meta", property="og:locale").attrs["content"] == "id_ID"


def test_similar_vacancies_are_open_same_group_nearby(fixture_site, read_page):
    """Computed independently from the fixture records: same KBJI major group, same regency
    first, then same province, open only and closing no earlier than the page's vacancy,
    newest first, at most four. A closed vacancy's page lists none."""
    import yaml
    from support import SITE_FIXTURE, TODAY

    records = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((SITE_FIXTURE / "content" / "vacancies").rglob("*.yml"))
    ]
    open_ = sorted(
        (r for r in records if r["status"] == "open" and r["valid_through"] >= TODAY),
        key=lambda r: (-r["date_posted"].toordinal(), r["id"]),
    )
    checked = 0
    for r in open_:
        group = r["kbji"][0]
        same_regency = [
            o["id"]
            for o in open_
            if o is not r
            and o["kbji"][0] == group
            and o["location"]["regency"] == r["location"]["regency"]
            and o["valid_through"] >= r["valid_through"]
        ]
        same_province = [
            o["id"]
            for o in open_
            if o is not r
            and o["kbji"][0] == group
            and o["location"]["province"] == r["location"]["province"]
            and o["valid_through"] >= r["valid_through"]
            and o["id"] not in same_regency
        ]
        expected = (same_regency + same_province)[:4]
        section = read_page(fixture_site, f"lowongan/{r['id']}/").find("section", aria_labelledby="serupa")
        shown = [a.attrs["href"].split("/")[-2] for a in section.find_all("a") if "/lowongan/" in a.attrs["href"]]
        assert shown == expected, r["id"]
        checked += bool(expected)
    assert checked >= 3  # the fixture has vacancies with neighbours to show
    for r in records:
        if r not in open_:
            section = read_page(fixture_site, f"lowongan/{r['id']}/").find("section", aria_labelledby="serupa")
            assert not [a for a in section.find_all("a") if "/lowongan/" in a.attrs["href"]], r["id"]
            assert "yang masih dibuka" in section.text, r["id"]


def test_every_office_page_shows_its_id_as_text(fixture_site):
    from support import read_built

    for page in sorted((fixture_site / "kantor").glob("*/index.html")):
        office_id = page.parent.name
        if office_id == "layanan":
            continue
        code = read_built(fixture_site, f"kantor/{office_id}/").find("code", id="id-kantor")
        assert code is not None and code.get_text() == office_id, office_id


# The render cache keys a vacancy page by its context and what pages.vacancy_reads() gives
# (antarkerja.site.generator.PageKeys). These tests fail when a vacancy page, or a model
# property, reads something its key does not hold.

# Vacancy facts that depend on "today" (test_vacancy_properties_depend_on_today_only_through_these
# proves the list complete); a page may read them only as pages.vacancy_state() holds them.
DATE_FACTS = {"today", "closed_reason", "is_open", "closed_reason_text", "days_left", "posted_days_ago", "in_index"}
RELATIONS = {"verifier", "open_vacancies", "children", "parent"}  # links to other model objects


def _properties(cls) -> list[str]:
    from functools import cached_property

    return [n for n in dir(cls) if isinstance(getattr(cls, n), (property, cached_property))]


def _sample_model(today):
    from antarkerja.paths import REPO
    from antarkerja.records.validate import RepositoryValidator
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    ref = load_reference(REPO)
    result = RepositoryValidator(REPO, ref, today).run()
    assert not result.errors, result.errors[:3]
    return build_site([x.data for x in result.vacancies], [x.data for x in result.offices], ref, today)


def test_vacancy_properties_depend_on_today_only_through_these():
    """Every property of a vacancy is the same on two days on which it is open (or closed)
    alike, except the day counts; and none depends on its verifying office."""
    from datetime import timedelta

    from antarkerja.site.model import Office, Vacancy
    from antarkerja.site.outputs import pages

    site = _sample_model(TODAY)
    names = [n for n in _properties(Vacancy) if n not in DATE_FACTS]
    checked = 0
    for v in site.vacancies:
        for base, delta in ((0, 1), (0, 30), (400, 1), (400, 30)):
            one = Vacancy(v.data, v.ref, v.today + timedelta(days=base), v.verifier)
            other = Vacancy(v.data, v.ref, v.today + timedelta(days=base + delta), v.verifier)
            if other.closed_reason != one.closed_reason or other.in_index != one.in_index:
                continue
            checked += 1
            for name in names:
                assert getattr(other, name) == getattr(one, name), (v.id, name)
            # The render cache's state of a vacancy changes with today only when it closes or
            # leaves its search bundle (index_window).
            assert pages.vacancy_state(one) == pages.vacancy_state(other)
        stranger = Vacancy(v.data, v.ref, v.today, Office({"id": "lain", "name": "Lain"}, v.ref))
        for name in _properties(Vacancy):
            assert getattr(stranger, name) == getattr(v, name), (v.id, name)
    assert checked > len(site.vacancies)
    for o in site.offices:
        alone = Office(o.data, o.ref)
        for name in _properties(Office):
            assert getattr(alone, name) == getattr(o, name), (o.id, name)


# What of the site each keyed template may read (pages.KEYED's reads functions key these).
SITE_READS = {
    "vacancy": {"similar", "has_examples"},
    "print/vacancy": {"has_examples"},
    **dict.fromkeys(("vacancies", "region", "office", "employer", "vocational/area"), {"has_examples"}),
}
# The one link to another model object each keyed template may follow from the object it is
# about (its reads function gives the object at the other end).
RELATION_READS = {"vacancy": "verifier", "print/vacancy": "verifier", "office": "parent"}
# What of a region a later page of its list may read (pages.region_state holds these; the url
# is made from kind and slug).
REGION_READS = {"kind", "code", "name", "slug", "province", "url"}
# What of an employer a later page of its list may read (pages.employer_state holds its name
# and newest vacancy, whose record the details are).
EMPLOYER_READS = {"slug", "name", "url", "newest", "details"}
# What of an SMK competency area a later page of its list may read (pages.area_state).
AREA_READS = {"code", "name", "field", "majors"}


def test_an_smk_area_key_changes_with_every_field_its_later_pages_read():
    """pages.area_state stands for an area in the keys of its list's later pages: each field
    those pages read (AREA_READS, checked by the recording test below) must change it."""
    from dataclasses import replace

    from antarkerja.site.outputs.pages import area_state
    from antarkerja.site.smk_match import Area

    area = Area("tkj", "Teknik Komputer dan Jaringan", "Teknologi Informasi", ["TKJ"], vacancies=[1, 2])
    changed = {"code": "rpl", "name": "Rekayasa Perangkat Lunak", "field": "Bisnis", "majors": ["TKJ", "RPL"]}
    assert set(changed) == AREA_READS
    for name, value in changed.items():
        assert area_state(replace(area, **{name: value})) != area_state(area), name
    assert area_state(replace(area, vacancies=[])) == area_state(area)  # page 1 counts them, never kept


def _model_objects(value) -> list:
    from antarkerja.site import model
    from antarkerja.site.paginate import Pager
    from antarkerja.site.smk_match import Area

    if isinstance(value, model.Employer):  # and the vacancy pages.employer_state holds
        from antarkerja.site.outputs import pages

        return [value, *_model_objects(list(pages.employer_state(value)))]
    if isinstance(value, (model.Vacancy, model.Office, model.Region, Area)):
        return [value]
    if isinstance(value, Pager):
        return [value, *_model_objects(value.items)]
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in _model_objects(item)]
    return []


def test_keyed_pages_read_only_what_their_render_cache_key_holds(tmp_path, monkeypatch):
    """Renders the sample site's vacancy pages, printable notices and lists (every template
    in pages.KEYED, lists cut into pages of one or two) with every read of a model object recorded
    (templates, JSON-LD, cards and the search helpers they call alike): each read must be of
    an object in the page's context or one its reads function gives (a vacancy's office, its
    "Lowongan serupa", the offices its history names; an office's parent), never of another
    office's vacancies, parent or children, of a region's vacancies, offices or regencies,
    or of a list's total; and of the facts that depend on today only those
    pages.vacancy_state() holds. Page 1 of a list is never kept, so not checked."""
    from antarkerja.paths import REPO
    from antarkerja.site import generator as generator_module
    from antarkerja.site import model
    from antarkerja.site.build import build_site
    from antarkerja.site.outputs import pages
    from antarkerja.site.paginate import Pager
    from antarkerja.site.smk_match import Area

    assert set(pages.KEYED) <= set(SITE_READS), "say here what of the site a newly keyed template reads"
    monkeypatch.setattr(pages, "per_page", lambda ctx: 1)  # an employer with two vacancies has a page 2
    monkeypatch.setattr(pages, "rows_per_page", lambda ctx: 2)
    state = {"on": False, "depth": 0, "reads": []}

    def recording(cls):
        original = cls.__getattribute__

        def read(self, name):
            if not state["on"] or name.startswith("__"):
                return original(self, name)
            if state["depth"] == 0:
                state["reads"].append((self, name))
            state["depth"] += 1  # what a property reads inside is the model's own business (tested above)
            try:
                return original(self, name)
            finally:
                state["depth"] -= 1

        monkeypatch.setattr(cls, "__getattribute__", read)

    for cls in (model.Vacancy, model.Office, model.Site, model.Region, model.Employer, Pager, Area):
        recording(cls)

    def opaque(func):  # a read the key holds by its result (pages.vacancy_reads)
        def call(*args, **kwargs):
            on, state["on"] = state["on"], False
            try:
                return func(*args, **kwargs)
            finally:
                state["on"] = on

        return call

    def unused(func):
        def call(*args, **kwargs):
            assert not state["on"], f"{func} called on a page the render cache keeps"
            return func(*args, **kwargs)

        return call

    monkeypatch.setattr(model.Site, "similar", opaque(model.Site.similar))
    original_render = generator_module.AntarKerjaGenerator.render
    checked = {template: [] for template in pages.KEYED}

    def render(self, page):
        if page.template not in pages.KEYED:
            return original_render(self, page)
        _what, covered_globals, reads = pages.KEYED[page.template]
        for name in covered_globals:
            if callable(self.env.globals.get(name)) and not isinstance(self.env.globals[name], model.Site):
                # A list's reads function holds no function's result: none may be called on a kept page.
                wrap = unused if reads is pages.listing_reads else opaque
                self.env.globals[name] = wrap(self.env.globals[name])
        try:
            held = reads(page.context, self.env.globals)
        except pages.FirstPage:
            return original_render(self, page)
        subject = next(iter(page.context.values()))
        covered = {id(x) for x in _model_objects([*page.context.values(), *held])}
        self._cards.clear()  # each page's cards are read afresh, and checked
        state["reads"], state["on"] = [], True
        try:
            data = original_render(self, page)
        finally:
            state["on"] = False
        for obj, name in state["reads"]:
            where = f"{page.path}: {type(obj).__name__}.{name}"
            if isinstance(obj, model.Site):
                assert name in SITE_READS[page.template], where
                continue
            known = (model.Vacancy, model.Office, model.Region, model.Employer, Pager, Area)
            assert isinstance(obj, known), f"{where} (not in the key)"
            assert id(obj) in covered, f"{where} of an object the key does not hold"
            if isinstance(obj, model.Region):
                assert name in REGION_READS, f"{where} (pages.region_state does not hold it)"
            if isinstance(obj, model.Employer):
                assert name in EMPLOYER_READS, f"{where} (pages.employer_state does not hold it)"
            if isinstance(obj, Area):
                assert name in AREA_READS, f"{where} (pages.area_state does not hold it)"
            if isinstance(obj, Pager):
                assert name != "total", f"{where} (pages.pager_state does not hold it)"
            assert name not in RELATIONS or (obj is subject and name == RELATION_READS.get(page.template)), (
                f"{where} (a link the key does not hold)"
            )
            if isinstance(obj, model.Vacancy) and name in DATE_FACTS:
                allowed = {"closed_reason", "is_open", "closed_reason_text", "in_index"}
                assert name in allowed, f"{where} (depends on today; pages.vacancy_state does not hold it)"
        checked[page.template].append(page.path)
        return data

    monkeypatch.setattr(generator_module.AntarKerjaGenerator, "render", render)
    build_site(REPO, output=tmp_path / "out", today=TODAY.isoformat(), siteurl="", search=False, cache=None)
    assert len(checked["vacancy"]) == len(list((REPO / "content" / "vacancies").rglob("*.yml")))
    assert all(checked.values()), {t: len(ids) for t, ids in checked.items()}
