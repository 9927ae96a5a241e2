"""Perform each recipe of CONTRIBUTING.md in a scratch copy and run the whole
suite there: the proof that following a recipe leaves `make test` green.

    .venv/bin/python scripts/try_recipes.py [move|move-reference|page|edition|remove-edition|add|correct|heading ...]

Each recipe gets a fresh clone of the committed HEAD in a temporary folder,
makes exactly the edits its section of CONTRIBUTING.md lists, one function
per step, and nothing else; then the script prints the files the recipe
touched, as `git status` sees them, and the suite's result on the clone.
A step a recipe gains later (a log entry, when the data file has one) is one
more function in its list.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from adapter.new_edition import read_config  # noqa: E402
from adapter.wrappers.i18n import settings_in_mkdocs_yml  # noqa: E402
from figures.source_text import split_sentences  # noqa: E402
from figures.untranslated import MARK  # noqa: E402
from figures.yamlfile import read_yaml  # noqa: E402

Step = Callable[[Path], None]


# -- small editing tools -------------------------------------------------------


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"try_recipes: {old!r} is not in {path}; the recipe needs updating")
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def substitute(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, flags=re.M)
    if not count:
        raise SystemExit(f"try_recipes: nothing matches {pattern!r} in {path}; the recipe needs updating")
    path.write_text(changed, encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], check=True, capture_output=True, text=True).stdout


def editions(clone: Path) -> dict[str, str]:
    """language -> page suffix ("" for the default, ".fr" for French), from mkdocs.yml."""
    languages = settings_in_mkdocs_yml(read_config(clone / "mkdocs.yml"))["languages"]
    return {entry["locale"]: "" if entry.get("default") else f".{entry['locale']}" for entry in languages}


def block(path: Path, key: tuple) -> tuple[int, int]:
    """(first, end) line indexes of `key` and everything nested under it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = read_yaml(path).lines[key] - 1
    indent = len(lines[first]) - len(lines[first].lstrip())
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return first, end


# -- moving a page -------------------------------------------------------------


def moving(old_page: str, new_page: str) -> list[Step]:
    """The steps of “Moving a page”, for `old_page` -> `new_page`."""

    def rename_in_every_edition(clone: Path) -> None:
        for suffix in editions(clone).values():
            old, new = (f"docs/{page.removesuffix('.md')}{suffix}.md" for page in (old_page, new_page))
            git(clone, "mv", old, new)

    def relink(clone: Path) -> None:
        for page in (clone / "docs").glob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(rf"\]\({re.escape(old_page)}([#)])", rf"]({new_page}\1", text), encoding="utf-8")

    def nav_and_moved_pages(clone: Path) -> None:
        config = clone / "mkdocs.yml"
        substitute(config, rf"^(\s*- [^:\n]+: ){re.escape(old_page)}$", rf"\g<1>{new_page}")
        substitute(config, r"^(\s*)moved_pages: \{\}$", rf"\1moved_pages:\n\1  {old_page}: {new_page}")

    def theme_page(clone: Path) -> None:
        # Only the themes shown on that page: the reference page is none's.
        data = clone / "data/figures.yml"
        if re.search(rf"^\s*page: {re.escape(old_page)}$", data.read_text(encoding="utf-8"), re.M):
            substitute(data, rf"^(\s*page: ){re.escape(old_page)}$", rf"\g<1>{new_page}")

    def new_public_addresses(clone: Path) -> None:
        # Every listed address under the old page's, in every edition, again under the new one.
        old, new = (page.removesuffix(".md") + "/" for page in (old_page, new_page))
        folders = ["" if not suffix else suffix[1:] + "/" for suffix in editions(clone).values()]
        listed = (clone / "data/public_urls.txt").read_text(encoding="utf-8").splitlines()
        copies = [
            f"/{folder}{new}{line[len(folder) + len(old) + 1 :]}"
            for line in listed
            for folder in folders
            if line.startswith(f"/{folder}{old}")
        ]
        append(
            clone / "data/public_urls.txt",
            f"\n# {old_page} moved to {new_page}: its addresses again at the new one\n"
            + "".join(f"{line}\n" for line in copies),
        )

    return [rename_in_every_edition, relink, nav_and_moved_pages, theme_page, new_public_addresses]


