"""Extract dated events about inter-Korean relations from news texts into an events table.

The packages follow the data flow, one way (extract/pipeline.py runs one document through it):

    documents/    corpus -> documents: locating files and URLs, front matter, metadata.csv
    sentences.py  documents -> sentences (with offsets, aware of news abbreviations)
    dating/       sentences -> temporal mentions: calendar, tense, vocabulary, resolvers, the
                  rule table (rules.py), mentions of one sentence, the narrative of a document
    events/       mentions -> one document's events: what is no event, candidate rows,
                  one row per event
    enrich/       events -> headlines, categories, actors
    tabulate.py   events -> the table: schema rows, ids shared across documents
    table/        the contract both sides share (no NLP, no Dash): schema, vocabulary, ids,
                  corrections, atomic writes, reading hand-edited text files; the app
                  (timeline_app) imports nothing else from extract
    run/          running it over a corpus: tasks, local processes or Dask, the cache, the
                  extractor version
    cli.py        `python -m extract CORPUS... -o events.csv`
"""
