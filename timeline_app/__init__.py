"""Interactive timeline of dated inter-Korean events (Dash).

    python -m timeline_app [--events events.csv] [--host 127.0.0.1] [--port 8050] [--debug]
    python -m timeline_app export --out chart.png|chart.svg|view.json [--preset slide|report]

Modules: `data` (load once, precompute), `filters`, `story` (importance, key events, label
text), `placement` (pixel geometry: text widths, stacking, label placement), `figure`
(build_figure, pure), `state` (URL query <-> view state), `viewmodel` (what a view shows, the
state machine, the figure of a view and of an export, no Dash), `describe` (a view in words:
export title, subtitle, footer), `timelinejs` (a view as a TimelineJS file), `views` (detail
panel, table page, caption), `export` (CSV safety, links, presets, kaleido), `corrections_ui`
(the edit form's logic over extract.table.corrections), `ids` and `layout` (the page),
`callbacks` (thin), `app` (create_app).
"""