# -- adding a page ---------------------------------------------------------------

ADDED_PAGE, ADDED_TITLE = "reading.md", "Reading a figure"
# Our own words, in every edition: no fact, number or name the article does
# not give; each section heading with the same id in every edition.
ADDED_TEXTS = {
    "en": (
        ADDED_TITLE,
        "How to read a figure of this site, with its qualifier, its period and who states it.",
        "Each figure keeps the words that qualify it in the article, the period it covers and who states it.",
        "What a qualifier says",
        "qualifiers",
        "A qualifier such as “more than” or “as much as” is part of the figure: quote it with the number.",
    ),
    "fr": (
        "Lire un chiffre",
        "Comment lire un chiffre de ce site, avec son qualificatif, sa période et son auteur.",
        "Chaque chiffre garde les mots qui le qualifient dans l’article, la période qu’il couvre et qui le déclare.",
        "Ce que dit un qualificatif",
        "qualifiers",
        "Un qualificatif comme «\u202fplus de\u202f» ou «\u202fjusqu’à\u202f» fait partie du chiffre, "
        "citez-le avec le nombre.",
    ),
    "ar": (
        "قراءة رقم",
        "كيف تقرأ رقما في هذا الموقع مع وصفه وفترته ومن صرّح به.",
        "يحتفظ كل رقم بالكلمات التي تصفه في المقال وبالفترة التي يغطيها وبمن صرّح به.",
        "ما يقوله الوصف",
        "qualifiers",
        "الوصف مثل «أكثر من» أو «ما يصل إلى» جزء من الرقم، فاذكره مع العدد.",
    ),
}


def added_page_in_every_edition(clone: Path) -> None:
    for language, suffix in editions(clone).items():
        title, description, lead, heading, anchor, body = ADDED_TEXTS[language]
        (clone / f"docs/{ADDED_PAGE.removesuffix('.md')}{suffix}.md").write_text(
            f"---\ndescription: {description}\n---\n\n# {title}\n\n{lead}\n\n## {heading} {{ #{anchor} }}\n\n{body}\n",
            encoding="utf-8",
        )


def added_page_in_the_nav(clone: Path) -> None:
    config = clone / "mkdocs.yml"
    substitute(config, r"^(\s*- All figures: .*)$", rf"\1\n  - {ADDED_TITLE}: {ADDED_PAGE}")
    for language in list(editions(clone))[1:]:
        # Its title in the edition's nav_translations, after the entry the nav puts before it.
        lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
        entry = next(i for i, line in enumerate(lines) if re.match(rf"\s*- locale: {language}\s*$", line))
        before = next(i for i in range(entry, len(lines)) if re.match(r"\s+All figures:", lines[i]))
        indent = lines[before][: len(lines[before]) - len(lines[before].lstrip())]
        lines.insert(before + 1, f"{indent}{ADDED_TITLE}: {ADDED_TEXTS[language][0]}\n")
        config.write_text("".join(lines), encoding="utf-8")


def added_page_public_addresses(clone: Path) -> None:
    folders = ["" if not suffix else suffix[1:] + "/" for suffix in editions(clone).values()]
    address = ADDED_PAGE.removesuffix(".md") + "/"
    append(
        clone / "data/public_urls.txt",
        f"\n# {ADDED_PAGE}, in every edition\n" + "".join(f"/{folder}{address}\n" for folder in folders),
    )


# -- removing an edition -----------------------------------------------------------


def _removed_edition(clone: Path) -> str:
    """The edition the trial removes: the last one mkdocs.yml declares."""
    return list(editions(clone))[-1]


_removing: list[str] = []


