"""Readiness advice texts: what each sign and situation means, and the first steps.

English here, marked for the catalogue; Persian and Russian in `workbench/locale/<lang>/LC_MESSAGES/
crmwb.po`. A text that embeds a count is `Counted`, so each language gets its plural forms.
"""

from __future__ import annotations

from workbench.domain.counted_text import Counted
from workbench.i18n import N_, ngettext

READINESS_TEXTS: dict[str, str] = {
    # ------------------------------------------------------------------ the seven signs
    "sign_leads_lost": N_(
        "Enquiries get lost between your channels, and each lost one is a sale that never started. A CRM "
        "puts every enquiry into one queue with an owner and a deadline."
    ),
    "sign_no_sales_oversight": N_(
        "Managers cannot see what salespeople do with their leads, and customers leave together with the "
        "people who leave. In a CRM every contact and deal belongs to the company and is visible to the "
        "sales manager."
    ),
    "sign_slow_reports": N_(
        "Hours go into assembling reports by hand, and nobody fully trusts the figures. In a CRM the regular "
        "reports come from one set of data and update themselves."
    ),
    "sign_unknown_conversion": N_(
        "Money goes into channels and campaigns without knowing which of them bring paying customers. A CRM "
        "records where every lead came from and follows it through to the sale."
    ),
    "sign_scattered_data": N_(
        "Nobody sees the whole customer: the facts are spread over spreadsheets, mailboxes, phones and "
        "notes. A CRM keeps one customer card with the full history from the first contact."
    ),
    "sign_slow_sales_unhappy": N_(
        "Customers wait and repeat themselves because the steps of a sale and what was agreed are not "
        "written down. A CRM makes the sales process explicit, with tasks, deadlines and history."
    ),
    "sign_losing_old_customers": N_(
        "Valuable long-standing customers drift away without anyone noticing. A CRM flags customers who "
        "have stopped buying and reminds staff of dates that matter to them, such as birthdays and renewals."
    ),
    # ------------------------------------------------------------------ the six situations
    "need_messy_base": N_(
        "The customer base is cluttered with duplicates and dead numbers. Keeping it clean — regular "
        "clean-ups and rules for entering data — is continuous work that needs an owner."
    ),
    "need_marketing_activation": N_(
        "You want to step up marketing from the customer base. Someone has to segment the base, plan the "
        "campaign budget and measure what each campaign brought, or the budget is spent blind."
    ),
    "need_no_sales_plan": N_(
        "There is no written sales plan. Someone has to set targets per team or salesperson in the CRM and "
        "report plan against actual."
    ),
    "need_crm_not_developed": N_(
        "Your CRM has not grown with the business. It needs an owner who collects change requests, adds "
        "integrations and keeps the system in step with how the company works."
    ),
    "need_negative_reviews": N_(
        "Negative reviews and complaints are piling up. Someone has to run satisfaction surveys, see that "
        "every complaint gets an answer and take recurring causes to the units that must fix them."
    ),
    "need_large_business": N_(
        "The business is large and branched, and the owners expect regular analytical reports. At this "
        "scale, running the CRM, keeping the data clean and producing reports is a job of its own."
    ),
    # ------------------------------------------------------------------ first steps: people and money
    "step_sponsor": N_(
        "Name a sponsor: a senior manager who backs the project, takes the decision on the software and "
        "formally announces who does the CRM work."
    ),
    "step_name_specialist": N_(
        "Choose the in-house CRM specialist who will work alongside the consultant and later run the "
        "system; the staffing advice says what kind of person and where the role sits."
    ),
    "step_free_specialist": N_(
        "Free the specialist's time: they now give {share}% of it to the CRM and the method needs at least "
        "half. Hand part of their current work to colleagues and have a senior manager announce the new "
        "share formally."
    ),
    "step_budget": N_(
        "Get the budget approved — software, the consultant and the specialist's time — before talking "
        "to vendors{when}."
    ),
    # ------------------------------------------------------------------ first steps for the signs
    "step_sign_scattered_data": N_(
        "List every place customer data lives — spreadsheets, mailboxes, phones, paper — with an owner and "
        "a rough record count for each, agree the key fields of the customer card, and clean the data "
        "before anything is migrated{when}."
    ),
    "step_sign_scattered_data_dup": N_(
        "List every place customer data lives — spreadsheets, mailboxes, phones, paper — with an owner and "
        "a rough record count for each, agree the key fields of the customer card, and merge the duplicates "
        "you already know of{when} so they are not carried into the new system."
    ),
    "step_sign_leads_lost": N_(
        "Bring every channel into one shared inbox now — phone, e-mail, website, social media — with a named "
        "person on duty and a response deadline, and count the enquiries per channel for two weeks as a "
        "baseline."
    ),
    "step_sign_no_sales_oversight": N_(
        "Make customer data company property: move contacts and open deals out of personal phones and "
        "mailboxes into one shared list, and review every salesperson's open deals once a week."
    ),
    "step_sign_unknown_conversion": N_(
        "From today, record the source of every new lead, chosen from a fixed list of channels and "
        "campaigns, so the CRM starts with figures to compare against."
    ),
    "step_sign_slow_sales_unhappy": N_(
        "Map the current sales process step by step with the time each step takes, and mark where "
        "customers wait or have to repeat themselves; this map is where process design starts."
    ),
    "step_sign_slow_reports": N_(
        "List the reports management actually reads, with one agreed definition for every figure in them; "
        "this list becomes the initial report design in the requirements."
    ),
    "step_sign_losing_old_customers": N_(
        "List your most valuable customers of the last two years with the date of their last purchase, "
        "and agree when a customer counts as at risk; this list is your first retention campaign."
    ),
    # ------------------------------------------------------------------ first steps: the CRM manager
    "step_manager_position": N_(
        "Create the CRM manager position{when}: have HR write the job description, and decide between an "
        "inside and an outside hire."
    ),
    "step_duty_need_messy_base": N_(
        "Write database upkeep into the specialist's duties: a monthly clean-up of duplicates and dead "
        "numbers, and the data-entry rules every unit follows."
    ),
    "step_duty_need_marketing_activation": N_(
        "Write campaign support into the specialist's duties: a segment of the base for each campaign and "
        "a report of what each campaign brought."
    ),
    "step_duty_need_no_sales_plan": N_(
        "Write the sales plan into the specialist's duties: targets per team or salesperson entered in the "
        "CRM and a monthly plan-against-actual report."
    ),
    "step_duty_need_crm_not_developed": N_(
        "Write system development into the specialist's duties: one list of change requests, reviewed with "
        "the unit heads every quarter."
    ),
    "step_duty_need_negative_reviews": N_(
        "Write complaint follow-up into the specialist's duties: every complaint and review logged, its "
        "answer tracked, and recurring causes reported."
    ),
    "step_duty_need_large_business": N_(
        "Write regular analytical reporting for the owners into the specialist's duties."
    ),
    # ------------------------------------------------------------------ what comes next
    "step_next_needed_now": N_(
        "With {yes} of the {total} signs present, start the pre-deployment work with the consultant — "
        "requirements list, customer profile, process design — and choose the software only after it{when}."
    ),
    "step_next_prepare_first": N_(
        "With {yes} of the {total} signs present, do the groundwork above first; then go through the signs "
        "again and choose software only if they persist, so that the licences pay off."
    ),
    "step_next_not_yet": N_(
        "With {yes} of the {total} signs present, a CRM would not pay off yet: keep one shared customer "
        "list with a named owner, and go through the seven signs again in six months or when the sales "
        "team grows."
    ),
}

READINESS_COUNTED: dict[str, Counted] = {
    "sign_leads_lost_n": Counted(
        "channels",
        lambda n: ngettext(
            "Enquiries reach you through {channels} channel and some get lost on the way; each lost one is a "
            "sale that never started. A CRM puts every enquiry into one queue with an owner and a deadline.",
            "Enquiries reach you through {channels} channels and some get lost on the way; each lost one is "
            "a "
            "sale that never started. A CRM puts every enquiry into one queue with an owner and a deadline.",
            n,
        ),
    ),
    "sign_no_sales_oversight_n": Counted(
        "sellers",
        lambda n: ngettext(
            "{sellers} person sells, and managers cannot see what they do with their leads; customers leave "
            "together with the people who leave. In a CRM every contact and deal belongs to the company and "
            "is "
            "visible to the sales manager.",
            "{sellers} people sell, and managers cannot see what each of them does with their leads; "
            "customers "
            "leave together with the people who leave. In a CRM every contact and deal belongs to the "
            "company "
            "and is visible to the sales manager.",
            n,
        ),
    ),
}
