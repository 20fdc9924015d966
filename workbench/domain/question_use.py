"""What in a playbook reads each intake question: a question nobody reads is a question the client answers
for nothing (the intake is long enough already).

The playbook's own readers are found here: conditions (`when:` anywhere, a field's `required:`), a task's
size drivers (`scale`), a role's `availability_from`, and the RFP pack's client profile, which prints every
`vendor_visible` answer. Readers in code and templates (the readiness and staffing advice, the plan's
target date, the Must capacity check) are found by the test that uses this, by the question id in them.
"""

from __future__ import annotations

from workbench.domain.checks import all_conditions
from workbench.domain.conditions import iter_tests
from workbench.domain.playbook import Playbook


def playbook_readers(pb: Playbook) -> dict[str, str]:
    """question id -> the first kind of playbook content that reads it."""
    readers: dict[str, str] = {}
    for condition in all_conditions(pb):
        for test in iter_tests(condition):
            readers.setdefault(test.question, "condition")
    for _phase, task in pb.tasks():
        for term in task.scale:
            readers.setdefault(term.driver, "scale")
    for role in pb.roles:
        if role.availability_from:
            readers.setdefault(role.availability_from, "availability")
    for question in pb.questions:
        if question.vendor_visible:
            readers.setdefault(question.id, "rfp client profile")
    return readers