def edition_out_of_mkdocs_yml(clone: Path) -> None:
    language = _removed_edition(clone)
    _removing.append(language)
    config = clone / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if re.match(rf"\s*- locale: {language}\s*$", line))
    indent = len(lines[first]) - len(lines[first].lstrip())
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    del lines[first:end]
    config.write_text("".join(lines), encoding="utf-8")


def edition_pages_deleted(clone: Path) -> None:
    for page in sorted((clone / "docs").glob(f"*.{_removing[-1]}.md")):
        git(clone, "rm", "--quiet", page.relative_to(clone).as_posix())


def edition_texts_deleted(clone: Path) -> None:
    """Every text of the edition, in both data files: each key named after
    it, with what it holds, from the bottom up (the lines above stay put)."""
    language = _removing[-1]
    for name in ("data/figures.yml", "data/site_words.yml"):
        path = clone / name
        found = read_yaml(path).lines
        keys = sorted((key for key in found if key and key[-1] == language), key=found.get, reverse=True)
        for key in keys:
            first, end = block(path, key)
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            del lines[first:end]
            path.write_text("".join(lines).rstrip("\n") + "\n", encoding="utf-8")
        # A key that held only the edition's text goes too (speakers › … › name_written).
        document = read_yaml(path)
        emptied = sorted(
            (
                k
                for k in document.lines
                if k and k[-1] != language and _at(document.data, k) is None and k + (language,) in found
            ),
            key=document.lines.get,
            reverse=True,
        )
        for key in emptied:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            del lines[document.lines[key] - 1]
            path.write_text("".join(lines), encoding="utf-8")


def _at(data, key: tuple):
    for part in key:
        data = data[part]
    return data


def edition_addresses_deleted(clone: Path) -> None:
    listed = clone / "data/public_urls.txt"
    kept = [
        line
        for line in listed.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith(f"/{_removing[-1]}/")
    ]
    listed.write_text("".join(kept), encoding="utf-8")


def logged_edition_removal(clone: Path) -> None:
    _log_entry(clone, "removal", {}, 0, drop_language=_removing[-1], extra=f"    removed_editions: [{_removing[-1]}]\n")


# -- adding an edition -----------------------------------------------------------

NEW_EDITION, NEW_LOCALE = "es", "es_ES"
# Written by hand, as a Spanish reader must see each figure (CLDR es_ES:
# a dot between groups, "millones"; the "$" as the article writes it, placed
# as the copied currency setting places it, until the edition's editor decides). Only the
# qualifier words are translated in this trial; every other text keeps its
# English copy.
SPANISH = {  # as a reader of the es edition must see them (es_ES, the units left in English by the trial)
    "article_date": '"16\\u00a0de\\u00a0noviembre\\u00a0de\\u00a02017"',
    "period_start": '"1\\u00a0de\\u00a0enero\\u00a0de\\u00a02017"',
    "networks-dismantled": ("80", "80\\u00a0criminal networks"),
    "migration-attempts-prevented": ("50.000", "50.000\\u00a0attempts"),
    "cells-busted": ("3.000", "3.000\\u00a0cells"),
    "extremist-trafficking-earnings": ("hasta $175\\u00a0millones", "hasta $175\\u00a0millones"),
    "people-regularised": ("más de 23.000", "más de 23.000\\u00a0people"),
    "voluntary-returns": ("22.000", "22.000\\u00a0people"),
}
_refused: list[str] = []  # what the build said about the started edition, for the report


def start_with_the_command(clone: Path) -> None:
    started = subprocess.run(
        [sys.executable, "-m", "adapter.new_edition", NEW_EDITION, "--locale", NEW_LOCALE],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    )
    print(started.stdout.rstrip())
    refused = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(clone.parent / "refused-site")],
        cwd=clone,
        capture_output=True,
        text=True,
        env={**_environment(), "SITE_URL": "http://127.0.0.1:8000/"},
    )
    output = refused.stdout + refused.stderr
    _refused.append(
        output[output.find("Figure data error") :].split("\nAborted")[0].rstrip()
        if refused.returncode
        else "(the build went through)"
    )


