"""The site's own words that surround data in rendered components, per language."""

MESSAGES = {
    "en": {
        "article_voice": "the article itself (no speaker named)",
        "not_stated": "not stated in the source",
        "period": "Period",
        "stated_by": "Stated by",
        "source": "Source",
        "theme": "Theme",
        "unit": "Unit",
        "figure": "Figure",
        "value": "Value",
        "span": "{start} – {end}",
        "until": "up to {end}",
        "yearly": "per year, no year named",
        "source_wording": "the source says “{wording}”",
        "inferred_start": "start inferred from the article’s date",
        "inferred_end": "end inferred from the article’s date",
        "inferred_both": "both dates inferred from the article’s date",
        "quote_source": "{title}, {date}, paragraph {number}",
        "citation": "{title}, {kind}, {date} (author, publisher and address {not_stated})",
        "tooltip": "“{quote}” ({who}). {source}",
        "figure_link": "See this figure in the reference table",
    },
}
