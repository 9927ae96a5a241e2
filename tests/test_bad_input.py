"""Every kind of bad input stops `mkdocs build --strict` with one readable
message that says where the problem is and what was expected."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import build, mkdocs


def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {path}"
        target.write_text(text.replace(old, new, count), encoding="utf-8")
    return apply


def delete(path: str) -> Callable[[Path], None]:
    return lambda project: (project / path).unlink()


@dataclass
class Case:
    id: str
    breaks: Callable[[Path], None]
    message: list[str]  # fragments that must all appear in the output, in order


DATA = "data/figures.yml"
CASES = [
    Case("unknown figure id in a page",
         edit("docs/regularisation.md", 'figure("people-regularised", with_unit=True)',
              'figure("people-regularized", with_unit=True)'),
         ["docs/regularisation.md, line 20", "unknown figure id 'people-regularized'",
          "Did you mean 'people-regularised'?"]),
    Case("undefined variable in a page",
         edit("docs/index.md", "{{ published() }}", "{{ publised() }}"),
         ["docs/index.md, line 7", "'publised' is not a macro or variable of this site",
          "Did you mean 'published'?"]),
    Case("missing data file", delete(DATA),
         ["data/figures.yml", "the data file does not exist"]),
    Case("malformed YAML", edit(DATA, "    value: 23000\n", "    value: [23000\n"),
         ["data/figures.yml, line 225", "malformed YAML", "while parsing a flow sequence that starts on line 224"]),
    Case("duplicate key", edit(DATA, "    qualifier: more-than\n",
                               "    qualifier: more-than\n    qualifier: as-stated\n"),
         ["data/figures.yml, line 230", "figures › people-regularised › qualifier",
          "duplicate key 'qualifier' (first defined on line 229)"]),
    Case("missing required field",
         edit(DATA, '    unit:\n      en: people\n      fr: "personnes"\n      ar: "شخص"\n    qualifier: more-than\n',
              "    qualifier: more-than\n"),
         ["data/figures.yml, line 219", "figures › people-regularised",
          "missing required field 'unit'"]),
    Case("misspelt field", edit(DATA, "    value: 22000\n", "    valeu: 22000\n"),
         ["data/figures.yml, line 238", "unknown field 'valeu'", "Did you mean 'value'?"]),
    Case("value of the wrong type", edit(DATA, "    value: 23000\n", '    value: "23,000"\n'),
         ["data/figures.yml, line 224", "figures › people-regularised › value",
          "got the text '23,000'", "expected a whole number"]),
    Case("qualifier not in the allowed list", edit(DATA, "qualifier: more-than", "qualifier: more_than"),
         ["data/figures.yml, line 229", "'more_than' is not an allowed value", "Did you mean 'more-than'?"]),
    Case("unknown period id", edit(DATA, "    period: each-year\n", "    period: every-year\n"),
         ["data/figures.yml, line 216", "unknown period id 'every-year'", "Did you mean 'each-year'?"]),
    Case("quote does not contain its figure", edit(DATA, "    value: 23000\n", "    value: 24000\n"),
         ["data/figures.yml, line 224", "the quote 'legal-stay' does not contain the figure's value 24000"]),
    Case("quote drops the figure's qualifier",
         edit(DATA, "legal stay rights to more than 23,000 people", "legal stay rights to 23,000 people"),
         ["data/figures.yml, line 229", "the quote does not contain the qualifier 'more than'"]),
    Case("claim excerpt not in its quote",
         edit(DATA, 'excerpt: "mostly back to sub-Saharan Africa"', 'excerpt: "mostly to sub-Saharan Africa"'),
         ["data/figures.yml", "claims › returns-destination › excerpt",
          "the quote does not contain the excerpt 'mostly to sub-Saharan Africa'"]),
    Case("page missing in one edition", delete("docs/returns.ar.md"),
         ["Missing translation: docs/returns.ar.md does not exist"]),
    Case("translation that changes a number",
         edit(DATA, "à plus de 23 000 personnes", "à plus de 32 000 personnes"),
         ["data/figures.yml, line", "quotes › legal-stay › translation › fr",
          "the fr translation holds the numbers [32000], the original [23000]"]),
    Case("label missing in one language",
         edit(DATA, '      ar: "حالات العودة الطوعية"\n', ""),
         ["data/figures.yml, line", "figures › voluntary-returns › label", "missing required field 'ar'"]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_input_stops_the_build_with_a_readable_message(case, project_copy, tmp_path):
    case.breaks(project_copy)
    result = build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build went through:\n{output}"
    position = 0
    for fragment in case.message:
        found = output.find(fragment, position)
        assert found != -1, f"{fragment!r} missing from the build output:\n{output}"
        position = found
    assert "Traceback" not in output, f"the message should not need a traceback:\n{output}"
    assert not (tmp_path / "site" / "regularisation" / "index.html").exists() or \
        "Macro Rendering Error" not in (tmp_path / "site" / "regularisation" / "index.html").read_text()


def test_serve_stops_with_the_same_message(project_copy):
    edit(DATA, "    value: 23000\n", '    value: "23,000"\n')(project_copy)
    result = mkdocs(project_copy, "serve", "--dev-addr", "127.0.0.1:0", timeout=60)
    assert result.returncode != 0
    assert re.search(r"data/figures\.yml, line 224, .*expected a whole number", result.stderr)
