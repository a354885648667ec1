"""Ingest benchmarks: throughput against spaCy's parse alone, scaling with workers, memory against corpus size.

Usage: python benchmarks/ingest.py [throughput|scaling|memory|merge|all] [--data DEV.jsonl] [--repeat N]
       [--copies N] [--scale N] [--workers N] [--json OUT.json]

Every measurement runs in a fresh child process (one process each, nothing shared or cached
between them), and the figures to compare are measured in the same run, alternating, so that
load on the machine hits both sides alike. Printed: the figures and their ratios.

- throughput: spaCy's stock ``en_core_web_sm`` (``nlp.pipe`` over the texts, all components) against
  the whole ``ingest`` (read JSONL, clean, language, extraction, MinHash, SQLite writes to a temporary
  store), one process each, model loading left out of both. Tokens are spaCy's count of the texts.
- scaling: ``ingest --workers 1`` against ``--workers 2`` on the texts repeated ``--copies`` times
  (new content each, so every copy is analyzed and written); model loading included, as a user sees.
- memory: peak RSS of ``ingest`` at 1x and ``--scale``x the texts (repeated with new content).
- merge: articles/s that ``merge`` writes into SQLite from shards (``--scale`` copies of the texts):
  the one serial step of a cluster run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"


# -- children: each measurement in its own process -----------------------------------------------


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, not inflated when other
    work shares the machine."""
    return sum(_cpu_split())


