"""Interactive timeline of dated inter-Korean events (Dash).

    python -m timeline_app [--events events.csv] [--host 127.0.0.1] [--port 8050] [--debug]
    python -m timeline_app export --out chart.png [--from 2018 --to 2019 --category ...]

Modules: `data` (load once, precompute), `filters`, `figure` (build_figure, pure), `state`
(URL query <-> view state), `viewmodel` (the state machine and the figure of a view, no Dash),
`views` (detail panel, table page, caption), `export` (CSV safety, PNG), `corrections_ui` (the
edit form's logic over extract.table.corrections), `ids` and `layout` (the page), `callbacks`
(thin), `app` (create_app).
"""
