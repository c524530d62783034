"""Feeds and web pages fetched into a local archive; plain Python, no interface code.

Kept empty so that importing the archive reader (`reader.feeds.archive`, which the loader
needs at every start) does not import the network and feed libraries as well.
"""
