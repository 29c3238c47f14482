"""The said/1 extractor: a quote per speech and the reportedBy of the outlet spoken to.

Why apart from kg.extract.speech: speech finds who spoke (and quotes and
reporting build on it); this module only runs them, so none of the three
needs to import the module that imports it.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.quotes import add_quote, extract_marked_quotes
from kg.extract.reporting import extract_report_rows
from kg.extract.speech import NAME, speeches

__all__ = ["NAME", "extract_speech"]


def extract_speech(ctx: Context) -> None:
    """said (quotes of the speech rows, kg.extract.quotes) and reportedBy speaker -> outlet spoken to."""
    if ctx.document.lang == "en":  # German articles run these as reporting/1 and quote/1
        extract_report_rows(ctx)
        extract_marked_quotes(ctx)
    for sent in ctx.sentences:
        for sp in speeches(ctx, sent.index):
            add_quote(ctx, sp.speaker, sp.match, sp.verb, sp.outlet)
            if sp.outlet is not None:
                ctx.results.relate(sp.speaker, "reportedBy", sp.outlet, sent.index, sp.outlet_match.row.name,
                           sp.outlet_match.row.confidence)
