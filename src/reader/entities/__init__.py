"""Places and people: folding, the gazetteer, and recognition in article text."""
