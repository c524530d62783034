"""What a result set holds, not only which articles: facet counts, a timeline, who appears
with whom, and date ranges for the filter language. Plain Python over the store's records;
both faces (CLI and TUI) use it, and it never imports Textual."""
