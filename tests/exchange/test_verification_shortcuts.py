"""What makes a sheet's verification cheaper must not change a single verdict (issue 15): the schema with its
definitions written in place reports exactly what the schema does; the schema compiled to a yes-or-no test
accepts exactly what jsonschema accepts; the items table's rows found by a y-window
are the rows of the plain scan; remembering asn1crypto's name preparation gives the same names and leaves the
library as shipped once the verification is over."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from c2i2e_jury.exchange import name_memo, sheet_reading
from c2i2e_jury.exchange.result_json import _valid, _validator, inlined, schema
from c2i2e_jury.exchange.schema_check import compiled
from c2i2e_jury.resources_access import referential
from tests.exchange.result_examples import example_result
from tests.property_budget import property_settings

PROPERTY = property_settings(max_examples=150)  # no wall-clock deadline, nothing written


def _errors(validator, document):
    return sorted((list(e.absolute_path), e.message) for e in validator.iter_errors(document))


def _damaged(document, path, value):
    damaged = copy.deepcopy(document)
    node = damaged
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return damaged


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    yield path


def test_the_inlined_schema_has_no_reference_left():
    checked = {key: value for key, value in inlined(schema()).items() if key != "$defs"}
    assert "$ref" in json.dumps(schema())
    assert "$ref" not in json.dumps(checked)


REPLACEMENTS = (None, "", "x", -1, 0, 3.5, True, [], {}, "NV", "V", "2017-13-45T99:00:00+02:00", "A" * 600)


@PROPERTY
@given(st.data())
def test_the_inlined_schema_reports_what_the_schema_reports(data):
    """Any one value of a genuine sheet's JSON replaced by anything: the same errors, at the same places, with
    the same messages."""
    document = example_result(referential())
    paths = [p for p in _leaves(document) if p]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(st.sampled_from(REPLACEMENTS))
    damaged = _damaged(document, path, value)
    assert _errors(_validator(), damaged) == _errors(Draft202012Validator(schema()), damaged)


def test_a_genuine_sheet_is_valid_for_both():
    document = example_result(referential())
    assert _errors(_validator(), document) == [] == _errors(Draft202012Validator(schema()), document)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 40)
    | st.floats(-2, 40, allow_nan=False)
    | st.sampled_from(REPLACEMENTS[1:])
    | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


def _same_verdict(document):
    return _valid()(document) == (not _errors(Draft202012Validator(schema()), document))


@PROPERTY
@given(st.data())
def test_the_compiled_schema_gives_the_schemas_verdict(data):
    """Up to three values of a genuine sheet's JSON replaced by any JSON value, removed, or joined by an unknown
    key: the quick test accepts exactly what jsonschema accepts (it never lets an invalid sheet through)."""
    document = copy.deepcopy(example_result(referential()))
    document["status"] = data.draw(st.sampled_from(["examined", "absent", "not_admitted"]))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in _leaves(document) if p]))
        node = document
        for key in path[:-1]:
            node = node[key]
        action = data.draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            node[path[-1]] = data.draw(json_values)
        elif action == "remove" and isinstance(node, dict):
            del node[path[-1]]
        elif isinstance(node, dict):
            node[data.draw(st.text(max_size=6))] = data.draw(json_values)
    assert _same_verdict(document)


@PROPERTY
@given(json_values)
def test_the_compiled_schema_refuses_what_the_schema_refuses_at_the_root(document):
    assert _same_verdict(document)


def test_a_genuine_sheet_passes_the_compiled_schema():
    document = example_result(referential())
    assert _valid()(document) is True
    assert _same_verdict(document)


def test_a_keyword_the_compiler_does_not_know_is_refused():
    with pytest.raises(ValueError, match="uniqueItems"):
        compiled({"type": "array", "uniqueItems": True})


words = st.lists(
    st.tuples(
        st.floats(0, 500),
        st.floats(0, 800),
        st.floats(0, 30),
        st.floats(-2, 25),
        st.sampled_from(
            ["A1.1", "B4.3", "V", "NV", "—", "Acquis", "mot", "Item", "Compétence", "Évaluateur"]
        ),
    ).map(lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3], t[4], 0, 0, 0)),
    max_size=80,
)


@PROPERTY
@given(words, st.floats(0, 800), st.floats(-5, 30))
def test_rows_found_by_window_are_the_rows_of_the_plain_scan(page, y0, height):
    y1 = y0 + height
    plain = [w for w in page if w[1] < y1 - 1 and w[3] > y0 + 1]
    assert sheet_reading._Bands(page).overlapping(y0, y1) == plain


def test_names_prepared_once_are_the_names_asn1crypto_prepares():
    from asn1crypto.x509 import NameTypeAndValue

    shipped = NameTypeAndValue._ldap_string_prep
    strings = ["Autorité C2i2e", "  Zoé   Mäkelä-Garçon ", "ÉCOLE\u00adNORMALE", "ﬁn\u200b", ""]
    expected = [shipped(None, s) for s in strings]
    with name_memo.remembered_names():
        assert NameTypeAndValue._ldap_string_prep is not shipped
        with name_memo.remembered_names():  # re-entrant
            first = [NameTypeAndValue(None)._ldap_string_prep(s) for s in strings]
        second = [NameTypeAndValue(None)._ldap_string_prep(s) for s in strings]
    assert first == second == expected
    assert NameTypeAndValue._ldap_string_prep is shipped


def test_the_library_is_restored_when_the_verification_fails():
    from asn1crypto.x509 import NameTypeAndValue

    shipped = NameTypeAndValue._ldap_string_prep
    with pytest.raises(RuntimeError), name_memo.remembered_names():
        raise RuntimeError("a signature refused")
    assert NameTypeAndValue._ldap_string_prep is shipped


def test_the_page_check_reads_the_page_content_and_not_its_annotations():
    """What the page itself prints, word for word as PyMuPDF's own extraction gives it; text an annotation draws
    over the page (a signature box, a note) does not stand in for it."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Statut : examiné", fontsize=11)
    page.add_freetext_annot(pymupdf.Rect(72, 100, 300, 130), "Version 9", fontsize=11)
    doc = pymupdf.open(stream=doc.tobytes(), filetype="pdf")
    page = doc[0]
    every = page.get_text("words")
    assert [w[4] for w in every] == ["Statut", ":", "examiné", "Version", "9"]
    assert sheet_reading.content_words(page) == every[:3]