def translate(clone: Path) -> None:
    words = clone / "data/site_words.yml"
    replace(words, f"more-than: '{MARK} more than {{}}'", "more-than: más de {}")
    replace(words, f"as-much-as: '{MARK} as much as {{}}'", "as-much-as: hasta {}")
    for path in [clone / "mkdocs.yml", *(clone / "data").glob("*.yml"), *(clone / "docs").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"\n{MARK}\n", "\n").replace(f"{MARK} ", ""), encoding="utf-8")


def golden_entries(clone: Path) -> None:
    golden = clone / "tests/golden.yml"
    lines = golden.read_text(encoding="utf-8").splitlines()
    at = lines.index("article_date:") + 1
    while lines[at].startswith("  "):
        at += 1
    lines.insert(at, f"  {NEW_EDITION}: {SPANISH['article_date']}")
    at = lines.index("period_start:") + 1
    while lines[at].startswith("  "):
        at += 1
    lines.insert(at, f"  {NEW_EDITION}: {SPANISH['period_start']}")
    for figure_id, (shown, with_unit) in ((k, v) for k, v in SPANISH.items() if not k.endswith(("_date", "_start"))):
        start = lines.index(f"  {figure_id}:")
        for field, text in (("shown", shown), ("with_unit", with_unit)):
            row = next(i for i in range(start, len(lines)) if lines[i].startswith(f"    {field}:"))
            if lines[row].rstrip().endswith("}"):  # {en: "…", fr: "…"}
                lines[row] = lines[row].rstrip()[:-1] + f', {NEW_EDITION}: "{text}"}}'
            else:  # one line per edition below
                end = row + 1
                while end < len(lines) and lines[end].startswith("      "):
                    end += 1
                lines.insert(end, f'      {NEW_EDITION}: "{text}"')
    golden.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ocr_language(clone: Path) -> None:
    replace(clone / "tests/test_sharing.py", '"ar": "ara"}', f'"ar": "ara", "{NEW_EDITION}": "spa"}}')
    substitute(clone / "Makefile", r"^(TOOLS_APT :=.*tesseract-ocr-ara)", r"\1 tesseract-ocr-spa")


# -- adding a figure ---------------------------------------------------------------

ADDED = "voluntary-returns"  # taken out first (the base), then added by the recipe
_saved: dict[str, str] = {}


def _log_entry(
    clone: Path,
    kind: str,
    values: dict[str, dict[str, int]],
    part: int,
    drop_language: str | None = None,
    extra: str = "",
) -> None:
    """An entry on top of the data file's log of changes, in every edition's
    words (but `drop_language`'s, an edition being removed), with the data's
    version raised (`part`: 0 for a removed public address, 1 for an
    addition, 2 for a correction) and dated; as CONTRIBUTING.md's recipe
    writes it by hand."""
    import json

    data = clone / "data/figures.yml"
    document = read_yaml(data)
    version = [int(n) for n in document.data["release"]["version"].split(".")]
    version = version[:part] + [version[part] + 1] + [0] * (2 - part)
    version_text, date = ".".join(map(str, version)), datetime.date.today().isoformat()  # the day's date
    reasons = {
        language: f"Recipe trial ({kind}, {language})."
        for language in document.data["changes"][0]["reason"]
        if language != drop_language
    }
    written = "".join(f"\n      {fid}: {json.dumps(v).replace(chr(34), '')}" for fid, v in values.items())
    labels = "".join(
        f"\n      {fid}:"
        + "".join(
            f"\n        {lang}: {json.dumps(text, ensure_ascii=False)}"
            for lang, text in document.data["figures"][fid]["label"].items()
        )
        for fid in values
    )
    entry = (
        f'  - version: "{version_text}"\n    date: "{date}"\n    kind: {kind}\n'
        + (f"    values:{written}\n    labels:{labels}\n" if values else "")
        + extra
        + "    reason:"
        + "".join(f"\n      {lang}: {json.dumps(r, ensure_ascii=False)}" for lang, r in reasons.items())
        + "\n"
    )
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(document.lines[("changes", 0)] - 1, entry)
    data.write_text("".join(lines), encoding="utf-8")
    substitute(data, r'^(  version: )"[^"]*"$', rf'\g<1>"{version_text}"')
    substitute(data, r'^(  date: )"[^"]*"$', rf'\g<1>"{date}"')


