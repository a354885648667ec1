"""Streams: gunzip that gives back every good byte before damage, peeking, forward-only seeking."""

from __future__ import annotations

import gzip
import io
import os

import pytest

from stancemap.errors import SKIP_CORRUPT, SKIP_TOO_LARGE, InputError
from stancemap.ingest.streams import GzipStream, Stream, open_stream, read_limited

DATA = os.urandom(1 << 18).hex().encode()  # 512 KB that compresses only 2:1, so it spans many blocks


def read_all(stream, size=1000) -> bytes:
    out = bytearray()
    while chunk := stream.read(size):
        out += chunk
    return bytes(out)


def test_gunzips_several_members_and_nul_padding(tmp_path):
    path = tmp_path / "a.gz"
    path.write_bytes(gzip.compress(DATA[:1000]) + gzip.compress(DATA[1000:]) + bytes(512))
    with open_stream(path) as stream:
        assert stream.peek(5) == DATA[:5]
        assert read_all(stream) == DATA


def test_plain_files_pass_through(tmp_path):
    (tmp_path / "a.txt").write_bytes(DATA)
    with open_stream(tmp_path / "a.txt") as stream:
        assert not stream.gzip
        assert read_all(stream) == DATA


def test_truncated_gzip_returns_every_byte_before_raising():
    data = gzip.compress(DATA)
    stream = GzipStream(io.BytesIO(data[: len(data) // 2]))
    got = bytearray()
    with pytest.raises(InputError) as raised:
        while chunk := stream.read(4096):
            got += chunk
    assert raised.value.code == SKIP_CORRUPT and "truncated" in raised.value.message
    assert len(got) > len(DATA) // 3 and DATA.startswith(bytes(got))


def test_garbage_after_a_member_is_corrupt():
    stream = GzipStream(io.BytesIO(gzip.compress(b"hello") + b"garbage"))
    assert stream.read(100) == b"hello"
    with pytest.raises(InputError) as raised:
        stream.read(100)
    assert raised.value.code == SKIP_CORRUPT


def test_seek_goes_forward_only():
    stream = Stream(io.BytesIO(DATA))
    assert stream.seek(10) == 10 and stream.tell() == 10
    assert stream.read(3) == DATA[10:13]
    assert stream.seek(5, io.SEEK_CUR) == 18
    with pytest.raises(io.UnsupportedOperation):
        stream.seek(0)


def test_read_limited_stops_early():
    with pytest.raises(InputError) as raised:
        read_limited(Stream(io.BytesIO(DATA)), 100_000)
    assert raised.value.code == SKIP_TOO_LARGE
    assert read_limited(Stream(io.BytesIO(b"small")), 100) == b"small"
