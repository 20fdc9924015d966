"""Staffing advice texts: the recommendations, the reasons behind them and the risks.

English here, marked for the catalogue; Persian and Russian in `workbench/locale/<lang>/LC_MESSAGES/
crmwb.po`. A text that embeds a count is `Counted`, so each language gets its plural forms.
"""

from __future__ import annotations

from workbench.domain.counted_text import Counted
from workbench.i18n import N_, ngettext

STAFFING_TEXTS: dict[str, str] = {
    # ------------------------------------------------------------------ choices
    "team_manager_and_specialist": N_(
        "Staff two roles: a CRM manager who owns the CRM strategy, the customer data and the KPIs, and an "
        "in-house CRM specialist who configures and administers the system."
    ),
    "team_specialist_only": N_(
        "One in-house CRM specialist is enough for now: they work alongside the consultant during the "
        "rollout and then become the system administrator."
    ),
    "time_full_time": N_("Make the CRM specialist a full-time job."),
    "time_part_time": N_(
        "Part-time is acceptable, but as a distinct job: at least half of the person's working time, "
        "announced formally by a senior manager. CRM work done on the side of another job stalls the project."
    ),
    "seniority_junior_coached": N_(
        "A motivated junior with a bachelor's or master's degree can take the role, provided the consultant "
        "coaches them through the rollout. Without such coaching, hire an experienced person — they are "
        "scarce and expensive."
    ),
    "seniority_experienced": N_(
        "Look for an experienced CRM specialist who has run a CRM platform before; such people are scarce, "
        "so expect a longer search and a higher salary."
    ),
    "source_keep_insider": N_(
        "Keep the employee you have named: they already know the company's customers, people and "
        "processes and can start at once."
    ),
    "source_inside_first": N_(
        "Look inside first: an employee from sales, service or planning who knows the processes and can be "
        "freed for at least half of their time. Hire from outside only if nobody can be freed, and then "
        "give the newcomer time to learn the organisation before the pre-deployment work starts{when}."
    ),
    "source_outside": N_(
        "Hire from outside, and give the newcomer time to learn the organisation — its units, customers "
        "and processes — before they take over the CRM work{when}."
    ),
    "placement_it": N_("Place the role in the IT unit."),
    "placement_crm_unit": N_("Set up an independent CRM unit reporting to the CEO."),
    "placement_ceo": N_("Have the role report directly to the CEO."),
    "placement_marketing": N_("Place the role in the marketing unit."),
    "placement_sales": N_("Place the role in the sales unit."),
    "placement_planning": N_("Place the role in the planning unit."),
    "analyst_merged_manager": N_(
        "One person holds both roles: the CRM manager also does the analyst's work — reports, segments "
        "and forecasts."
    ),
    "analyst_merged_specialist": N_(
        "No separate analyst: the CRM specialist also prepares the reports, segments and forecasts."
    ),
    "analyst_separate": N_(
        "Keep the CRM manager and the CRM analyst as separate positions: the manager owns the system and "
        "the strategy, the analyst mines the data and presents what it shows segment by segment."
    ),
    # ------------------------------------------------------------------ reasons
    "team_few_situations": N_(
        "Situations that call for a dedicated CRM manager: {yes} of 6, and the business is not described "
        "as large and branched, so one specialist can carry the work."
    ),
    "time_large": N_(
        "In a company of over 250 staff there are too many users to train, support and chase for data "
        "entry as a side task."
    ),
    "time_manager": N_(
        "Situations that call for a dedicated CRM manager apply, so the CRM work is a full job, not a side "
        "task."
    ),
    "seniority_takeover": N_(
        "A CRM is already running and nobody develops it: whoever takes it over must extend and integrate "
        "a live system from the first day, with no rollout to learn on."
    ),
    "seniority_rollout": N_(
        "The CRM is being introduced rather than taken over, and the company is not a large one with many "
        "integrations: a newcomer can learn the system step by step with the consultant and the vendor's "
        "experts."
    ),
    "source_named": N_("A named employee is to be the CRM specialist."),
    "source_named_check_experience": N_(
        "Experience is advised (see the experience level): if the named employee has never run a CRM "
        "platform, have the consultant coach them through the first months, or hire experienced help "
        "beside them."
    ),
    "source_none_named": N_("Nobody has been named as the CRM specialist yet."),
    "source_experienced_rare": N_(
        "An experienced CRM specialist is needed (see the experience level), and such experience is "
        "rarely found among current staff."
    ),
    "place_it_industry": N_(
        "In this industry customer data and systems are complex and software is often built in-house, and "
        "you have an IT unit to host the role."
    ),
    "place_it_industry_no_unit": N_(
        "In this industry the role usually sits in IT, but you have no IT staff to place it with."
    ),
    "place_large": N_(
        "In a company of over 250 staff the CRM serves many departments; a unit of its own under the CEO "
        "keeps it from becoming one department's tool."
    ),
    "place_small": N_(
        "A small company seldom has a planning or IT unit to host the role, and a direct line to the CEO "
        "lets the specialist require every unit to keep its data in the CRM."
    ),
    "place_shared": N_(
        "Several departments will work in the same CRM; placing the role under one of them would tilt the "
        "system towards that department, so it reports to the CEO."
    ),
    "place_complex_data": N_(
        "You have IT staff, and the CRM must exchange data with an ERP or with four or more systems; that "
        "integration work is best done in IT."
    ),
    "place_marketing": N_(
        "Marketing is in scope and you want campaigns or a loyalty programme built on the customer base; "
        "the marketing unit analyses the market and customer behaviour and will use the CRM data most."
    ),
    "place_sales": N_(
        "The CRM covers sales without marketing, and the sales process itself needs automation and analysis."
    ),
    "place_planning": N_(
        "No single department dominates the use of the CRM; the planning unit fits best, because analytical "
        "CRM is about setting goals and planning."
    ),
    "analyst_small": N_(
        "In a company of under 50 staff there is not enough analysis work for a separate analyst."
    ),
    "analyst_large": N_(
        "In a company of over 250 staff, running the system and mining the data are two full jobs."
    ),
    "analyst_analytical": N_(
        "Analytical CRM is in scope: segmentation, churn reports and forecasts need a person of their own."
    ),
    "analyst_operational": N_(
        "A medium-sized company without analytical CRM in scope: the reports are routine enough for one "
        "person to hold both roles."
    ),
    # ------------------------------------------------------------------ risks
    "risk_share_unknown": N_(
        "The share of the specialist's time given to the CRM is not recorded; agree it in writing{when} — "
        "at least half."
    ),
    "risk_share_below_half": N_(
        "The specialist gives only {share}% of their time: below half, the CRM becomes a side task and the "
        "project stalls. Hand part of their current duties to colleagues and have a senior manager "
        "announce the new share formally."
    ),
    "risk_share_below_full": N_(
        "Full-time is advised, but the specialist gives {share}% of their time; plan to raise it before "
        "the deployment phase begins{when}."
    ),
    "risk_no_sponsor": N_(
        "No senior manager has agreed to sponsor the project, so nobody can formally assign the "
        "specialist's time; name a sponsor first."
    ),
    "risk_no_it_unit": N_(
        "The CRM must be integrated with other systems but you have no IT staff; contract the vendor or an "
        "IT service company for integrations, backups and user accounts instead of loading this onto the "
        "CRM specialist."
    ),
}

STAFFING_COUNTED: dict[str, Counted] = {
    "time_sellers": Counted(
        "sellers",
        lambda n: ngettext(
            "{sellers} person sells or takes orders; training them, answering their questions and checking "
            "the "
            "data they enter is a full-time job (rule: {limit} or more).",
            "{sellers} people sell or take orders; training them, answering their questions and checking the "
            "data they enter is a full-time job (rule: {limit} or more).",
            n,
        ),
    ),
    "time_small_scope": Counted(
        "limit",
        lambda n: ngettext(
            "The company is not large, no dedicated CRM manager is needed and fewer than {limit} person "
            "sells, "
            "so the work fits into part of one person's time.",
            "The company is not large, no dedicated CRM manager is needed and fewer than {limit} people "
            "sell, "
            "so the work fits into part of one person's time.",
            n,
        ),
    ),
    "seniority_complex": Counted(
        "count",
        lambda n: ngettext(
            "A large company whose CRM must connect to {count} other system: the data is complex enough to "
            "need someone who has done this before.",
            "A large company whose CRM must connect to {count} other systems: the data is complex enough to "
            "need someone who has done this before.",
            n,
        ),
    ),
}
