"""reader: a terminal reader for news about Viet Nam's public security."""

__version__ = "0.1.0"
