"""Article-body extraction benchmark: stancemap's clean stage against trafilatura (and jusText).

Usage: python benchmarks/extraction.py [--shared ../shared] [--mode html|text|both] [--json OUT.json]
       [--ids IDS.txt]

Scores come from ``shared/eval/extraction_eval.py`` (the benchmark's own 4-token shingle metric) on
``shared/data/article-extraction``: HTML pages (``html/``) and the same pages flattened to text
(``text-pages.jsonl``). Speed is pages per second of the extraction itself, each system timed page
by page in turn (so load on the machine hits both alike), after a few warm-up pages.

Text mode is trained on these same pages, so its headline figure is OUT-OF-FOLD: every page is
cleaned by a model trained without any page of its site (``train_boilerplate.out_of_fold``; needs
scikit-learn). The shipped model, trained on all pages, is printed too and is in-sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stancemap.clean.html import clean_html  # noqa: E402
from stancemap.clean.text import clean_text  # noqa: E402
from stancemap.model import Cleaned, Document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 5


def load_scorer(shared: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("extraction_eval", shared / "eval" / "extraction_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body(cleaned: Cleaned) -> str:
    """What the metric reads: the kept paragraphs, one per line."""
    return "\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)


def run_side_by_side(pages: dict[str, object], systems: dict) -> tuple[dict, dict]:
    """Predictions and pages/second of each system, timing them page by page in turn."""
    preds = {name: {} for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    ids = list(pages)
    for i in ids[:WARM_UP]:
        for system in systems.values():
            system(i, pages[i])
    for i in ids:
        for name, system in systems.items():
            start = time.perf_counter()
            text = system(i, pages[i])
            seconds[name] += time.perf_counter() - start
            preds[name][i] = {"articleBody": text or ""}
    return preds, {name: len(ids) / s for name, s in seconds.items()}


def html_systems(gold: dict) -> dict:
    import trafilatura

    def stancemap(i, html):
        return body(clean_html(Document(source=i, content=html, format="html", url=gold[i].get("url"))))

    return {"trafilatura 2.3.1": lambda i, html: trafilatura.extract(html), "stancemap": stancemap}


def text_systems(gold: dict, models: dict | None) -> dict:
    import trafilatura

    def stancemap(i, text):
        return body(clean_text(Document(source=i, content=text)))

    def trafilatura_text(i, text):
        # trafilatura needs markup: give it the lines as paragraphs, the only structure left.
        from html import escape

        lines = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
        return trafilatura.extract(f"<html><body>{lines}</body></html>")

    systems = {"no cleaning": lambda i, text: text, "trafilatura 2.3.1 (lines as <p>)": trafilatura_text}
    try:
        import justext

        stoplist = justext.get_stoplist("English")

        def jus(i, text):
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            html = "".join(f"<p>{p}</p>" for p in paragraphs).encode("utf-8")
            return "\n".join(p.text for p in justext.justext(html, stoplist) if not p.is_boilerplate)

        systems["jusText 3.0.2 (paragraphs)"] = jus
    except ImportError:
        pass
    if models is not None:
        systems["stancemap, out-of-fold"] = lambda i, text: body(
            clean_text(Document(source=i, content=text), models[i])
        )
    systems["stancemap, shipped model (in-sample)"] = stancemap
    return systems


def out_of_fold_models(shared: Path, scorer, ids: set[str]) -> dict | None:
    try:
        import train_boilerplate
    except ImportError as exc:  # scikit-learn is a training-time tool only
        print(f"out-of-fold text mode skipped: {exc}", file=sys.stderr)
        return None
    gold = json.loads((shared / "data/article-extraction/ground-truth.json").read_text(encoding="utf-8"))
    pages = train_boilerplate.load_pages(shared)
    models = train_boilerplate.out_of_fold(pages, gold, scorer)
    return {i: m for i, m in models.items() if i in ids}


def load_html_pages(data: Path, ids: list[str]) -> dict[str, str]:
    return {
        i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")
        for i in ids
    }


def load_text_pages(data: Path, ids: list[str]) -> dict[str, str]:
    rows = [json.loads(line) for line in (data / "text-pages.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {row["id"]: row["text"] for row in rows}
    return {i: texts[i] for i in ids}


def report(title: str, scorer, gold: dict, preds: dict, speed: dict, baseline: str) -> dict:
    print(f"\n{title} ({len(gold)} pages)")
    print(f"  {'system':40} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8} {'speed':>6}")
    scores = {}
    for name, pred in preds.items():
        s = scorer.score(gold, pred)
        scores[name] = {
            **s,
            "pages_per_s": round(speed[name], 1),
            "speed_vs_trafilatura": round(speed[name] / speed[baseline], 2),
        }
        print(
            f"  {name:40} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {speed[name]:8.1f} {speed[name] / speed[baseline]:5.2f}×"
        )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--mode", choices=["html", "text", "both"], default="both")
    parser.add_argument("--ids", type=Path, help="a file of page ids, one a line (default: all pages)")
    parser.add_argument("--no-out-of-fold", action="store_true", help="skip the out-of-fold text models")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every page it finds too short
    data = args.shared / "data" / "article-extraction"
    scorer = load_scorer(args.shared)
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = args.ids.read_text().split() if args.ids else sorted(gold)
    gold = {i: gold[i] for i in ids}
    results = {}
    if args.mode in ("html", "both"):
        preds, speed = run_side_by_side(load_html_pages(data, ids), html_systems(gold))
        results["html"] = report("HTML pages", scorer, gold, preds, speed, "trafilatura 2.3.1")
    if args.mode in ("text", "both"):
        models = None if args.no_out_of_fold else out_of_fold_models(args.shared, scorer, set(ids))
        preds, speed = run_side_by_side(load_text_pages(data, ids), text_systems(gold, models))
        results["text"] = report(
            "Text mode (pages flattened to plain text)",
            scorer,
            gold,
            preds,
            speed,
            "trafilatura 2.3.1 (lines as <p>)",
        )
        if models is not None:
            print(
                "  out-of-fold: each page cleaned by a model trained without any page of its site (5 folds)."
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
