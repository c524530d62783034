"""The Textual face: renders the store and routes keys; owns no data of its own."""
