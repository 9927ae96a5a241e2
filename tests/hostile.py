"""A copy of the project with a payload in every text field of the data
file that the build lets through: the payloads of script injection, and
Markdown and template syntax that must stay text. Each field's payload
carries a code naming the field (letters only: a payload must not change
the numbers a sentence holds). The quotes stay verbatim in the source's
text, so our copy of it gets the same payloads. Built once per run
(conftest.hostile_site), read by test_escaping.py and test_hostile_data.py.
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import yaml

from figures import Dataset, load_dataset

from browsing import build_under_sub_path
from helpers import copy_project

HOSTILE_SUB_PATH = "/hostile/"
# Each field's code is spliced into its payload, so an alert names the field.
PAYLOAD = (
    "<img src=x onerror=alert('{code}')>"
    "\"><svg onload=alert('{code}')>"
    "<!--<script>alert('{code}')</script>"
    " **bold** _under_ `code` [link](https://example.org) {{{{ raw }}}} {{% raw %}} | pipe"
)
INJECTED = "img[src='x'], svg[onload], [onerror], [onload]"


def _codes():
    for size in (1, 2):
        for letters in product(string.ascii_lowercase, repeat=size):
            yield "field" + "".join(letters)


def make_hostile(raw: dict, article: str) -> tuple[dict, str, dict[str, str]]:
    """The data and the source's text with a payload in every text field the
    build accepts; returns (data, article, {code: field})."""
    codes, fields = _codes(), {}

    def payload(field: str) -> str:
        code = next(codes)
        fields[code] = field
        return PAYLOAD.format(code=code) + " "

    originals = {qid: q["text"] for qid, q in raw["quotes"].items()}
    for qid, quote in raw["quotes"].items():
        quote["text"] = payload(f"quotes › {qid} › text") + quote["text"]
        for language in quote["translation"]:
            quote["translation"][language] = (
                payload(f"quotes › {qid} › translation › {language}") + quote["translation"][language]
            )
    for pid, period in raw["periods"].items():
        new = payload(f"periods › {pid} › wording") + period["wording"]
        for figure in raw["figures"].values():
            if figure["period"] == pid:
                quote = raw["quotes"][figure["quote"]]
                if new not in quote["text"]:
                    quote["text"] = quote["text"].replace(period["wording"], new, 1)
        period["wording"] = new
        for language in period["wording_translation"]:
            period["wording_translation"][language] = (
                payload(f"periods › {pid} › wording_translation › {language}") + period["wording_translation"][language]
            )
    for cid, claim in raw["claims"].items():
        quote = raw["quotes"][claim["quote"]]
        new = payload(f"claims › {cid} › excerpt") + claim["excerpt"]
        quote["text"] = quote["text"].replace(claim["excerpt"], new, 1)
        claim["excerpt"] = new
        for language, words in claim["excerpt_translation"].items():
            new = payload(f"claims › {cid} › excerpt_translation › {language}") + words
            quote["translation"][language] = quote["translation"][language].replace(words, new, 1)
            claim["excerpt_translation"][language] = new
    for kind in ("figures", "claims", "themes", "speakers"):
        for record_id, record in raw[kind].items():
            for name in ("label", "unit", "title", "role"):
                if isinstance(record.get(name), dict):
                    for language in record[name]:
                        record[name][language] = (
                            payload(f"{kind} › {record_id} › {name} › {language}") + record[name][language]
                        )
            if kind == "speakers":
                record["name"] = payload(f"speakers › {record_id} › name") + record["name"]
    source = raw["source"]
    new_title = payload("source › title") + source["title"]
    article = article.replace(source["title"], new_title, 1)
    source["title"] = new_title
    for language in source["kind"]:
        source["kind"][language] = payload(f"source › kind › {language}") + source["kind"][language]
    for name in ("author", "publisher"):
        source[name] = payload(f"source › {name}").strip()
    for index, change in enumerate(raw["changes"]):
        for language in change["reason"]:
            change["reason"][language] = (
                payload(f"changes › {index} › reason › {language}") + change["reason"][language]
            )
    for kind, licence in raw["release"]["licences"].items():
        for name in ("name", "title"):
            licence[name] = payload(f"release › licences › {kind} › {name}") + licence[name]
    for qid, text in originals.items():
        article = article.replace(text, raw["quotes"][qid]["text"], 1)
    return raw, article, fields


@dataclass
class HostileSite:
    base: str  # its address on the run's server, e.g. http://127.0.0.1:4321/hostile/
    folder: Path  # the built site
    dataset: Dataset
    fields: dict[str, str]  # payload code -> the field it was put in


def hostile_project(destination: Path, cache: Path | None = None) -> tuple[Path, dict[str, str]]:
    """A copy of the project with the payloads in its data; returns it and
    the fields by code."""
    project = copy_project(destination, cache)
    data_file = project / "data" / "figures.yml"
    raw = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    source_file = data_file.parent / raw["source"]["text_file"]
    raw, article, fields = make_hostile(raw, source_file.read_text(encoding="utf-8"))
    raw["source"]["text_sha256"] = hashlib.sha256(article.encode("utf-8")).hexdigest()
    data_file.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    source_file.write_text(article, encoding="utf-8")
    return project, fields


def build_hostile(project: Path, site_dir: Path, origin: str) -> None:
    data_file = project / "data" / "figures.yml"
    load_dataset(data_file, data_file.with_name("figures.schema.json"))  # the payloads pass the checks
    build_under_sub_path(site_dir, origin, project=project, sub_path=HOSTILE_SUB_PATH)
