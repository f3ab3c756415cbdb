from __future__ import annotations

from antarkerja.placement import is_overseas, scope_code


def test_overseas_is_decided_by_the_work_country():
    assert is_overseas({"location": {"country": "JP"}})
    assert not is_overseas({"location": {"country": "ID"}})


def test_scope_is_akan_abroad_and_akl_by_default():
    assert scope_code({"location": {"country": "KR"}, "scope": "AKL"}) == "AKAN"
    assert scope_code({"location": {"country": "ID"}}) == "AKL"
    assert scope_code({"location": {"country": "ID"}, "scope": "AKAD"}) == "AKAD"
