"""Parquet shards: what a Dask partition writes, and ``merge`` loads into the SQLite store.

One row per input: the source, and either the Article JSON with its MinHash signature or the skip
code and reason. Shards are written to a temporary name and renamed, so a shard that exists is
complete: a resumed run passes over its partition, and merge never reads half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Skip
from ..model import Article
from .stage import Result
from .writer import IngestReport, Writer

SUFFIX = ".parquet"
# Rows read at a time by merge: memory stays flat whatever the shard's size.
READ_ROWS = 64


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
        ]
    )


def shard_name(index: int, sources: list[str]) -> str:
    """A stable name for a partition: its place in the input and a digest of its sources."""
    digest = hashlib.sha256("\n".join(sources).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"part-{index:06d}-{digest}{SUFFIX}"


def _row(result: Result) -> dict:
    item = result.item
    if isinstance(item, Skip):
        return {"source": item.source, "code": item.code, "reason": item.reason}
    return {
        "source": item.source,
        "article_id": item.id,
        "article": json.dumps(item.to_dict(), ensure_ascii=False),
        "signature": result.signature,
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
    """The Results in one shard, in the order written, a few rows at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=READ_ROWS):
        for row in batch.to_pylist():
            if row["article"] is None:
                yield Result(Skip(row["source"], row["code"], row["reason"]))
            else:
                yield Result(Article.from_dict(json.loads(row["article"])), row["signature"])


def shard_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Shard files given directly or found in folders, in name (that is, input) order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.glob(f"*{SUFFIX}") if not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def merge_shards(
    paths: Iterable[str | Path], store, *, report: IngestReport | None = None, on_skip=None, bar=None
) -> IngestReport:
    """Load shards into ``store``; idempotent (sources already recorded and known content add nothing).

    Near-duplicates are linked here, in shard order, against everything already in the store.
    """
    report = report or IngestReport()
    writer = Writer(store, report, on_skip=on_skip)
    try:
        for path in shard_paths(paths):
            for result in read_shard(path):
                if store.has_source(result.source):
                    report.resumed += 1
                    continue
                writer.write(result)
            if bar is not None:
                bar.update(report)
    except KeyboardInterrupt:
        report.interrupted = True
    return report
