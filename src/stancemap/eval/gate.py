"""The quality gate: minimum scores pinned in ``gate/<name>.json``, checked in CI on a fixed slice.

A pin file holds the slice it was measured on (with a hash of that data, so a changed corpus is
noticed rather than silently scored) and the minimum for each measure. Pins only go up:
``python -m stancemap.eval.gate raise NAME SCORES.json`` raises them, and lowering one needs
``--allow-lower`` (and a reason in the commit).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import GateError, OutputError, StancemapError

GATE_DIR = Path(__file__).resolve().parents[3] / "gate"
# Scores are rounded to 3 places by the scorers; one flipped item on a small slice moves F1 by
# more than that, so compare with a small tolerance rather than failing on measurement noise.
TOLERANCE = 0.0005


def data_hash(rows: list[str]) -> str:
    """sha256 over the slice's raw lines: a changed corpus changes the hash."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(row.encode("utf-8"))
    return digest.hexdigest()


def load_pins(name: str, gate_dir: Path = GATE_DIR) -> dict[str, Any]:
    """The pin file ``gate_dir/NAME.json``; ``GateError`` when there is none or it has no minimums."""
    path = gate_dir / f"{name}.json"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in gate_dir.glob("*.json"))) or "none"
        raise GateError(f"no pins named {name!r} ({path} does not exist; known: {known})")
    pins = _read_json(path, "pin file")
    if not isinstance(pins, dict) or not isinstance(pins.get("min"), dict):
        raise GateError(f'{path} is not a pin file: it has no "min" object of measures')
    return pins


def load_scores(path: str | Path) -> dict[str, Any]:
    """A scores file (what ``stancemap eval quotes --json`` prints); ``GateError`` when unusable."""
    scores = _read_json(Path(path), "scores file")
    if not isinstance(scores, dict):
        raise GateError(f"{path} is not a scores file: a JSON object of measures is expected")
    return scores


def _read_json(path: Path, what: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GateError(f"cannot read the {what} {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GateError(f"the {what} {path} is not UTF-8 text (a binary file?)") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise GateError(
            f"the {what} {path} is not JSON ({exc.msg}: line {exc.lineno}, column {exc.colno})"
        ) from exc


def flatten(scores: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """{"strict": {"all": {"F1": 0.5}}} -> {"strict.all.F1": 0.5}"""
    flat: dict[str, float] = {}
    for key, value in scores.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten(value, path))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[path] = float(value)
    return flat


def check(pins: dict[str, Any], scores: dict[str, Any]) -> list[str]:
    """Failures: each pinned measure that is missing or below its minimum."""
    flat = flatten(scores)
    failures = []
    for measure, minimum in pins["min"].items():
        got = flat.get(measure)
        if got is None:
            failures.append(f"{measure}: not measured (pinned at {minimum})")
        elif got + TOLERANCE < minimum:
            failures.append(f"{measure}: {got:.3f} is below the pinned {minimum:.3f}")
    return failures


def raise_pins(
    name: str, scores: dict[str, Any], *, allow_lower: bool = False, gate_dir: Path = GATE_DIR
) -> dict:
    """Set each pinned measure to the new score when it is higher (or lower, with ``allow_lower``)."""
    pins = load_pins(name, gate_dir)
    flat = flatten(scores)
    if not any(measure in flat for measure in pins["min"]):
        raise GateError(
            f"the scores have none of the measures pinned in {name}.json ({', '.join(pins['min'])}): "
            "are they the scores of another gate?"
        )
    for measure, minimum in pins["min"].items():
        if measure in flat and (flat[measure] > minimum or allow_lower):
            pins["min"][measure] = round(flat[measure], 3)
    path = gate_dir / f"{name}.json"
    try:
        path.write_text(json.dumps(pins, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return pins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m stancemap.eval.gate", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("raise", help="raise the pins of NAME to the scores in SCORES.json")
    up.add_argument("name")
    up.add_argument("scores", type=Path)
    up.add_argument("--allow-lower", action="store_true", help="also lower pins (say why in the commit)")
    args = parser.parse_args(argv)
    try:
        scores = load_scores(args.scores)
        before = load_pins(args.name)["min"]
        pins = raise_pins(args.name, scores, allow_lower=args.allow_lower)
    except StancemapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    flat = flatten(scores)
    for measure, pin in before.items():
        if measure in flat and flat[measure] < pin and not args.allow_lower:
            # Never silently: a score under its pin is what the gate's check would fail on.
            print(f"kept {measure} at {pin}: scored {flat[measure]:.3f}, below its pin", file=sys.stderr)
    json.dump(pins, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
