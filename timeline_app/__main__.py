"""Command line: serve the app, or export a PNG of a view.

python -m timeline_app [--events PATH] [--host H] [--port P] [--workers N] [--debug]
python -m timeline_app export --out chart.png [--events PATH] [--from 2018 --to 2019]
    [--category C ...] [--actor A ...] [--lanes category|actor]
    [--width 1600 --height 800 --scale 2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline_app.corrections_ui import load_holder
from timeline_app.data import DEFAULT_EVENTS
from timeline_app.export import ExportError, write_png
from timeline_app.state import ViewState, clean_date, normalise
from timeline_app.viewmodel import figure_for, view_name


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline_app", description="Serve the interactive timeline."
    )
    parser.add_argument("--events", default=str(DEFAULT_EVENTS), help="events table (.csv)")
    parser.add_argument(
        "--corrections",
        default=None,
        help="corrections file (default: corrections.csv next to the events)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)",
    )
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument(
        "--debug",
        action="store_true",
        help="Dash debug mode with the development server (never in production)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (gunicorn, Linux/macOS): each loads the data once and runs "
        "callbacks in parallel; for a class, one per core (default 1: waitress)",
    )
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per server process (default 8)"
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="no edit form (corrections are still applied); use with --host",
    )
    args = parser.parse_args(argv)
    if args.workers < 1 or args.threads < 1:
        parser.error("--workers and --threads must be at least 1")
    if args.workers > 1 and args.debug:
        parser.error("--debug runs one development server: leave out --workers")
    if args.workers > 1:
        return _serve_workers(args)
    from timeline_app.app import create_app  # only the server needs Dash

    app = create_app(args.events, corrections_path=args.corrections, read_only=args.read_only)
    url = f"http://{args.host}:{args.port}/"
    if args.debug:
        print(f"Serving {args.events} at {url} (Dash debug server)", file=sys.stderr)
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    import waitress

    try:
        server = waitress.create_server(
            app.server, host=args.host, port=args.port, threads=args.threads
        )
    except OSError as error:
        print(
            f"timeline_app: cannot listen on {args.host}:{args.port} ({error.strerror}); "
            "is the app already running? Try another --port.",
            file=sys.stderr,
        )
        return 2
    print(f"Serving {args.events} at {url} (waitress)", file=sys.stderr)
    server.run()
    return 0


def _serve_workers(args: argparse.Namespace) -> int:
    """Several processes under gunicorn: each builds the app (reads the events file once) and
    serves callbacks with its own interpreter, so a class's filters run in parallel. Saved
    corrections go through the file lock and every process re-applies the file when it
    changes (DataHolder.refresh)."""
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # gunicorn needs fcntl: not on Windows
        print(
            "timeline_app: --workers needs gunicorn (Linux or macOS); on Windows serve with "
            "one process (leave out --workers).",
            file=sys.stderr,
        )
        return 2

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", args.threads)
            self.cfg.set("timeout", 120)  # a PNG export may take a while
            self.cfg.set("loglevel", "warning")

        def load(self) -> object:  # in each worker process: data loaded once per worker
            from timeline_app.app import create_app

            app = create_app(
                args.events, corrections_path=args.corrections, read_only=args.read_only
            )
            return app.server

    print(
        f"Serving {args.events} at http://{args.host}:{args.port}/ "
        f"(gunicorn, {args.workers} workers x {args.threads} threads)",
        file=sys.stderr,
    )
    Server().run()  # exits the process itself if it cannot listen (the error is printed)
    return 0


def _export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline_app export", description="Write a PNG of the timeline (kaleido)."
    )
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--events", default=str(DEFAULT_EVENTS))
    parser.add_argument("--from", dest="date_from", default="", help="YYYY[-MM[-DD]]")
    parser.add_argument("--to", dest="date_to", default="", help="YYYY[-MM[-DD]]")
    parser.add_argument("--category", action="append", default=[])
    parser.add_argument("--actor", action="append", default=[])
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--search", default="")
    parser.add_argument(
        "--corrections",
        default=None,
        help="corrections file (default: corrections.csv next to the events)",
    )
    parser.add_argument("--lanes", choices=["category", "actor"], default="category")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=None)
    parser.add_argument("--scale", type=float, default=2)
    args = parser.parse_args(argv)
    for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
        if value and not clean_date(value):
            parser.error(f"{flag} {value!r} is not a date like 2018, 2018-06 or 2018-06-03")
    data = load_holder(args.events, args.corrections).data
    if data.error:
        print(f"timeline_app: {data.error}", file=sys.stderr)
        return 2
    for problem in data.problems[:10]:
        print(f"timeline_app: {problem}", file=sys.stderr)
    state = normalise(
        ViewState(
            date_from=args.date_from,
            date_to=args.date_to,
            categories=tuple(args.category),
            actors=tuple(args.actor),
            sources=tuple(args.source),
            text=args.search,
            lanes=args.lanes,
        )
    )
    fig = figure_for(data, state, title=view_name(state).replace("_", " "))
    try:
        out = write_png(fig, Path(args.out), width=args.width, height=args.height, scale=args.scale)
    except (ExportError, OSError) as error:
        print(f"timeline_app: {error}", file=sys.stderr)
        return 2
    print(f"wrote {out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "export":
        return _export(argv[1:])
    if argv and argv[0] == "serve":
        argv = argv[1:]
    return _serve(argv)


if __name__ == "__main__":
    sys.exit(main())
