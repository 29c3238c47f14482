"""Frozen dataclass records <-> JSON, checked field by field on the way back.

The cache in OUT/.kg-cache must be data, never code: a build folder is copied
and shared, and a pickle planted there would run on the next build. Records are
written as JSON arrays in field order (compact and fast); reading rebuilds them
from their type hints and rejects anything that does not fit (wrong arity,
wrong scalar type, unknown enum value) with ``CodecError``. Tuples, enums,
None, nested records and dicts with tuple keys round-trip exactly, ints stay
ints and floats stay floats, so a cached build writes the same bytes as a
fresh one. ``schema_hash`` names the shape of every record reachable from a
root type: an entry written under another shape is never decoded.
"""
from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from typing import Any

Decoder = Callable[[Any], Any]
Encoder = Callable[[Any], Any]


class CodecError(ValueError):
    """The JSON does not have the shape of the record type."""


def _fail(expected: str, value: Any) -> typing.NoReturn:
    raise CodecError(f"expected {expected}, got {type(value).__name__}")


def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


@lru_cache(maxsize=None)
def encoder(tp: Any) -> Encoder | None:  # noqa: C901
    """A function turning a value of type ``tp`` into JSON data; None when the value is JSON already."""
    if dataclasses.is_dataclass(tp):
        parts = [(name, encoder(hint)) for name, hint in _hints(tp)]
        n = len(parts)
        structured = [(i, e) for i, (_, e) in enumerate(parts) if e is not None]

        def enc_record(obj: Any) -> list:
            values = list(obj.__dict__.values())  # the fields, in order (set so by __init__ and dec_record)
            if len(values) != n:  # something else was stored on the object: go by name
                values = [getattr(obj, name) for name, _ in parts]
            for i, e in structured:
                values[i] = e(values[i])
            return values

        return enc_record
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return lambda v: v.value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        encs = [encoder(a) for a in args if a is not type(None)]
        if all(e is None for e in encs):
            return None
        if len(encs) == 1:
            only = encs[0]
            return lambda v: None if v is None else only(v)
        raise TypeError(f"kg.codec: unions of several structured types are not supported: {tp}")
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):  # fixed length
        encs = [encoder(a) for a in args]
        return lambda v: [x if e is None else e(x) for e, x in zip(encs, v)]
    if origin is tuple or origin is list:
        item = encoder(args[0]) if args else None
        return list if item is None else (lambda v: [item(x) for x in v])
    if origin is dict:
        ke, ve = encoder(args[0]), encoder(args[1])
        return lambda v: [[k if ke is None else ke(k), x if ve is None else ve(x)] for k, x in v.items()]
    if tp in (str, int, float, bool, type(None), Any):
        return None
    raise TypeError(f"kg.codec: no JSON form for {tp}")


