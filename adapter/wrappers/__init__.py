"""One module per package whose behaviour the site relies on past its documented API."""
