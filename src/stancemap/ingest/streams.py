"""Byte streams for the readers: files or stdin, gunzipped on the fly, peekable, never read whole.

Why not ``gzip.open``: when a gzip file is truncated or damaged, ``GzipFile`` (through its buffered
reader) can drop the bytes it had already decompressed in the read call that fails. Archives are
read in large blocks, so that would lose the last good records before the damage. ``GzipStream``
returns every byte it could decompress and raises only on the next call, so a reader keeps all that
came before the damage and reports the rest as one ``SKIP_CORRUPT``.
"""

from __future__ import annotations

import io
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import SKIP_CORRUPT, SKIP_TOO_LARGE, InputError

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16


class GzipStream(io.RawIOBase):
    """Streaming gunzip of ``raw`` (any number of gzip members, as in ``.warc.gz``).

    ``read(n)`` returns at most ``n`` bytes and at most one decompression step, so memory stays
    bounded. A truncated or corrupt stream raises ``InputError(SKIP_CORRUPT)`` only once every byte
    before the damage has been returned.
    """

    def __init__(self, raw: BinaryIO):
        super().__init__()
        self._raw = raw
        self._input = b""
        self._decompressor: zlib._Decompress | None = None  # None between members
        self._members = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = len(buffer)
        if size == 0:
            return 0
        while True:
            if not self._input:
                self._input = self._raw.read(CHUNK)
                if not self._input:
                    if self._decompressor is not None:
                        raise InputError(
                            SKIP_CORRUPT, "truncated gzip (the file ends inside a compressed block)"
                        )
                    return 0
            if self._decompressor is None:
                # Some writers pad gzip files with NUL bytes after the last member.
                self._input = self._input.lstrip(b"\0")
                if not self._input:
                    continue
                if self._members and not self._input.startswith(GZIP_MAGIC):
                    raise InputError(SKIP_CORRUPT, "broken gzip (garbage after a compressed member)")
                self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._members += 1
            try:
                out = self._decompressor.decompress(self._input, size)
            except zlib.error as exc:
                raise InputError(SKIP_CORRUPT, f"broken gzip ({exc})") from exc
            if self._decompressor.eof:
                self._input = self._decompressor.unused_data
                self._decompressor = None
            else:
                self._input = self._decompressor.unconsumed_tail
            if out:
                buffer[: len(out)] = out
                return len(out)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class Stream(io.RawIOBase):
    """A read-only byte stream with ``peek(n)`` (which never consumes) over any binary file object.

    ``read(n)`` does at most one read of the inner stream, so a failure in the inner stream (a
    truncated gzip) never swallows bytes that were already read. ``tell`` counts the bytes read, and
    ``seek`` goes forward only (fastwarc asks for the position, and skips payloads by seeking).
    """

    def __init__(self, inner: BinaryIO, *, close_inner: bool = True):
        super().__init__()
        self._inner = inner
        self._head = b""
        self._close_inner = close_inner
        self._position = 0
        self.gzip = isinstance(inner, GzipStream)  # whether this stream gunzips

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._position + offset if whence == io.SEEK_CUR else -1
        if target < self._position:
            raise io.UnsupportedOperation("this stream only seeks forward")
        while self._position < target and self.read(min(CHUNK, target - self._position)):
            pass
        return self._position

    def peek(self, size: int) -> bytes:
        """The next ``size`` bytes (fewer at the end of the stream), left to be read again."""
        while len(self._head) < size:
            more = self._inner.read(size - len(self._head))
            if not more:
                break
            self._head += more
        return self._head[:size]

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            self._position += n
            return n
        data = self._inner.read(len(buffer))
        if not data:
            return 0
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed and self._close_inner:
            self._inner.close()
        super().close()


def open_stream(path: Path | str) -> Stream:
    """``path`` (or ``-`` for stdin) as a peekable stream of its bytes, gunzipped when it is gzip.

    Gzip is recognised by its magic number, whatever the name says. Use as a context manager.
    """
    if str(path) == "-":
        stream = Stream(sys.stdin.buffer, close_inner=False)
    else:
        stream = Stream(open(path, "rb"))  # noqa: SIM115 - closed by Stream.close
    if stream.peek(2) == GZIP_MAGIC:
        return Stream(GzipStream(stream))
    return stream


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream``, or ``InputError(SKIP_TOO_LARGE)`` as soon as it passes ``limit`` bytes.

    Reads at most ``limit + CHUNK`` bytes, so a 50 MB file (or a gzip bomb) is never held whole.
    """
    parts: list[bytes] = []
    total = 0
    while chunk := stream.read(CHUNK):
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(SKIP_TOO_LARGE, too_large_message(f"over {total / 1e6:.1f} MB", limit))
    return b"".join(parts)


def too_large_message(size: str, limit: int) -> str:
    return f"too large ({size}; the limit is {limit / 1e6:.1f} MB)"
