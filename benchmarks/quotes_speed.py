"""Speed of the stancemap pipeline against spaCy's en_core_web_sm alone, side by side in one run.

    python benchmarks/quotes_speed.py [../shared/data/polnear/dev.jsonl] [--repeat 2]

Both pipelines read the same texts with the same batch size; each is timed over ``--repeat``
rounds, alternating, and the best round counts (the least disturbed by other work on the machine).
Prints tokens/s of each and their ratio (stancemap ÷ stock).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from stancemap.extract.pipeline import load_base_model, load_nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"


def timed(nlp, texts: list[str], batch_size: int) -> tuple[float, int]:
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.data.open(encoding="utf-8")]
    stock = load_base_model(exclude=())  # the full stock pipeline, lemmatizer included
    ours = load_nlp()
    timed(stock, texts[:4], args.batch_size)  # warm both up (first-call allocations)
    timed(ours, texts[:4], args.batch_size)
    best = {"spaCy en_core_web_sm": float("inf"), "stancemap": float("inf")}
    tokens = 0
    for _ in range(args.repeat):
        for name, nlp in (("spaCy en_core_web_sm", stock), ("stancemap", ours)):
            seconds, tokens = timed(nlp, texts, args.batch_size)
            best[name] = min(best[name], seconds)
    rates = {name: tokens / seconds for name, seconds in best.items()}
    print(f"{len(texts)} texts, {tokens} tokens, best of {args.repeat}")
    for name, rate in rates.items():
        print(f"{name:22s} {rate:10.0f} tokens/s")
    print(f"ratio stancemap / spaCy: {rates['stancemap'] / rates['spaCy en_core_web_sm']:.2f}x")


if __name__ == "__main__":
    main()
