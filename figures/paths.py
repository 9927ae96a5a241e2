"""Where the project keeps its data, relative to its folder: the one
definition every reader of these files uses (the build, the edition
command, the tests)."""

from pathlib import Path

DATA_DIR = Path("data")
DATA_FILE = DATA_DIR / "figures.yml"  # the figures, quotes, claims and the log of changes
SCHEMA_FILE = DATA_DIR / "figures.schema.json"  # what DATA_FILE may hold
WORDS_FILE = DATA_DIR / "site_words.yml"  # each edition's own words
PUBLIC_URLS = DATA_DIR / "public_urls.txt"  # the addresses that must keep resolving
