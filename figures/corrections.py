"""The corrections page's components (the data's version, how to tell us
of a mistake, the log of changes) and the footer line every page carries:
the licences, and the data's version and date."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

from .changes import Change
from .errors import FigureDataError
from .html import Renderer, component
from .templating import inline, render

LICENCE_ANCHOR = "licence"  # the section of the licence page that gives them in full
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")


class CorrectionsRenderer(Renderer):
    @component
    def data_version(self) -> Markup:
        """ "This is version 1.0.0 of the data, of <date>."."""
        return self.fill(self.words["data_version"], version=self._version(), date=self._version_date())

    @component
    def issue_tracker(self) -> Markup:
        """Where to tell us of a mistake: the issue tracker the build was
        given (ISSUES_URL), or a sentence saying the build has none."""
        if not self.issues_url:
            return self.isolated(self.words["issues_missing"])
        if not _WEB_ADDRESS.match(self.issues_url):
            raise FigureDataError(
                f"the issue tracker's address '{self.issues_url}' is not a web address",
                expected="an http or https address in ISSUES_URL, such as "
                "https://github.com/<owner>/<repository>/issues, or none",
            )
        link = render("issues_link.html", href=self.issues_url)
        return self.fill(self.words["issues_link"], address=link)

    @component
    def changes_log(self) -> Markup:
        """Every change to the data, newest first, each under its own anchor."""
        return render("changes_log.html", entries=[self._entry(change) for change in self.data.changes])

    def _entry(self, change: Change) -> dict:
        w = self.words
        values = []
        for figure_id, value in change.values.items():
            figure = self.data.figures.get(figure_id)
            label = self._record_label(figure_id, change)
            new, old = self._value(figure, value.new), self._value(figure, value.old) if value.old is not None else None
            values.append(
                self.fill(w["change_value"], label=label, old=old, new=new)
                if old is not None
                else self.fill(w["change_added"], label=label, new=new)
            )
        others = [i for i in change.ids if i not in change.values and i not in change.removed]
        return {
            "change": change,
            "heading": self.fill(
                w["change_heading"],
                version=inline().release(f"change:{change.version}", change.version),
                date=self.date(change.date, f"change:{change.version}:date"),
                kind=self.isolated(w["kinds"][change.kind]),
            ),
            "value_lines": values,
            "touches": self.fill(w["change_touches"], ids=self._id_list(others, change)) if others else None,
            "removed": (
                self.fill(w["change_removed"], ids=self._id_list(change.removed, change)) if change.removed else None
            ),
            "reason": self.isolated(change.reason(self.language)),
        }

    def _value(self, figure, value: int) -> Markup:
        shown = self.fmt.qualified(value, figure.qualifier, figure.currency) if figure else self.fmt.number(value)
        return self.isolated(shown)

    def _record_label(self, record_id: str, change: Change) -> Markup:
        """A figure or claim by the label the entry recorded (its words when
        it was published, not today's), a figure linked to its row; anything
        else by its id."""
        if record_id in change.labels:
            label = self.isolated(change.labels[record_id](self.language))
            if record_id in self.data.figures:
                return Markup('<a href="{}">{}</a>').format(self.figure_href(record_id), label)
            return label
        return Markup("<code>{}</code>").format(record_id)

    def _id_list(self, ids, change: Change) -> Markup:
        return Markup(self.isolated(self.words["separator"])).join(self._record_label(i, change) for i in ids)

    @component
    def licences(self) -> Markup:
        """The licences, named in full, with their official addresses as
        text: a link would leave the site."""
        release = self.data.release
        content, code = release.content_licence, release.code_licence
        return render(
            "licences.html",
            terms=self.fill(
                self.words["licence_terms"],
                content_title=self.isolated(content.title),
                content=inline().release("release:licence:content", content.name),
                content_url=inline().address(content.url),
                code_title=self.isolated(code.title),
                code=inline().release("release:licence:code", code.name),
                code_url=inline().address(code.url),
            ),
        )

    # -- the footer --------------------------------------------------------------

    def footer(self) -> Markup:
        """The licences, and the data's version and date, for every page's
        footer. Its links are root-relative: one footer serves every page
        of the edition, at any depth."""
        release, w = self.data.release, self.words
        root = urlsplit(self.addresses.base).path or "/"

        # The licence's terms are on the page about reuse: a link to its
        # official address would leave the site from every page.
        terms = root + self.addresses.page(self.addresses.licence_page, self.language) + "#" + LICENCE_ANCHOR

        def licence(kind: str, record) -> Markup:
            return inline().licence(f"release:licence:{kind}", terms, record.title, record.name)

        corrections = Markup('<a href="{}">{}</a>').format(
            root + self.addresses.page(self.addresses.corrections_page, self.language),
            self.isolated(w["corrections_link"]),
        )
        return render(
            "footer.html",
            licence=self.fill(
                w["footer_licence"],
                content=licence("content", release.content_licence),
                code=licence("code", release.code_licence),
            ),
            version=self.fill(
                w["footer_version"], version=self._version(), date=self._version_date(), corrections=corrections
            ),
        )

    def _version(self) -> Markup:
        return inline().release("release:version", self.data.release.version)

    def _version_date(self) -> Markup:
        return self.date(self.data.release.date, "release:date")
