"""Docs from the pipeline serialise like any spaCy Doc.

``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(texts, n_process=2)`` (which sends
each Doc back from its worker as bytes) write ``doc.user_data`` with msgpack, and the results in
``doc._`` are dataclasses, which msgpack cannot write. srsly, spaCy's serialiser, takes extra encoders
and decoders from a registry: these write each of our dataclasses as a dict tagged with its class name
and rebuild it when the bytes are read. Only the classes named here are rebuilt, by calling them with
their fields, so reading bytes never runs code from them. The codec is registered when the pipeline
module is imported (``load_nlp`` imports it): import it before reading Docs back.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import cache

import srsly

from .. import model
from . import actors

_TAG = "__stancemap__"
_CLASSES = {
    cls.__name__: cls
    for cls in (
        model.Actor,
        model.Speaker,
        model.Span,
        model.Quote,
        model.Stance,
        model.Figure,
        model.Event,
        actors.Mention,
        actors.ActorTable,
    )
}


def encode(obj, chain=None):
    cls = type(obj)
    if _CLASSES.get(cls.__name__) is cls:
        return {_TAG: cls.__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return chain(obj) if chain is not None else obj


def decode(obj, chain=None):
    tag = obj.get(_TAG) if isinstance(obj, dict) else None
    cls = _CLASSES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        return chain(obj) if chain is not None else obj
    shapes = _array_fields(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name not in obj:
            continue
        value, shape = obj[f.name], shapes.get(f.name)
        # msgpack has one array type: it reads back as a list, or as a tuple where the reader asks
        # for tuples (DocBin does); each field gets its own type back.
        if isinstance(value, (list, tuple)) and shape == "tuple":
            value = tuple(value)
        elif isinstance(value, (list, tuple)) and shape == "list":
            value = list(value)
        elif isinstance(value, (list, tuple)) and shape == "list of tuples":
            value = [tuple(item) if isinstance(item, (list, tuple)) else item for item in value]
        values[f.name] = value
    try:
        return cls(**values)
    except TypeError as exc:
        raise ValueError(f"stored {tag} cannot be read back: {exc}") from None


@cache
def _array_fields(cls) -> dict[str, str]:
    shapes = {}
    for name, hint in typing.get_type_hints(cls).items():
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple:
            shapes[name] = "tuple"
        elif origin is list:
            shapes[name] = "list of tuples" if args and typing.get_origin(args[0]) is tuple else "list"
    return shapes


srsly.msgpack_encoders.register("stancemap", func=encode)
srsly.msgpack_decoders.register("stancemap", func=decode)
