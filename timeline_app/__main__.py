"""Command line: serve the app, or export a view.

python -m timeline_app [--events PATH] [--host H] [--port P] [--workers N] [--debug]
python -m timeline_app export --out chart.png|chart.svg|view.json [--events PATH]
    [--from 2018 --to 2019] [--category C ...] [--actor A ...] [--lanes category|actor]
    [--preset slide|report] [--title TEXT] [--no-eras] [--no-labels]
    [--width W --height H --scale S]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from timeline_app.corrections_ui import load_holder
from timeline_app.data import DEFAULT_EVENTS
from timeline_app.export import IMAGE_FORMATS, PRESETS, ExportError, figure_image, write_file
from timeline_app.state import ViewState, clean_date, normalise
from timeline_app.viewmodel import export_figure, timelinejs_document
from timeline_app.wsgi import MAX_BODY, allowed_hosts


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
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name the app answers besides localhost and the bound address (repeat; "
        "'*' for any); other names get 403 (against DNS rebinding)",
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

    app = create_app(
        args.events,
        corrections_path=args.corrections,
        read_only=args.read_only,
        allowed_hosts=allowed_hosts(args.host, args.allowed_host),
    )
    url = f"http://{args.host}:{args.port}/"
    if args.debug:
        print(f"Serving {args.events} at {url} (Dash debug server)", file=sys.stderr)
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    import waitress

    try:
        server = waitress.create_server(
            app.server,
            host=args.host,
            port=args.port,
            threads=args.threads,
            max_request_body_size=MAX_BODY,
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
                args.events,
                corrections_path=args.corrections,
                read_only=args.read_only,
                allowed_hosts=allowed_hosts(args.host, args.allowed_host),
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
        prog="python -m timeline_app export",
        description=(
            "Write the view as a picture (PNG or SVG, rendered by kaleido with the same layout "
            "as the app's export) or as a TimelineJS file (.json): the format follows --out."
        ),
    )
    parser.add_argument("--out", required=True, help="file to write: .png, .svg or .json")
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
    parser.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        default="slide",
        help="; ".join(f"{name}: {preset.label}" for name, preset in PRESETS.items()),
    )
    parser.add_argument("--title", default="", help="default: what the view shows, in words")
    parser.add_argument("--no-eras", action="store_true", help="no bands of presidents/leaders")
    parser.add_argument("--no-labels", action="store_true", help="no labels on the chart")
    parser.add_argument("--width", type=int, default=None, help="override the preset's width")
    parser.add_argument("--height", type=int, default=None, help="override the preset's height")
    parser.add_argument("--scale", type=float, default=None, help="override the preset's scale")
    args = parser.parse_args(argv)
    for flag, value in (("--from", args.date_from), ("--to", args.date_to)):
        if value and not clean_date(value):
            parser.error(f"{flag} {value!r} is not a date like 2018, 2018-06 or 2018-06-03")
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in (*IMAGE_FORMATS, "json"):
        parser.error(f"--out {args.out!r}: the file name must end in .png, .svg or .json")
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
            eras=not args.no_eras,
            labels=not args.no_labels,
        )
    )
    try:
        if fmt == "json":
            text = json.dumps(timelinejs_document(data, state), ensure_ascii=False, indent=1)
            write_file(out, text.encode("utf-8"))
        else:
            spec = PRESETS[args.preset]
            spec = replace(
                spec,
                width=args.width or spec.width,
                height=args.height or spec.height,
                scale=args.scale or spec.scale,
            )
            fig = export_figure(data, state, spec, args.title)
            write_file(out, figure_image(fig, fmt, spec.scale if fmt == "png" else 1))
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