@lru_cache(maxsize=None)
def decoder(tp: Any) -> Decoder:  # noqa: C901
    """A function rebuilding a value of type ``tp`` from JSON data; raises CodecError on a mismatch."""
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = [name for name, _ in hints]
        n, label = len(hints), tp.__name__
        # plain scalar fields are checked by type inline; the others by their decoders
        scalar = [(i, _KINDS[h]) for i, (_, h) in enumerate(hints) if h in _KINDS]
        structured = [(i, decoder(h)) for i, (_, h) in enumerate(hints) if h not in _KINDS]
        make = object.__new__
        use_init = hasattr(tp, "__post_init__")

        def dec_record(v: Any) -> Any:
            if type(v) is not list or len(v) != n:
                _fail(f"{label} ({n} fields)", v)
            values = list(v)
            for i, kinds in scalar:
                if type(values[i]) not in kinds:
                    _fail(f"{label}.{names[i]}: {'/'.join(k.__name__ for k in kinds)}", values[i])
            for i, d in structured:
                values[i] = d(values[i])
            if use_init:
                return tp(*values)
            obj = make(tp)  # what __init__ would store, without its per-field object.__setattr__
            obj.__dict__.update(zip(names, values))
            return obj

        return dec_record
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        def dec_enum(v: Any) -> Any:
            try:
                return tp(v)
            except ValueError:
                raise CodecError(f"{v!r} is not a {tp.__name__}") from None

        return dec_enum
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        optional = len(inner) < len(args)
        if len(inner) == 1:
            one = decoder(inner[0])
            return (lambda v: None if v is None else one(v)) if optional else one
        scalars = tuple(inner)
        if not all(a in _SCALARS for a in scalars):
            raise TypeError(f"kg.codec: unions of several structured types are not supported: {tp}")
        checks = [decoder(a) for a in scalars]

        def dec_union(v: Any) -> Any:
            if v is None and optional:
                return None
            for check in checks:
                try:
                    return check(v)
                except CodecError:
                    continue
            _fail(str(tp), v)

        return dec_union
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        decs = [decoder(a) for a in args]

        def dec_fixed(v: Any) -> tuple:
            if type(v) is not list or len(v) != len(decs):
                _fail(f"{len(decs)}-tuple", v)
            return tuple(d(x) for d, x in zip(decs, v))

        return dec_fixed
    if origin is tuple or origin is list:
        item = decoder(args[0]) if args else _any
        make = tuple if origin is tuple else list

        def dec_seq(v: Any) -> Any:
            if type(v) is not list:
                _fail("a list", v)
            return make([item(x) for x in v])

        return dec_seq
    if origin is dict:
        kd, vd = decoder(args[0]), decoder(args[1])

        def dec_dict(v: Any) -> dict:
            if type(v) is not list:
                _fail("a list of pairs", v)
            out = {}
            for pair in v:
                if type(pair) is not list or len(pair) != 2:
                    _fail("a pair", pair)
                out[kd(pair[0])] = vd(pair[1])
            return out

        return dec_dict
    if tp in _SCALARS:
        return _SCALARS[tp]
    if tp is Any:
        return _any
    raise TypeError(f"kg.codec: no JSON form for {tp}")


def _scalar(*kinds: type) -> Decoder:
    label = " or ".join(k.__name__ for k in kinds)

    def check(v: Any) -> Any:
        if type(v) not in kinds:
            _fail(label, v)
        return v

    return check


def _none(v: Any) -> None:
    if v is not None:
        _fail("null", v)


def _any(v: Any) -> Any:
    return v


# float fields may hold an int (1 stays 1: the writers print what they were given)
_KINDS: dict[Any, tuple[type, ...]] = {str: (str,), int: (int,), float: (float, int), bool: (bool,),
                                       str | None: (str, type(None)), int | None: (int, type(None)),
                                       float | None: (float, int, type(None))}
_SCALARS: dict[Any, Decoder] = {str: _scalar(str), int: _scalar(int), float: _scalar(float, int),
                                bool: _scalar(bool), type(None): _none}


def dumps(value: Any, tp: Any) -> bytes:
    """``value`` (of type ``tp``) as compact UTF-8 JSON."""
    enc = encoder(tp)
    data = value if enc is None else enc(value)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str, tp: Any) -> Any:
    """The ``tp`` value in ``data``; CodecError when it is not JSON of that shape."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"not JSON ({exc})") from None
    try:
        return decoder(tp)(raw)
    except RecursionError:
        raise CodecError("nested too deeply") from None
    except TypeError as exc:  # a record's own checks (none today) or a bad field value
        raise CodecError(str(exc)) from None


@lru_cache(maxsize=None)
def schema_hash(tp: Any) -> str:
    """A short hash of the shape of ``tp``: every record's field names and types, recursively."""
    seen: dict[str, str] = {}

    def walk(t: Any) -> None:
        if dataclasses.is_dataclass(t):
            if t.__qualname__ in seen:
                return
            hints = _hints(t)
            seen[t.__qualname__] = ",".join(f"{n}:{h!r}" for n, h in hints)
            for _, h in hints:
                walk(h)
        elif isinstance(t, type) and issubclass(t, enum.Enum):
            seen[t.__qualname__] = ",".join(f"{m.name}={m.value!r}" for m in t)
        else:
            for a in typing.get_args(t):
                walk(a)

    walk(tp)
    text = ";".join(f"{k}({v})" for k, v in sorted(seen.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
