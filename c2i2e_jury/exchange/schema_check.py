"""A JSON Schema compiled once into plain Python tests, to say quickly whether a document is valid (issue 15).

jsonschema walks the schema again for each document, keyword by keyword, building an error object at each
branch it tries: about 3 ms a sheet, a tenth of what pyHanko takes to validate both signatures. This answers
only yes or no, with the meaning jsonschema gives the keywords the result schema uses (Draft 2020-12: an
``integer`` may be written ``1.0``, a boolean is never a number, ``false`` is not ``0`` for ``const`` and
``enum``, ``pattern`` searches, ``if``/``then``/``else``). A document it finds invalid goes to jsonschema for the
messages; one it finds valid is valid for jsonschema too (tests/exchange/test_verification_shortcuts.py shows the
same verdicts on damaged sheets). A keyword it does not know makes :func:`compiled` raise, never pass silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment"})
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    ),
}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality: a boolean equals only a boolean; lists and objects compare member by member."""
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(equal(one[k], two[k]) for k in one)
    if isinstance(one, list | dict) or isinstance(two, list | dict):
        return False
    return bool(one == two)


def compiled(schema: Mapping[str, Any] | bool) -> Check:
    """A test that is true exactly when ``schema`` (with its ``$ref`` already written in place) accepts a value."""
    if schema is True:
        return lambda _value: True
    if schema is False:
        return lambda _value: False
    assert isinstance(schema, Mapping)
    unknown = set(schema) - ANNOTATIONS - set(_KEYWORDS)
    if unknown:
        raise ValueError(f"schema keywords not compiled: {sorted(unknown)}")
    found = [_KEYWORDS[key](schema[key], schema) for key in schema if key in _KEYWORDS]
    checks = [check for check in found if check is not None]
    return lambda value: all(check(value) for check in checks)


def _type(names: Any, _schema: Mapping[str, Any]) -> Check:
    tests = [_TYPES[n] for n in ([names] if isinstance(names, str) else names)]
    return lambda v: any(test(v) for test in tests)


def _const(expected: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: equal(v, expected)


def _enum(options: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: any(equal(v, option) for option in options)


def _bound(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Mapping[str, Any]], Check]:
    def keyword(limit: Any, _schema: Mapping[str, Any]) -> Check:
        return lambda v: not _number(v) or compare(v, limit)

    return keyword


def _min_length(limit: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= limit


def _pattern(text: Any, _schema: Mapping[str, Any]) -> Check:
    regex = re.compile(text)
    return lambda v: not isinstance(v, str) or regex.search(v) is not None


def _min_items(limit: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= limit


def _max_items(limit: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) <= limit


def _items(sub: Any, _schema: Mapping[str, Any]) -> Check:
    check = compiled(sub)
    return lambda v: not isinstance(v, list) or all(check(item) for item in v)


def _required(names: Any, _schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, dict) or all(name in v for name in names)


def _properties(subs: Any, _schema: Mapping[str, Any]) -> Check:
    checks = {name: compiled(sub) for name, sub in subs.items()}
    return lambda v: (
        not isinstance(v, dict) or all(check(v[name]) for name, check in checks.items() if name in v)
    )


def _pattern_properties(subs: Any, _schema: Mapping[str, Any]) -> Check:
    checks = [(re.compile(pattern), compiled(sub)) for pattern, sub in subs.items()]
    return lambda v: (
        not isinstance(v, dict)
        or all(check(value) for key, value in v.items() for regex, check in checks if regex.search(key))
    )


def _additional_properties(sub: Any, schema: Mapping[str, Any]) -> Check:
    named = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    check = compiled(sub)

    def additional_ok(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        others = [k for k in v if k not in named and not any(p.search(k) for p in patterns)]
        return all(check(v[k]) for k in others)

    return additional_ok


def _all_of(subs: Any, _schema: Mapping[str, Any]) -> Check:
    checks = [compiled(sub) for sub in subs]
    return lambda v: all(check(v) for check in checks)


def _if(condition: Any, schema: Mapping[str, Any]) -> Check:
    test = compiled(condition)
    then = compiled(schema.get("then", True))
    otherwise = compiled(schema.get("else", True))
    return lambda v: then(v) if test(v) else otherwise(v)


def _with_if(_sub: Any, _schema: Mapping[str, Any]) -> None:
    """``then`` and ``else`` are read by ``if`` (and mean nothing without it)."""
    return None


_KEYWORDS: dict[str, Callable[[Any, Mapping[str, Any]], Check | None]] = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "minimum": _bound(lambda v, limit: v >= limit),
    "maximum": _bound(lambda v, limit: v <= limit),
    "exclusiveMinimum": _bound(lambda v, limit: v > limit),
    "minLength": _min_length,
    "pattern": _pattern,
    "minItems": _min_items,
    "maxItems": _max_items,
    "items": _items,
    "required": _required,
    "properties": _properties,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
    "allOf": _all_of,
    "if": _if,
    "then": _with_if,
    "else": _with_if,
}
