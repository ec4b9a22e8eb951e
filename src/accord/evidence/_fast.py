"""Fast paths for the per-record work of ``verify``: shape checks, canonical checks, items.

``verify`` proves every record line canonical (RFC 8785), validates every record and item
against its schema, and builds an :class:`accord.suites.Item` per record for rendering and
re-grading. Done with :func:`accord._canonical.parse_canonical` and pydantic that costs
~40 us a record; the functions here decide the common case in a few microseconds, and say
"not sure" (False / None) for anything else, which the caller then sends down the exact path
(``parse_canonical``, ``Record.model_validate``, ``Item.model_validate``). So a fast path may
be stricter than the exact one, never looser:

- :func:`record_shape` / :func:`item_shape` accept only the exact JSON types the schema
  asks for, every key present and no other (pydantic would also accept lax forms, defaults
  left out, ...: those take the exact path). A property test checks that whatever they
  accept, pydantic accepts with the same values.
- A line is canonical when its shape holds and ``orjson.dumps(value, OPT_SORT_KEYS)`` gives
  the line back: for values of these shapes orjson's encoding is RFC 8785's. The shape
  guarantees what makes the two differ elsewhere (see ``accord._canonical``): every float sits in known
  fields and is non-integral with ``1e-5 <= |x| < 1e15`` (where both write the same shortest
  decimal digits; a property test compares them with ``rfc8785``), integers are within
  2**53, and keys that are not fixed schema keys are ASCII (so code-point order is UTF-16
  order).
- :func:`make_item` builds the :class:`Item` of an item whose shape holds without running
  its validators again (a self-check compares it with ``Item.model_validate`` once and
  turns itself off if pydantic ever disagrees).
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from pydantic import BaseModel

from accord.suites import Item
from accord.suites._item import CATEGORY_PATTERN, Document, Expectation, Message, parse_expectation

__all__ = [
    "canonical_line",
    "item_shape",
    "make_item",
    "record_shape",
]

_SORT = orjson.OPT_SORT_KEYS | orjson.OPT_STRICT_INTEGER
_MAX_INT = 2**53
_dumps = orjson.dumps

_ROLES = frozenset({"system", "user", "assistant"})
_DOC_KINDS = frozenset({"email", "web", "tool", "file", "note"})
_EXPECT_KINDS = frozenset({"refuse", "comply", "answer", "no-leak", "pair"})
_LANGS = frozenset({"en", "zh"})
_ID = re.compile(r"[A-Za-z0-9_.:\-/]+").fullmatch
_CATEGORY = re.compile(CATEGORY_PATTERN.removeprefix("^").removesuffix("$")).fullmatch


def _number(x: Any) -> bool:
    """A JSON number for a float field whose orjson spelling is its RFC 8785 spelling."""
    t = type(x)
    if t is float:
        return 1e-5 <= abs(x) < 1e15 and not x.is_integer()
    return t is int and -_MAX_INT < x < _MAX_INT


def record_shape(r: Any) -> bool:
    """Whether ``r`` is exactly the JSON of a :class:`accord.engine.Record` with every field
    written out (see the module docstring).

    Written flat for speed (it runs once per record): a dict holds exactly the expected keys
    when it has as many keys as expected and each expected key is found (a KeyError is a
    miss)."""
    try:
        if type(r) is not dict or len(r) != 16:
            return False
        v = r["v"]
        if type(v) is not int or not -_MAX_INT < v < _MAX_INT:
            return False
        if (
            type(r["item_id"]) is not str
            or type(r["item_hash"]) is not str
            or type(r["suite"]) is not str
        ):
            return False
        if (
            type(r["lang"]) is not str
            or type(r["target"]) is not str
            or type(r["cached"]) is not bool
        ):
            return False
        x = r["category"]
        if x is not None and type(x) is not str:
            return False
        x = r["expect"]
        if x is not None and type(x) is not str:
            return False
        m = r["meta"]
        if type(m) is not dict:
            return False
        for k, x in m.items():
            if type(x) is not str or not k.isascii():
                return False
        req = r["request"]
        if type(req) is not dict or len(req) != 2 or type(req["hash"]) is not str:
            return False
        messages = req["messages"]
        if type(messages) is not list:
            return False
        for m in messages:
            if type(m) is not dict:
                return False
            for k, x in m.items():
                if type(x) is not str or not k.isascii():
                    return False
        resp = r["response"]
        if resp is not None:
            if type(resp) is not dict or len(resp) != 5 or type(resp["text"]) is not str:
                return False
            x = resp["finish_reason"]
            if x is not None and type(x) is not str:
                return False
            x = resp["model"]
            if x is not None and type(x) is not str:
                return False
            x = resp["prompt_tokens"]
            if x is not None and (type(x) is not int or not -_MAX_INT < x < _MAX_INT):
                return False
            x = resp["completion_tokens"]
            if x is not None and (type(x) is not int or not -_MAX_INT < x < _MAX_INT):
                return False
        grades = r["grades"]
        if type(grades) is not list:
            return False
        for g in grades:
            if type(g) is not dict or len(g) != 5:
                return False
            if (
                type(g["grader"]) is not str
                or type(g["label"]) is not str
                or type(g["rationale"]) is not str
            ):
                return False
            x = g["score"]
            t = type(x)
            if t is float:
                if not (1e-5 <= x <= 1 and not x.is_integer()):
                    return False
            elif t is not int or not 0 <= x <= 1:
                return False
            x = g["passed"]
            if x is not None and type(x) is not bool:
                return False
        err = r["error"]
        if err is not None:
            if (
                type(err) is not dict
                or len(err) != 3
                or type(err["kind"]) is not str
                or type(err["message"]) is not str
            ):
                return False
            x = err["attempts"]
            if type(x) is not int or not -_MAX_INT < x < _MAX_INT:
                return False
        attempts = r["attempts"]
        if type(attempts) is not list:
            return False
        for a in attempts:
            if (
                type(a) is not dict
                or len(a) != 5
                or type(a["kind"]) is not str
                or type(a["message"]) is not str
            ):
                return False
            x = a["n"]
            if type(x) is not int or not -_MAX_INT < x < _MAX_INT:
                return False
            x = a["status"]
            if x is not None and (type(x) is not int or not -_MAX_INT < x < _MAX_INT):
                return False
            x = a["wait_s"]
            if x is not None and not _number(x):
                return False
        timing = r["timing"]
        if type(timing) is not dict or len(timing) != 3 or type(timing["started"]) is not str:
            return False
        x = timing["latency_ms"]
        if type(x) is float:
            if not (1e-5 <= abs(x) < 1e15 and not x.is_integer()):
                return False
        elif not _number(x):
            return False
        x = timing["total_ms"]
        if type(x) is float:
            return 1e-5 <= abs(x) < 1e15 and not x.is_integer()
        return _number(x)
    except KeyError:
        return False


def item_shape(d: Any) -> bool:
    """Whether ``d`` is exactly the JSON of a valid :class:`accord.suites.Item` with every
    field written out (as ``model_dump(mode="json")`` writes it); flat, as :func:`record_shape`."""
    try:
        if type(d) is not dict or len(d) != 10:
            return False
        i = d["id"]
        if type(i) is not str or not 1 <= len(i) <= 200 or _ID(i) is None:
            return False
        x = d["lang"]
        if type(x) is not str or x not in _LANGS:
            return False
        x = d["category"]
        if x is not None and (type(x) is not str or _CATEGORY(x) is None):
            return False
        messages = d["messages"]
        if type(messages) is not list or not messages:
            return False
        user = False
        for m in messages:
            if type(m) is not dict or len(m) != 2 or type(m["content"]) is not str:
                return False
            x = m["role"]
            if type(x) is not str or x not in _ROLES:
                return False
            if x == "user":
                user = True
        if not user:
            return False
        docs = d["documents"]
        if type(docs) is not list:
            return False
        for doc in docs:
            if (
                type(doc) is not dict
                or len(doc) != 3
                or type(doc["title"]) is not str
                or type(doc["content"]) is not str
            ):
                return False
            x = doc["kind"]
            if type(x) is not str or x not in _DOC_KINDS:
                return False
        e = d["expect"]
        if e is not None:
            if type(e) is not dict or len(e) != 2:
                return False
            x = e["kind"]
            if type(x) is not str or x not in _EXPECT_KINDS:
                return False
            x = e["value"]
            if x is not None and type(x) is not str:
                return False
        for x in d["graders"] if type(d["graders"]) is list else (None,):
            if type(x) is not str:
                return False
        for x in d["tags"] if type(d["tags"]) is list else (None,):
            if type(x) is not str:
                return False
        x = d["parallel_id"]
        if x is not None and type(x) is not str:
            return False
        m = d["meta"]
        if type(m) is not dict:
            return False
        for k, x in m.items():  # noqa: SIM110 (a loop is faster than all() over a generator)
            if type(x) is not str or not k.isascii():
                return False
        return True
    except KeyError:
        return False


def canonical_line(value: Any, line: bytes) -> bool:
    """Whether ``line`` is the RFC 8785 encoding of ``value``, a value whose shape
    :func:`record_shape` or :func:`item_shape` accepted (False: not decided here)."""
    try:
        return _dumps(value, option=_SORT) == line
    except orjson.JSONEncodeError:
        return False


# -- items without re-validation ---------------------------------------------------------------

_new = object.__new__
_ITEM_FIELDS = frozenset(Item.model_fields)
_MESSAGE_FIELDS = frozenset(Message.model_fields)
_DOCUMENT_FIELDS = frozenset(Document.model_fields)
_EXPECTATIONS: dict[tuple[str, str | None], Expectation] = {}
_STR_EXPECTATIONS: dict[str, Expectation] = {}
_CACHE_LIMIT = 4096
_DEFAULT_GRADERS: tuple[str, ...] = tuple(Item.model_fields["graders"].default)
_checked: bool | None = None  # None: not yet compared with pydantic; False: disagreed, off


_DICT = BaseModel.__dict__["__dict__"].__set__
_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def _model(cls: type[Any], fields: frozenset[str], values: dict[str, Any]) -> Any:
    """An instance of the frozen pydantic model ``cls`` holding ``values`` (already valid):
    what ``model_construct`` does, without its per-field work."""
    obj = _new(cls)
    _DICT(obj, values)
    _FIELDS_SET(obj, set(fields))
    _EXTRA(obj, None)
    _PRIVATE(obj, None)
    return obj


def _expectation(e: Any) -> Expectation | None:
    """The Expectation of a valid item's ``expect`` JSON (a dict, or a string as a record
    writes it); None when it is not one."""
    if e is None:
        return None
    if type(e) is str:
        found = _STR_EXPECTATIONS.get(e)
        if found is None:
            found = parse_expectation(e)  # ValueError for a bad one: the caller's exact path
            if len(_STR_EXPECTATIONS) < _CACHE_LIMIT:
                _STR_EXPECTATIONS[e] = found
        return found
    key = (e["kind"], e["value"])
    hit = _EXPECTATIONS.get(key)
    if hit is None:
        hit = Expectation.model_validate(e)
        if len(_EXPECTATIONS) < _CACHE_LIMIT:
            _EXPECTATIONS[key] = hit
    return hit


def _build(d: dict[str, Any]) -> Item:
    docs = d["documents"]
    values = {
        "id": d["id"],
        "lang": d["lang"],
        "category": d["category"],
        "messages": tuple(
            [_model(Message, _MESSAGE_FIELDS, {"role": m["role"], "content": m["content"]}) for m in d["messages"]]
        ),
        "documents": tuple(
            [
                _model(Document, _DOCUMENT_FIELDS, {"kind": x["kind"], "title": x["title"], "content": x["content"]})
                for x in docs
            ]
        )
        if docs
        else (),
        "expect": _expectation(d["expect"]),
        "graders": tuple(d["graders"]),
        "parallel_id": d["parallel_id"],
        "tags": tuple(d["tags"]),
        "meta": d["meta"],
    }
    item: Item = _model(Item, _ITEM_FIELDS, values)
    return item


def make_item(d: dict[str, Any]) -> Item:
    """The :class:`Item` of ``d``, whose :func:`item_shape` holds.

    Raises:
        pydantic.ValidationError: only on the exact path (when the fast one is off).
    """
    global _checked
    if _checked is None:
        try:
            _checked = _build(d) == Item.model_validate(d)
        except (ValueError, TypeError, KeyError, AttributeError):
            _checked = False
    if not _checked:
        return Item.model_validate(d)
    return _build(d)


def item_for_record(d: dict[str, Any]) -> Item | None:
    """The item a record stands for (sealed suites, or a record whose suite item is not
    valid): ``d`` holds ``id``, ``lang``, ``category``, ``expect`` (a string, as records write
    it), ``meta`` and ``messages``; the other fields take their defaults. None: not decided
    here (the caller validates ``d`` with pydantic)."""
    e = d["expect"]
    if e is not None and type(e) is not str:
        return None
    view = {
        **d,
        "expect": None,
        "documents": [],
        "graders": list(_DEFAULT_GRADERS),
        "parallel_id": None,
        "tags": [],
    }
    if not item_shape(view):
        return None
    try:
        expect = _expectation(e)
    except ValueError:
        return None
    item = make_item(view)
    if not _checked:
        return None
    item.__dict__["expect"] = expect  # our own fresh instance
    return item