def _cpu_split() -> tuple[float, float]:
    """CPU seconds of this process (reads, writes SQLite) and of its finished children (workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux; workers (children) are reported as the largest child's peak.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def child_parse(data: Path) -> dict:
    from stancemap.extract.pipeline import load_base_model

    nlp = load_base_model(exclude=())  # stock en_core_web_sm, every component
    texts = _texts(data)
    list(nlp.pipe(texts[:2]))  # warm-up, as ingest's model is warm
    start, cpu = time.perf_counter(), _cpu_seconds()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": _cpu_seconds() - cpu,
        "tokens": tokens,
        "articles": len(texts),
    }


def child_ingest(data: Path, workers: int, warm: bool) -> dict:
    from stancemap.run.local import ingest_paths

    if warm:
        from stancemap.analyze import analyze
        from stancemap.extract.pipeline import load_nlp

        analyze(_texts(data)[0], load_nlp())  # load and warm the model (and the language model)
    with tempfile.TemporaryDirectory() as tmp:
        start, (main0, workers0) = time.perf_counter(), _cpu_split()
        report = ingest_paths([str(data)], str(Path(tmp) / "bench.db"), workers=workers)
        seconds, (main1, workers1) = time.perf_counter() - start, _cpu_split()
    return {
        "seconds": seconds,
        "cpu_seconds": (main1 - main0) + (workers1 - workers0),
        "cpu_main": main1 - main0,
        "cpu_workers": workers1 - workers0,
        "articles": report.stored + report.duplicates,
        "quotes": report.quotes,
        "skipped": sum(report.skipped.values()),
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- parent ----------------------------------------------------------------------------------------


def run_child(*args: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, __file__, "_child", *args], capture_output=True, text=True, env=env, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def repeated_corpus(data: Path, copies: int, folder: Path) -> Path:
    """The texts ``copies`` times, each copy with new ids and new content (one closing line)."""
    path = folder / f"corpus-x{copies}.jsonl"
    with open(data, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        rows = [json.loads(line) for line in src if line.strip()]
        for copy in range(copies):
            for row in rows:
                row = {**row, "id": f"{row['id']}~{copy}"}
                if copy:
                    row["text"] = f"{row['text']}\n\nThis report was republished ({copy}).\n"
                out.write(json.dumps(row) + "\n")
    return path


def throughput(data: Path, repeat: int) -> dict:
    parse, ingest = [], []
    for _ in range(repeat):  # alternate, so both see the same machine
        parse.append(run_child("parse", str(data)))
        ingest.append(run_child("ingest", str(data), "1", "warm"))
    best_parse = min(parse, key=lambda r: r["seconds"])
    best_ingest = min(ingest, key=lambda r: r["seconds"])
    tokens = best_parse["tokens"]
    result = {
        "articles": best_parse["articles"],
        "tokens": tokens,
        "parse_tokens_per_s": tokens / best_parse["seconds"],
        "ingest_tokens_per_s": tokens / best_ingest["seconds"],
        "parse_runs_s": [round(r["seconds"], 2) for r in parse],
        "ingest_runs_s": [round(r["seconds"], 2) for r in ingest],
        "quotes": best_ingest["quotes"],
    }
    result["ratio"] = result["ingest_tokens_per_s"] / result["parse_tokens_per_s"]
    cpu_parse = min(r["cpu_seconds"] for r in parse)
    cpu_ingest = min(r["cpu_seconds"] for r in ingest)
    result["cpu_ratio"] = cpu_parse / cpu_ingest
    print(
        f"throughput ({result['articles']} articles, {tokens} tokens, best of {repeat}):\n"
        f"  spaCy en_core_web_sm nlp.pipe (parse only): {result['parse_tokens_per_s']:8.0f} tokens/s"
        f"  runs {result['parse_runs_s']} s\n"
        f"  stancemap ingest (everything, to SQLite):    {result['ingest_tokens_per_s']:8.0f} tokens/s"
        f"  runs {result['ingest_runs_s']} s, {result['quotes']} quotes\n"
        f"  ratio ingest / parse-only: {result['ratio']:.2f}x wall, {result['cpu_ratio']:.2f}x CPU time"
        f" ({cpu_ingest:.1f} s against {cpu_parse:.1f} s; target >= 1.0x, stretch 1.5x)"
    )
    return result


def scaling(data: Path, copies: int, workers: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = repeated_corpus(data, copies, Path(tmp))
        one, many = [], []
        for _ in range(repeat):
            one.append(run_child("ingest", str(corpus), "1", "cold"))
            many.append(run_child("ingest", str(corpus), str(workers), "cold"))
    best_one = min(one, key=lambda r: r["seconds"])
    best_many = min(many, key=lambda r: r["seconds"])
    articles = best_one["articles"]
    result = {
        "articles": articles,
        "workers": workers,
        "one_worker_articles_per_s": articles / best_one["seconds"],
        "many_workers_articles_per_s": articles / best_many["seconds"],
        "one_runs_s": [round(r["seconds"], 2) for r in one],
        "many_runs_s": [round(r["seconds"], 2) for r in many],
        "cpus": os.cpu_count(),
    }
    result["ratio"] = result["many_workers_articles_per_s"] / result["one_worker_articles_per_s"]
    result["per_core_articles_per_s"] = result["many_workers_articles_per_s"] / workers
    # CPU seconds per article: what one core delivers when it has the core to itself.
    result["one_cpu_s"] = min(r["cpu_seconds"] for r in one)
    result["many_cpu_s"] = min(r["cpu_seconds"] for r in many)
    # When other work shares the machine, wall times say little; this says what the run would take
    # with a core per process: the busier of the writer (this process) and an average worker.
    critical = min(max(r["cpu_main"], r["cpu_workers"] / workers) for r in many)
    result["estimated_ratio_on_idle_cores"] = result["one_cpu_s"] / critical
    print(
        f"scaling ({articles} articles = the texts x{copies}, {os.cpu_count()} CPUs, model loading included):\n"
        f"  1 worker:  {result['one_worker_articles_per_s']:6.2f} articles/s  runs {result['one_runs_s']} s\n"
        f"  {workers} workers: {result['many_workers_articles_per_s']:6.2f} articles/s  runs {result['many_runs_s']} s\n"
        f"  ratio: {result['ratio']:.2f}x  (target >= 1.7x for 2 workers on 2 cores);"
        f" per core: {result['per_core_articles_per_s']:.2f} articles/s\n"
        f"  CPU time: {result['one_cpu_s']:.1f} s with 1 worker, {result['many_cpu_s']:.1f} s with {workers}"
        f" (the parallel overhead: model loaded per worker, results pickled back);"
        f" {articles / result['many_cpu_s']:.2f} articles per CPU-second\n"
        f"  from CPU times, with a core per process: {result['estimated_ratio_on_idle_cores']:.2f}x"
        f" (writer {min(r['cpu_main'] for r in many):.1f} s, workers"
        f" {min(r['cpu_workers'] for r in many):.1f} s in all)"
    )
    return result


def memory(data: Path, scale: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        small = run_child("ingest", str(repeated_corpus(data, 1, Path(tmp))), "1", "cold")
        large = run_child("ingest", str(repeated_corpus(data, scale, Path(tmp))), "1", "cold")
    result = {
        "articles": [small["articles"], large["articles"]],
        "peak_rss_mb": [round(small["peak_rss_mb"], 1), round(large["peak_rss_mb"], 1)],
        "growth": large["peak_rss_mb"] / small["peak_rss_mb"],
    }
    print(
        f"memory (peak RSS of one ingest process):\n"
        f"  1x  ({small['articles']:5d} articles): {small['peak_rss_mb']:7.1f} MB\n"
        f"  {scale}x ({large['articles']:5d} articles): {large['peak_rss_mb']:7.1f} MB\n"
        f"  growth: {result['growth']:.2f}x  (target <= 1.2x and <= 1500 MB)"
    )
    return result


def merge_rate(data: Path, copies: int) -> dict:
    """Articles/s of ``merge`` (the single SQLite writer, serial at any cluster size)."""
    import dataclasses

    from stancemap.ingest import iter_documents
    from stancemap.run.shards import merge_shards, write_shard
    from stancemap.run.stage import analyze_batch
    from stancemap.store import open_store

    results = analyze_batch(list(iter_documents([str(data)])))
    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(tmp) / "shards"
        shards.mkdir()
        for copy in range(copies):  # new ids and sources: every copy is a new article to write
            batch = [
                dataclasses.replace(
                    r,
                    item=dataclasses.replace(
                        r.item, id=f"{r.item.id[:10]}{copy:06d}", source=f"{r.source}~{copy}"
                    ),
                )
                for r in results
                if not hasattr(r.item, "code")
            ]
            write_shard(batch, shards / f"part-{copy:06d}.parquet")
        with open_store(Path(tmp) / "merge.db") as store:
            start, cpu = time.perf_counter(), _cpu_seconds()
            report = merge_shards([shards], store)
            seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    result = {"articles": report.stored, "seconds": seconds, "cpu_seconds": cpu}
    result["articles_per_s"] = report.stored / seconds
    print(
        f"merge ({report.stored} articles from {copies} shards into SQLite):"
        f" {result['articles_per_s']:.0f} articles/s ({seconds:.1f} s, {cpu:.1f} s CPU)"
    )
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind, data, *rest = sys.argv[2:]
        if kind == "parse":
            result = child_parse(Path(data))
        else:
            result = child_ingest(Path(data), int(rest[0]), rest[1] == "warm")
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "mode", nargs="?", default="all", choices=["throughput", "scaling", "memory", "merge", "all"]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' field per row")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side; the best is reported")
    parser.add_argument("--copies", type=int, default=3, help="scaling: the texts repeated this many times")
    parser.add_argument("--workers", type=int, default=2, help="scaling: workers against one")
    parser.add_argument(
        "--scale", type=int, default=10, help="memory: the large corpus, in copies of the texts"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"no data at {args.data} (--data DEV.jsonl)")
    results = {}
    if args.mode in ("throughput", "all"):
        results["throughput"] = throughput(args.data, args.repeat)
    if args.mode in ("scaling", "all"):
        results["scaling"] = scaling(args.data, args.copies, args.workers, args.repeat)
    if args.mode in ("memory", "all"):
        results["memory"] = memory(args.data, args.scale)
    if args.mode in ("merge", "all"):
        results["merge"] = merge_rate(args.data, args.scale)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
