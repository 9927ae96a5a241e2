"""What the site does at MkDocs' events (adapter/hooks.py lists them)."""
