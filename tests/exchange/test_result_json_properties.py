"""The result JSON embedded in every sheet (exchange/result_json.py), drawn by hypothesis: what to_bytes writes,
from_bytes reads back identical, for any document a sheet could hold; and any bytes at all are either a JSON
object or one ResultFormatError, never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from c2i2e_jury.exchange.result_json import ResultFormatError, from_bytes, to_bytes
from tests.property_budget import property_settings

PROPERTY = property_settings(max_examples=100)  # no wall-clock deadline, nothing written

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)  # what UTF-8 can carry
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**17), 10**17)
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
)
documents = st.dictionaries(
    text,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
        max_leaves=20,
    ),
    max_size=8,
)


@PROPERTY
@given(documents)
def test_what_is_written_is_read_back_identical(document):
    assert from_bytes(to_bytes(document)) == document


@PROPERTY
@given(
    st.binary(max_size=400)
    | documents.map(to_bytes).flatmap(lambda data: st.integers(0, len(data)).map(lambda cut: data[:cut]))
)
def test_any_bytes_are_an_object_or_one_format_error(data):
    try:
        read: object = from_bytes(data)
    except ResultFormatError as exc:
        read = str(exc)
    assert isinstance(read, dict) or read.endswith(".")  # an object, or one sentence
