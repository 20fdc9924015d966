"""The intake questionnaire as a form: the questions by group on the left (ticked when answered, dimmed
when the answers so far rule them out), one question at a time on the right, progress, and what the
answers changed since the questionnaire opened.

Every answer is saved as it is given (Session.save_answers merges the answers this screen changed into
engagement.yaml and re-opens the engagement, so the task list follows); saving runs in a worker because
re-resolving takes a moment. Answers changed meanwhile by the CLI or a hand edit are kept and shown; one
this screen changed too is not overwritten: the screen shows the file's value and says so.
Which questions apply and how typed text parses come from domain.intake, as in `crmwb intake`.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from workbench.app.session import Session
from workbench.domain.answer_diff import diff_answers
from workbench.domain.intake import is_answered, ordered_answers, question_applies, questions_applying
from workbench.domain.locale import localize_digits
from workbench.domain.text import LANGUAGES, tr
from workbench.i18n import N_, _, current_language
from workbench.store.merge import MISSING
from workbench.tui import messages as m
from workbench.tui.bidi import paint, visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.answer_diff_view import AnswerDiffView, nothing_changed, one_line
from workbench.tui.widgets.question_form import QuestionForm

_MISSING = object()


@dataclass
class Navigation:
    """What the question list and the progress bar show for one set of answers."""

    items: list[Option]
    answered: int
    total: int
    """the questions that apply (at least 1, for the progress bar)"""
    label: str


def group_name(group: str, lang: str) -> str:
    """A question group's heading in `lang`, as `crmwb intake` titles it (another playbook's: its id)."""
    from workbench.domain.intake import group_title

    return group_title(group, lang)


class IntakeScreen(WorkbenchScreen):
    SECTION = "intake"
    HELP = N_("Answer the intake questionnaire; every answer is saved at once and the task list follows it.")
    AUTO_FOCUS = "QuestionForm #answer"
    """keyboard first: answer at once; Shift+Tab for the list. Textual focuses it as the screen is composed
    (focused on mount, the question list took the focus first and gave it up at once)"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+n", "next", N_("Next open"), id="intake.next", tooltip=N_("The next question still open")
        ),
        Binding(
            "ctrl+b", "previous", N_("Back"), id="intake.previous", tooltip=N_("The question before this one")
        ),
        Binding(
            "ctrl+s",
            "commit",
            N_("Save answer"),
            id="intake.save",
            tooltip=N_("Save what the input shows (accepts the default) and go on"),
        ),
        Binding(
            "ctrl+l",
            "language",
            N_("Language"),
            id="intake.language",
            tooltip=N_("Questions in English, Persian or Russian"),
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.pb = session.opened.playbook
        self.answers: dict[str, Any] = dict(session.opened.engagement.answers)
        self.baseline = dict(self.answers)
        self._on_disk = dict(self.answers)
        """the answers engagement.yaml held when we last saved or looked: what changed elsewhere is
        what differs from this"""
        self.lang = current_language()
        """the questions' language: the interface language, Ctrl+L shows them in another one"""
        self._save_lock = threading.Lock()
        self._moving = asyncio.Lock()
        """held while a question is being replaced: keys that arrive meanwhile wait for the new form"""
        self._sequence = 0
        self._saved = 0
        self._written = dict(self.answers)
        """the answers as this screen last saved them: what its next save's changes are counted from"""
        first = self._next_open(0)
        self.current = first if first is not None else 0

    def compose_body(self) -> ComposeResult:
        """The screen whole, first question and progress included, so it is styled and laid out once (it
        used to be composed empty, then filled and given its first form on mount)."""
        nav = self._nav()
        with Horizontal(id="intake-body"):
            with Vertical(id="question-nav"):
                yield Label(visual(_("Questions")), classes="pane-title")
                yield OptionList(*nav.items, id="questions")
            with VerticalScroll(id="question-pane"):
                yield self._form(self.current)
                yield AnswerDiffView(nothing_changed(), id="answer-diff")
        with Horizontal(id="intake-status", classes="status-bar"):
            yield Label(nav.label, id="progress-label")
            progress = ProgressBar(show_eta=False, show_percentage=False, id="progress")
            progress.update(total=nav.total, progress=nav.answered)
            yield progress

    def on_mount(self) -> None:
        self._highlight_current()

    def _highlight_current(self) -> None:
        options = self.query_one("#questions", OptionList)
        options.highlighted = options.get_option_index(self.pb.questions[self.current].id)

    # ---- what applies
    def _applies(self, index: int) -> bool:
        return question_applies(self.pb, self.pb.questions[index], self.answers)

    def _next_open(self, start: int) -> int | None:
        applying = questions_applying(self.pb, self.answers)
        for index in range(start, len(self.pb.questions)):
            if not is_answered(self.answers, self.pb.questions[index].id) and applying[index]:
                return index
        return None

    def _nav(self) -> Navigation:
        """The question list (group headings, ticks, what no longer applies) and the progress it gives."""
        items: list[Option] = []
        group = None
        answered = applying = 0
        applying_now = questions_applying(self.pb, self.answers)
        for index, q in enumerate(self.pb.questions):
            if q.group != group:
                group = q.group
                items.append(
                    Option(
                        paint(Content.styled(group_name(group, self.lang), "bold $secondary")),
                        id=f"group:{group}:{index}",
                        disabled=True,
                    )
                )
            applies, done = applying_now[index], is_answered(self.answers, q.id)
            applying += applies
            answered += applies and done
            mark = "✓" if done else "·"
            label = visual(f"{mark} {localize_digits(f'{index + 1:>2}', self.lang)} {tr(q.text, self.lang)}")
            style = "" if applies else "$text-disabled"
            items.append(Option(Content.styled(label, style) if style else Content(label), id=q.id))
        label = visual(
            localize_digits(
                _("{answered}/{total} answered").format(answered=answered, total=applying),
                current_language(),
            )
        )
        return Navigation(items, answered, max(applying, 1), label)

    def _refresh_nav(self) -> None:
        """Rebuild the question list: an answer can open or close later questions."""
        nav = self._nav()
        options = self.query_one("#questions", OptionList)
        options.clear_options()
        options.add_options(nav.items)
        self._highlight_current()
        self.query_one("#progress", ProgressBar).update(total=nav.total, progress=nav.answered)
        self.query_one("#progress-label", Label).update(nav.label)

    async def _show(self, index: int) -> None:
        """Put question `index` in the form (keeping a valid value typed into the one leaving)."""
        async with self._moving:
            await self._replace_form(index)

    async def _replace_form(self, index: int) -> None:
        self.take_typed()
        self.current = index
        await self.query_one(QuestionForm).remove()
        await self.query_one("#question-pane").mount(self._form(index), before="#answer-diff")
        self._highlight_current()

    def _form(self, index: int) -> QuestionForm:
        q = self.pb.questions[index]
        position = localize_digits(f"{index + 1}/{len(self.pb.questions)}", self.lang)
        return QuestionForm(q, self.answers.get(q.id), self.lang, position, applies=self._applies(index))

    def take_typed(self) -> None:
        """Save a valid value typed into the form but not committed (leaving the question or the app)."""
        for old in self.query(QuestionForm):
            typed = old.typed_answer()
            if typed is not None:  # saved here: the leaving form cannot deliver a message any more
                self._save_answer(old.question.id, typed[0])

    async def before_leaving(self) -> None:
        """The app is switching section or quitting: what is typed is an answer too."""
        self.take_typed()

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        if self.is_mounted:
            self.refresh_data()  # the answers may have changed elsewhere while another section showed

    def refresh_data(self) -> None:
        """The answers changed elsewhere (CLI, a hand edit): take the ones that changed since we last
        knew the file, keeping answers given here that are not saved yet (a failed save); not while a
        save of ours is on its way (the watcher looks again)."""
        if any(w.group == "save" and not w.is_finished for w in self.workers):
            return
        on_disk = dict(self.session.opened.engagement.answers)
        known = self._on_disk
        changed = {k for k in set(on_disk) | set(known) if on_disk.get(k, _MISSING) != known.get(k, _MISSING)}
        self._on_disk = on_disk
        if not changed:
            return
        for key in changed:  # taken from the file: not this screen's edits, so its next save's base too
            if key in on_disk:
                self.answers[key] = self._written[key] = on_disk[key]
            else:
                self.answers.pop(key, None)
                self._written.pop(key, None)
        self.answers = ordered_answers(self.pb, self.answers)
        current = self.pb.questions[self.current].id
        self._refresh_nav()
        if current in changed and self._keeps_typed_text(current):
            return
        if current in changed:
            self.run_worker(
                self._show(self.current), group="intake-show", exclusive=True, description="show question"
            )

    def _keeps_typed_text(self, question_id: str) -> bool:
        """The question on screen changed elsewhere while text is typed into it: keep the form and its
        text (re-showing it would lose the text or save it over the other writer's answer unasked)."""
        forms = [f for f in self.query(QuestionForm) if f.question.id == question_id]
        if not forms or not forms[0].has_typed_text():
            return False
        forms[0].changed_elsewhere(self.answers.get(question_id))
        question = self.pb.questions[self.current]
        self.notify(
            _("{question}: changed by another writer; your typed text is kept, not saved yet.").format(
                question=tr(question.text, self.lang)
            ),
            severity="warning",
            timeout=8,
        )
        return True

    # ---- navigation
    @on(OptionList.OptionSelected, "#questions")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = self._index(event.option.id)
        if index is not None:
            await self._show(index)
            self.query_one(QuestionForm).focus_input()

    def _index(self, question_id: str | None) -> int | None:
        return next((i for i, q in enumerate(self.pb.questions) if q.id == question_id), None)

    async def action_next(self) -> None:
        async with self._moving:
            await self._next()

    async def _next(self) -> None:
        found = self._next_open(self.current + 1)
        if found is None:
            found = self._next_open(0)
        if found is None:
            self.notify(_("Every question that applies is answered."))
            return
        await self._replace_form(found)
        self.query_one(QuestionForm).focus_input()

    async def action_previous(self) -> None:
        earlier = [i for i in range(self.current) if self._applies(i)]
        if earlier:
            await self._show(earlier[-1])
            self.query_one(QuestionForm).focus_input()

    async def action_commit(self) -> None:
        """Ctrl+S: save what the form shows and go on. The whole step holds `_moving`, so a second Ctrl+S
        waits for the next question instead of landing on the form being removed."""
        async with self._moving:
            form = self.query_one(QuestionForm)
            shown = form.shown_answer()
            if shown is None:
                return
            self._save_answer(form.question.id, shown[0])
            form.saved(shown[0])
            await self._next()

    async def action_language(self) -> None:
        self.lang = LANGUAGES[(LANGUAGES.index(self.lang) + 1) % len(LANGUAGES)]
        self._refresh_nav()
        await self._show(self.current)
        from workbench.tui.language import language_name

        self.notify(_("Questions in {language}.").format(language=language_name(self.lang)), timeout=2)

    # ---- saving
    @on(m.AnswerCommitted)
    async def _committed(self, message: m.AnswerCommitted) -> None:
        self._save_answer(message.question_id, message.value)
        if message.advance:
            async with self._moving:
                if self.pb.questions[self.current].id == message.question_id:
                    await self._next()  # not when the form that sent it has been replaced meanwhile

    def _save_answer(self, question_id: str, value: Any) -> None:
        """Take the answer into the working set and save the whole set in a worker."""
        if self.answers.get(question_id) == value:
            return
        previous = dict(self.answers)
        self.answers[question_id] = value
        self.answers = ordered_answers(self.pb, self.answers)
        self._sequence += 1
        self._save(dict(self.answers), previous, self._sequence)
        self._refresh_nav()

    @work(thread=True, group="save", description="save", exit_on_error=False)
    def _save(self, answers: dict[str, Any], previous: dict[str, Any], sequence: int) -> None:
        """Saves run one at a time; a save older than one already written is dropped, so the file
        always ends with the newest answers."""
        from workbench.app.session import change_answers
        from workbench.store.engagement_save import EditConflict

        with self._save_lock:
            if sequence < self._saved:
                return
            try:
                with self.wb.store_queue.lock:  # nobody uses the store while the save re-opens it
                    changed = change_answers(
                        self.session.opened, self.session.author, answers, base=self._written
                    )
                    # adopted on the UI thread, queued before anything the watcher sees of this save; a
                    # task list left behind by a busy store is synced by the app's store queue (retried)
                    if changed.result.sync_busy:
                        synced = False
                    elif changed.result.sync_error is None:
                        synced = True
                    else:
                        synced = self.session.synced
                    self.app.post_message(m.EngagementReloaded(changed.opened, synced=synced, notice=False))
                result = changed.result
            except EditConflict as exc:
                self._take_theirs({c.field[1]: c.theirs for c in exc.conflicts if c.field[0] == "answers"})
                self.app.call_from_thread(
                    self.show_error,
                    _("The answer was not saved"),
                    str(exc)
                    + "\n"
                    + _("The screen now shows the value in the file; answer again to replace it."),
                )
                return
            except Exception as exc:  # noqa: BLE001 — shown in the UI; the answers stay on screen
                self._save_failed_in_worker(exc, answers)
                return
            self._saved = sequence
            self._written = dict(answers)
            written = result.engagement.answers
            self._take_theirs(
                {
                    f[len("answers.") :]: written.get(f[len("answers.") :], MISSING)
                    for f in result.taken
                    if f.startswith("answers.")
                }
            )
        if result.sync_busy:
            from workbench.tui.save_outcome import pending_message

            self.app.call_from_thread(
                self.notify,
                pending_message(result.sync_error or ""),
                title=_("Answers saved; task list pending"),
                severity="warning",
                timeout=10,
            )
        elif result.sync_error:
            self.app.call_from_thread(
                self.notify, result.sync_note(), title=_("Task list"), severity="warning"
            )
        if result.taken:
            self.app.call_from_thread(self.notify, result.merged_note(), title=_("Merged"), timeout=5)
        self.post_message(
            m.AnswersSaved(
                answers,
                diff_answers(self.pb, self.baseline, answers, self.lang),
                diff_answers(self.pb, previous, answers, self.lang),
            )
        )

    def _take_theirs(self, values: dict[str, Any]) -> None:
        """Answers the file holds that differ from this screen's: counted as written, shown on screen."""
        if not values:
            return
        for qid, value in values.items():
            if value is MISSING:
                self._written.pop(qid, None)
            else:
                self._written[qid] = value
        self.app.call_from_thread(self._show_theirs, values)

    def _show_theirs(self, values: dict[str, Any]) -> None:
        for qid, value in values.items():
            if value is MISSING:
                self.answers.pop(qid, None)
            else:
                self.answers[qid] = value
        self.answers = ordered_answers(self.pb, self.answers)
        self._refresh_nav()

    def _save_failed_in_worker(self, error: Exception, answers: dict[str, Any]) -> None:
        """Say what was saved (engagement.yaml read back) and give the app a usable store again."""
        from workbench.tui.save_outcome import answers_on_disk, failure_message, reopen_for_reading

        written = answers_on_disk(self.session) == answers
        try:
            opened = reopen_for_reading(self.session)
        except Exception:  # noqa: BLE001 — the message below still says what was saved
            opened = None
        if opened is not None:
            self.post_message(m.EngagementReloaded(opened, synced=False, notice=False))
        self.post_message(m.AnswersSaveFailed(failure_message(error, written), written))

    @on(m.AnswersSaved)
    def _saved_answers(self, message: m.AnswersSaved) -> None:
        self._on_disk = dict(message.answers)
        self.query_one(AnswerDiffView).show(message.total)
        self.notify(_("Saved: {changes}.").format(changes=one_line(message.last)), timeout=3)

    @on(m.AnswersSaveFailed)
    def _save_failed(self, message: m.AnswersSaveFailed) -> None:
        if message.written:
            self.notify(
                message.message, title=_("Answers saved; task list pending"), severity="warning", timeout=10
            )
        else:
            self.show_error(_("The answers were not saved"), message.message)
