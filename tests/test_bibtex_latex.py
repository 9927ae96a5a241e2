"""The BibTeX entries readers copy compile where most of them will paste
them: pdflatex with classic BibTeX and plain.bst.

pdflatex's inputenc stops on a character it has no definition for, such as
the narrow no-break space of French typography (U+202F), and plain.bst
ignores `url`: each figure's address must be in a field it prints. The
character check runs everywhere; the real compile runs where pdflatex and
bibtex are installed (texlive-latex-base and -recommended, about 200 MB: too
heavy for every CI run, so it is skipped, with its reason, without them).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from helpers import SITE_URL, addresses, languages, missing_in_ci_fails, reference_file

# What utf8 inputenc with T1 fonts reads beyond Latin-1: the quotation marks,
# apostrophe and dashes the site's English and French write.
_LATEX_READS = set("‘’“”–—…")


def _bib_entries(site, language: str) -> list[str]:
    """Every BibTeX block of an edition's table of all figures, each once, the
    article's (the crossref target) last, as a .bib file must have it."""
    soup = BeautifulSoup(
        (site / reference_file(addresses().editions[language])).read_text(encoding="utf-8"), "html.parser"
    )
    entries: list[str] = []
    for code in soup.find_all("code"):
        block = code.get_text()
        if block.lstrip().startswith("@misc") and block not in entries:
            entries.append(block)
    return sorted(entries, key=lambda entry: entry.startswith("@misc{dismantling2017,"))


# Arabic needs XeLaTeX or LuaLaTeX whatever we write; English and French must pass pdflatex.
_PDFLATEX_EDITIONS = [language for language in languages() if language in ("en", "fr")]


@pytest.mark.parametrize("language", _PDFLATEX_EDITIONS)
def test_bibtex_has_only_characters_pdflatex_reads(site, language):
    entries = _bib_entries(site, language)
    assert len(entries) >= 2
    unreadable = {
        f"U+{ord(char):04X}" for entry in entries for char in entry if ord(char) > 0xFF and char not in _LATEX_READS
    }
    assert not unreadable, f"{language}: pdflatex stops on {sorted(unreadable)}"
    # A no-break space is Latin-1 but LaTeX's is "~": the escaping writes it so.
    assert not any("\u00a0" in entry for entry in entries), f"{language}: a raw U+00A0 in the BibTeX"


@pytest.mark.parametrize("language", _PDFLATEX_EDITIONS)
def test_each_figure_entry_prints_its_address_in_classic_styles(site, language):
    for entry in _bib_entries(site, language)[:-1]:
        howpublished = re.search(r"^  howpublished = \{(.*)\},$", entry, re.M).group(1)
        key = re.match(r"@misc\{[^:]+:([^:,]+)", entry).group(1)
        assert f"{SITE_URL}".replace("#", r"\#") in howpublished and f"\\#{key}" in howpublished, entry


@pytest.mark.parametrize("language", _PDFLATEX_EDITIONS)
def test_bibtex_compiles_with_pdflatex_and_plain_bst(site, language, tmp_path):
    if not (shutil.which("pdflatex") and shutil.which("bibtex")):
        missing_in_ci_fails("pdflatex and bibtex are not installed (texlive-latex-base, texlive-latex-recommended)")
    entries = _bib_entries(site, language)
    (tmp_path / "figures.bib").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n"
        "\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{figures}\n\\end{document}\n",
        encoding="utf-8",
    )
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc"]
    for command in (latex, ["bibtex", "doc"], latex, latex):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=120)
        assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-3000:]}"
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem") == len(entries)
    assert "Warning" not in (tmp_path / "doc.blg").read_text(encoding="utf-8")
