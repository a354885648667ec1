"""Parquet shards: what a Dask partition writes, and ``merge`` loads into the SQLite store.

One row per input: the source, and either the Article JSON with its MinHash signature or the skip
code and reason. Shards are written to a temporary name and renamed, so a shard that exists is
complete: a resumed run passes over its partition, and merge never reads half a file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SKIP_CORRUPT, InputError, Skip, one_line
from ..model import Article
from .stage import Result
from .writer import IngestReport, Writer

SUFFIX = ".parquet"
# Rows read at a time by merge: memory stays flat whatever the shard's size.
READ_ROWS = 64
# The columns merge reads (a Parquet file without them is not a shard).
COLUMNS = ("source", "article", "signature", "code", "reason")

logger = logging.getLogger(__name__)


def _schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("source", pa.string()),
            ("article_id", pa.string()),
            ("article", pa.large_string()),  # Article JSON (Article.to_dict)
            ("signature", pa.binary()),
            ("code", pa.string()),  # skip code, when the input was skipped
            ("reason", pa.string()),
            ("content_hash", pa.string()),  # the raw input's hash (stage.input_hash): the resume key
        ]
    )


def shard_name(index: int, keys: list[str]) -> str:
    """A stable name for a partition: its place in the input and a digest of its inputs' ``keys``
    (each source with its content's hash, so a shard of what a source held before is not reused)."""
    digest = hashlib.sha256("\n".join(keys).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"part-{index:06d}-{digest}{SUFFIX}"


def _row(result: Result) -> dict:
    item = result.item
    if isinstance(item, Skip):
        return {
            "source": item.source,
            "code": item.code,
            "reason": item.reason,
            "content_hash": result.content_hash,
        }
    return {
        "source": item.source,
        "article_id": item.id,
        "article": json.dumps(item.to_dict(), ensure_ascii=False),
        "signature": result.signature,
        "content_hash": result.content_hash,
    }


def write_shard(results: Iterable[Result], path: str | Path) -> int:
    """Write ``results`` as one Parquet file at ``path`` (atomically); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    rows = [_row(r) for r in results]
    table = pa.Table.from_pylist(rows, schema=_schema())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return len(rows)


def read_shard(path: str | Path) -> Iterator[Result]:
    """The Results in one shard, in the order written, a few rows at a time.

    ``InputError`` (``SKIP_CORRUPT``) when the file is not a readable shard: not Parquet, truncated
    (a worker killed while a shard was copied), or a Parquet file of other columns. A shard that
    breaks off part-way has yielded the rows before the break.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        shard = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            SKIP_CORRUPT, f"not a readable Parquet shard ({one_line(exc) or type(exc).__name__})"
        ) from exc
    missing = [name for name in COLUMNS if name not in shard.schema_arrow.names]
    if missing:
        raise InputError(
            SKIP_CORRUPT, f"a Parquet file but not a stancemap shard (no column {', '.join(missing)})"
        )
    # Shards written before the content hash was kept have no such column: their content is unknown.
    columns = [*COLUMNS, *(["content_hash"] if "content_hash" in shard.schema_arrow.names else [])]
    rows = 0
    try:
        for batch in shard.iter_batches(batch_size=READ_ROWS, columns=columns):
            for row in batch.to_pylist():
                known = row.get("content_hash")
                if row["article"] is None:
                    result = Result(Skip(row["source"], row["code"], row["reason"]), content_hash=known)
                else:
                    article = Article.from_dict(json.loads(row["article"]))
                    result = Result(article, row["signature"], known)
                rows += 1
                yield result
    except (pa.ArrowException, OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(
            SKIP_CORRUPT, f"shard breaks off after {rows} rows ({one_line(exc) or type(exc).__name__})"
        ) from exc


def shard_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Shard files given directly or found in folders, in the order they were written (then by name,
    that is input order): a later run's shard holds later versions of its sources, which must be
    stored after the versions they supersede (see ``writer.Writer``)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            shards = [p for p in path.glob(f"*{SUFFIX}") if not p.name.startswith(".")]
            found.extend(sorted(shards, key=lambda p: (p.stat().st_mtime_ns, p.name)))
        else:
            found.append(path)
    return found


def merge_shards(
    paths: Iterable[str | Path], store, *, report: IngestReport | None = None, on_skip=None, bar=None
) -> IngestReport:
    """Load shards into ``store``; idempotent (sources already recorded and known content add nothing).

    Near-duplicates are linked here, in shard order, against everything already in the store. A file
    that is not a readable shard is reported to ``on_skip`` (``skipped PATH: reason [S008]``) and
    counted in ``report.bad_shards``; the other shards are merged.
    """
    report = report or IngestReport()
    writer = Writer(store, report, on_skip=on_skip)
    try:
        for path in shard_paths(paths):
            try:
                for result in read_shard(path):
                    # With the content's hash, a source rewritten since is merged; without (an old
                    # shard), any record of the source counts, so that merging again adds nothing.
                    if report.pass_over(store.earlier(result.source, result.content_hash), on_skip):
                        continue
                    writer.write(result)
            except InputError as exc:
                # One bad shard (not Parquet, truncated) is reported and passed over, not recorded as
                # done: the merge goes on with the others, and a shard written again is merged later.
                report.bad_shards += 1
                skip = Skip(str(path), exc.code, exc.message)
                if on_skip is not None:
                    on_skip(skip)
                else:
                    logger.warning("%s", skip)
            if bar is not None:
                bar.update(report)
    except KeyboardInterrupt:
        report.interrupted = True
    return report