def _publication_value_line(path: Path, figure_id: str) -> int:
    return read_yaml(path).lines[("changes", len(read_yaml(path).data["changes"]) - 1, "values", figure_id)] - 1


def _without_its_publication(path: Path, figure_id: str) -> None:
    """The figure's value and recorded label out of the first publication's entry."""
    document = read_yaml(path)
    oldest = len(document.data["changes"]) - 1
    label = document.lines[("changes", oldest, "labels", figure_id)] - 1
    languages = len(document.data["changes"][oldest]["labels"][figure_id])
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[label : label + 1 + languages]
    del lines[_publication_value_line(path, figure_id)]
    path.write_text("".join(lines), encoding="utf-8")


def without_the_figure(clone: Path) -> None:
    """The base: the site as it was before the figure, committed in the clone
    (its value out of the first publication's entry too)."""
    for name in [
        "data/figures.yml",
        "tests/golden.yml",
        "data/public_urls.txt",
        *(f"docs/{page.name}" for page in (clone / "docs").glob("returns*.md")),
    ]:
        _saved[name] = (clone / name).read_text(encoding="utf-8")
    for path, key in (
        (clone / "data/figures.yml", ("figures", ADDED)),
        (clone / "tests/golden.yml", ("figures", ADDED)),
    ):
        first, end = block(path, key)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:first] + lines[end:]), encoding="utf-8")
    _without_its_publication(clone / "data/figures.yml", ADDED)
    urls = clone / "data/public_urls.txt"
    urls.write_text(
        "".join(
            line
            for line in urls.read_text(encoding="utf-8").splitlines(keepends=True)
            if f"#{ADDED}" not in line and f"/{ADDED}.svg" not in line
        ),
        encoding="utf-8",
    )
    for page in (clone / "docs").glob("returns*.md"):
        paragraphs = page.read_text(encoding="utf-8").split("\n\n")
        page.write_text("\n\n".join(p for p in paragraphs if f'"{ADDED}"' not in p), encoding="utf-8")
    git(clone, "commit", "-qam", f"base: the site before the figure {ADDED}")
    # What this clone's main published: the site before the figure, and
    # nothing before it (figures/history.py compares with main's history,
    # in which the figure was published: the base rewrites it).
    base = subprocess.run(
        ["git", "-C", str(clone), "commit-tree", "HEAD^{tree}", "-m", "base"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    git(clone, "update-ref", "refs/heads/main", base)


def _restore(clone: Path, name: str) -> None:
    (clone / name).write_text(_saved[name], encoding="utf-8")


def figure_entry(clone: Path) -> None:
    """Its entry under figures: (its quote being there already)."""
    _restore(clone, "data/figures.yml")
    _without_its_publication(clone / "data/figures.yml", ADDED)  # published later than the rest: the log says so next


def logged_addition(clone: Path) -> None:
    value = read_yaml(clone / "data/figures.yml").data["figures"][ADDED]["value"]
    _log_entry(clone, "addition", {ADDED: {"new": value}}, part=1)


def card_and_sentence_on_its_theme_page(clone: Path) -> None:
    for name in _saved:
        if name.startswith("docs/"):
            _restore(clone, name)


def figure_public_addresses(clone: Path) -> None:
    _restore(clone, "data/public_urls.txt")


def figure_golden_entry(clone: Path) -> None:
    _restore(clone, "tests/golden.yml")


# -- correcting a figure ------------------------------------------------------------

CORRECTED, OLD_VALUE, NEW_VALUE = "voluntary-returns", 22000, 22500


def _regroup(text: str, old: int, new: int) -> str:
    """`old` written as `new` with the same grouping: 22,000 -> 22,500, 22 000 -> 22 500."""

    def swap(match: re.Match) -> str:
        separator = next((c for c in match.group() if not c.isdigit()), "")
        return f"{new:,}".replace(",", separator) if separator else str(new)

    return re.sub(rf"{old // 1000}[,.\u202f\u00a0 ]{old % 1000:03d}(?!\d)", swap, text)


def value_and_quote(clone: Path) -> None:
    data = clone / "data/figures.yml"
    document = read_yaml(data)
    quote = document.data["figures"][CORRECTED]["quote"]
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    value_line = document.lines[("figures", CORRECTED, "value")] - 1
    lines[value_line] = lines[value_line].replace(str(OLD_VALUE), str(NEW_VALUE))
    for key in [
        ("quotes", quote, "text"),
        *(("quotes", quote, "translation", language) for language in document.data["quotes"][quote]["translation"]),
    ]:
        number = document.lines[key] - 1
        lines[number] = _regroup(lines[number], OLD_VALUE, NEW_VALUE)
    data.write_text("".join(lines), encoding="utf-8")


def logged_correction(clone: Path) -> None:
    _log_entry(clone, "correction", {CORRECTED: {"old": OLD_VALUE, "new": NEW_VALUE}}, part=2)


def our_copy_of_the_article(clone: Path) -> None:
    """This trial supposes a transcription error of ours: the article printed
    22,500 and our copy said 22,000. (It did not: the change lives in the
    scratch copy only.)"""
    article = clone / "data/source/000_7378d6c677f2862e.txt"
    sentence = next(s for s in split_sentences(article.read_text(encoding="utf-8"), "en") if f"{OLD_VALUE:,}" in s)
    replace(article, sentence, _regroup(sentence, OLD_VALUE, NEW_VALUE))
    # The recipe's step 2: the corrected copy pinned by its new SHA-256.
    substitute(
        clone / "data/figures.yml",
        r"^(  text_sha256: )[0-9a-f]{64}$",
        rf"\g<1>{hashlib.sha256(article.read_bytes()).hexdigest()}",
    )
    replace(
        clone / "data/source/README.md",
        "None so far.\n",
        f"- {time.strftime('%Y-%m-%d')}, paragraph 3: “{_regroup(sentence, OLD_VALUE, NEW_VALUE)}” "
        f"Our copy said {OLD_VALUE:,}. (A trial of scripts/try_recipes.py, in a scratch copy.)\n",
    )


def corrected_golden_entry(clone: Path) -> None:
    golden = clone / "tests/golden.yml"
    first, end = block(golden, ("figures", CORRECTED))
    lines = golden.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = "".join(lines[first:end]).replace(f"value: {OLD_VALUE}", f"value: {NEW_VALUE}")
    entry = _regroup(entry.replace("\\u202f", "\u202f"), OLD_VALUE, NEW_VALUE).replace("\u202f", "\\u202f")
    golden.write_text("".join(lines[:first]) + entry + "".join(lines[end:]), encoding="utf-8")


# -- rewording a heading -----------------------------------------------------------


def reworded_with_its_old_anchor(clone: Path) -> None:
    replace(
        clone / "docs/returns.md",
        "## How many returned, and where to\n",
        "## How many people returned, and where to { #how-many-returned-and-where-to }\n",
    )


RECIPES: dict[str, tuple[str, list[Step], list[Step]]] = {
    # name: (title, steps of the base, steps of the recipe)
    "move": ("Moving a page (returns.md -> voluntary-returns.md)", [], moving("returns.md", "voluntary-returns.md")),
    "move-reference": (
        "Moving the reference page (figures.md -> all-figures.md), its cards kept at /figures/<id>.svg",
        [],
        moving("figures.md", "all-figures.md"),
    ),
    "page": (
        f"Adding a page ({ADDED_PAGE}, in every edition)",
        [],
        [added_page_in_every_edition, added_page_in_the_nav, added_page_public_addresses],
    ),
    "edition": (
        "Adding an edition (es, with python -m adapter.new_edition)",
        [],
        [start_with_the_command, translate, golden_entries, ocr_language],
    ),
    "remove-edition": (
        "Removing an edition (the last one declared)",
        [],
        [
            edition_out_of_mkdocs_yml,
            edition_pages_deleted,
            edition_texts_deleted,
            edition_addresses_deleted,
            logged_edition_removal,
        ],
    ),
    "add": (
        f"Adding a figure ({ADDED}, taken out of the base first)",
        [without_the_figure],
        [
            figure_entry,
            logged_addition,
            card_and_sentence_on_its_theme_page,
            figure_public_addresses,
            figure_golden_entry,
        ],
    ),
    "correct": (
        f"Correcting a figure ({CORRECTED}: {OLD_VALUE:,} -> {NEW_VALUE:,}, a transcription error of ours)",
        [],
        [value_and_quote, logged_correction, our_copy_of_the_article, corrected_golden_entry],
    ),
    "heading": ("Rewording a heading (its old anchor kept)", [], [reworded_with_its_old_anchor]),
}


def _environment() -> dict[str, str]:
    import os

    proxies = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    return {k: v for k, v in os.environ.items() if k.lower() not in proxies} | {"NO_MKDOCS_2_WARNING": "1"}


def try_recipe(name: str, workspace: Path, run_suite: bool = True) -> bool:
    title, base, steps = RECIPES[name]
    clone = workspace / name
    subprocess.run(["git", "clone", "--quiet", str(REPOSITORY), str(clone)], check=True)
    for step in base:
        step(clone)
    print(f"\n== {title}", flush=True)
    for step in steps:
        step(clone)
    git(clone, "add", "-A")
    touched = git(clone, "status", "--porcelain").splitlines()
    print(f"files touched ({len(touched)}):")
    print("".join(f"  {line}\n" for line in touched), end="")
    if name == "edition" and _refused:
        print("mkdocs build --strict, before the translation:\n  " + _refused[0].replace("\n", "\n  "))
    if not run_suite:
        return True
    started = time.monotonic()
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider"],
        cwd=clone,
        capture_output=True,
        text=True,
        env=_environment(),
    )
    (workspace / f"{name}.log").write_text(suite.stdout + suite.stderr, encoding="utf-8")
    summary = (suite.stdout.strip().splitlines() or suite.stderr.strip().splitlines() or ["(no output)"])[-1]
    print(
        f"suite: {'green' if suite.returncode == 0 else 'RED'}, {summary.strip('= ')} "
        f"({time.monotonic() - started:.0f} s; log: {workspace / f'{name}.log'})"
    )
    for line in suite.stdout.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            print("  " + line)
    return suite.returncode == 0


def main(names: list[str]) -> int:
    run_suite = "--no-suite" not in names  # only the edits and the files they touch
    names = [name for name in names if name != "--no-suite"]
    unknown = [name for name in names if name not in RECIPES]
    if unknown:
        print(f"try_recipes: unknown recipe {unknown[0]!r}; expected some of: {', '.join(RECIPES)}", file=sys.stderr)
        return 2
    workspace = Path(tempfile.mkdtemp(prefix="try-recipes-"))
    print(f"Each recipe on a fresh clone of {git(REPOSITORY, 'rev-parse', '--short', 'HEAD').strip()}, in {workspace}")
    results = {name: try_recipe(name, workspace, run_suite) for name in names or RECIPES}
    print("\n" + ", ".join(f"{name}: {'green' if ok else 'RED'}" for name, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
