"""Files to clean article records: decoding, cleaning, parsing, loading."""
