"""Staffing advice texts (en, fa, ru): the recommendations, the reasons behind them and the risks."""

from __future__ import annotations

STAFFING_TEXTS: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ choices
    "team_manager_and_specialist": (
        ("Staff two roles: a CRM manager who owns the CRM strategy, the customer data and the KPIs, and an "
         "in-house CRM specialist who configures and administers the system."),
        ("دو نقش را تأمین کنید: مدیر CRM که مسئول استراتژی CRM، داده‌های مشتریان و شاخص‌های کلیدی عملکرد است، "
         "و کارشناس CRM داخلی که سیستم را پیکربندی و راهبری می‌کند."),
        ("Нужны две роли: CRM-менеджер, который отвечает за CRM-стратегию, клиентские данные и KPI, и "
         "штатный CRM-специалист, который настраивает и администрирует систему."),
    ),
    "team_specialist_only": (
        ("One in-house CRM specialist is enough for now: they work alongside the consultant during the "
         "rollout and then become the system administrator."),
        ("فعلاً یک کارشناس CRM داخلی کافی است: او در دوره استقرار همراه مشاور کار می‌کند و سپس راهبر سیستم "
         "می‌شود."),
        ("Пока достаточно одного штатного CRM-специалиста: на время внедрения он работает в паре с "
         "консультантом, а затем становится администратором системы."),
    ),
    "time_full_time": (
        "Make the CRM specialist a full-time job.",
        "کار کارشناس CRM را تمام‌وقت تعریف کنید.",
        "Сделайте должность CRM-специалиста полной ставкой.",
    ),
    "time_part_time": (
        ("Part-time is acceptable, but as a distinct job: at least half of the person's working time, "
         "announced formally by a senior manager. CRM work done on the side of another job stalls the project."),
        ("پاره‌وقت هم پذیرفتنی است، به شرط آنکه شغلی مجزا باشد: دست‌کم نیمی از وقت کاری فرد، با ابلاغ رسمی یکی "
         "از مدیران ارشد. اگر کار CRM در حاشیه شغل دیگری انجام شود، پروژه متوقف می‌ماند."),
        ("Неполная занятость допустима, но как отдельная работа: не меньше половины рабочего времени, "
         "закреплённой официальным распоряжением кого-то из топ-менеджеров. CRM «в нагрузку» к другой работе "
         "останавливает проект."),
    ),
    "seniority_junior_coached": (
        ("A motivated junior with a bachelor's or master's degree can take the role, provided the consultant "
         "coaches them through the rollout. Without such coaching, hire an experienced person — they are "
         "scarce and expensive."),
        ("یک نیروی کم‌سابقه اما باانگیزه با مدرک کارشناسی یا کارشناسی ارشد می‌تواند این نقش را بپذیرد، به شرط "
         "آنکه مشاور در طول استقرار او را مربیگری کند. بدون چنین مربیگری‌ای نیروی باتجربه بگیرید؛ چنین افرادی کم‌اند "
         "و حقوق بالایی می‌خواهند."),
        ("На роль подойдёт мотивированный сотрудник без большого опыта, с дипломом бакалавра или магистра, "
         "если консультант будет его наставлять на протяжении всего внедрения. Без такого наставничества "
         "берите опытного специалиста — таких мало, и стоят они дорого."),
    ),
    "seniority_experienced": (
        ("Look for an experienced CRM specialist who has run a CRM platform before; such people are scarce, "
         "so expect a longer search and a higher salary."),
        ("به دنبال کارشناس CRM باتجربه‌ای باشید که پیش‌تر یک پلتفرم CRM را راهبری کرده است؛ چنین افرادی کم‌اند، "
         "پس جست‌وجوی طولانی‌تر و حقوق بالاتری را در نظر بگیرید."),
        ("Ищите опытного CRM-специалиста, который уже администрировал CRM-платформу; таких людей мало, так "
         "что закладывайте более долгий поиск и более высокую зарплату."),
    ),
    "source_keep_insider": (
        ("Keep the employee you have named: they already know the company's customers, people and "
         "processes and can start at once."),
        ("همان کارمندی را که تعیین کرده‌اید نگه دارید: او مشتریان، افراد و فرایندهای شرکت را می‌شناسد و "
         "می‌تواند بی‌درنگ کار را شروع کند."),
        ("Оставьте выбранного сотрудника: он уже знает клиентов, людей и процессы компании и может "
         "приступить сразу."),
    ),
    "source_inside_first": (
        ("Look inside first: an employee from sales, service or planning who knows the processes and can be "
         "freed for at least half of their time. Hire from outside only if nobody can be freed, and then "
         "give the newcomer time to learn the organisation before the pre-deployment work starts{when}."),
        ("اول در داخل شرکت جست‌وجو کنید: کارمندی از فروش، خدمات یا برنامه‌ریزی که فرایندها را می‌شناسد و "
         "دست‌کم نیمی از وقتش را می‌توان آزاد کرد. فقط اگر چنین کسی نبود از بیرون استخدام کنید و در آن صورت "
         "پیش از شروع کارهای پیش از استقرار{when}، به فرد تازه‌وارد فرصت دهید سازمان را بشناسد."),
        ("Сначала поищите внутри: сотрудника продаж, сервиса или планового отдела, который знает процессы и "
         "может освободить не меньше половины рабочего времени. Нанимайте со стороны, только если "
         "освободить некого, и тогда дайте новичку время разобраться в компании до начала подготовительного "
         "этапа{when}."),
    ),
    "source_outside": (
        ("Hire from outside, and give the newcomer time to learn the organisation — its units, customers "
         "and processes — before they take over the CRM work{when}."),
        ("از بیرون استخدام کنید و به فرد تازه‌وارد فرصت دهید پیش از به دست گرفتن کارهای CRM{when}، سازمان را بشناسد: "
         "واحدها، مشتریان و فرایندها."),
        ("Нанимайте со стороны и дайте новому сотруднику время разобраться в компании — её подразделениях, "
         "клиентах и процессах, — прежде чем он возьмёт на себя работу по CRM{when}."),
    ),
    "placement_it": (
        "Place the role in the IT unit.",
        "این نقش را در واحد فناوری اطلاعات قرار دهید.",
        "Разместите должность в ИТ-подразделении.",
    ),
    "placement_crm_unit": (
        "Set up an independent CRM unit reporting to the CEO.",
        "یک واحد مستقل CRM زیر نظر مدیرعامل تشکیل دهید.",
        "Создайте отдельное CRM-подразделение в прямом подчинении генеральному директору.",
    ),
    "placement_ceo": (
        "Have the role report directly to the CEO.",
        "این نقش مستقیماً زیر نظر مدیرعامل باشد.",
        "Подчините должность напрямую генеральному директору.",
    ),
    "placement_marketing": (
        "Place the role in the marketing unit.",
        "این نقش را در واحد بازاریابی قرار دهید.",
        "Разместите должность в отделе маркетинга.",
    ),
    "placement_sales": (
        "Place the role in the sales unit.",
        "این نقش را در واحد فروش قرار دهید.",
        "Разместите должность в отделе продаж.",
    ),
    "placement_planning": (
        "Place the role in the planning unit.",
        "این نقش را در واحد برنامه‌ریزی قرار دهید.",
        "Разместите должность в плановом отделе.",
    ),
    "analyst_merged_manager": (
        ("One person holds both roles: the CRM manager also does the analyst's work — reports, segments "
         "and forecasts."),
        ("یک نفر هر دو نقش را بر عهده بگیرد: مدیر CRM کار تحلیلگر، یعنی گزارش‌ها، بخش‌بندی‌ها و پیش‌بینی‌ها، را "
         "هم انجام دهد."),
        "Обе роли совмещает один человек: CRM-менеджер сам ведёт аналитику — отчёты, сегменты и прогнозы.",
    ),
    "analyst_merged_specialist": (
        "No separate analyst: the CRM specialist also prepares the reports, segments and forecasts.",
        "تحلیلگر جداگانه لازم نیست: کارشناس CRM گزارش‌ها، بخش‌بندی‌ها و پیش‌بینی‌ها را هم آماده می‌کند.",
        "Отдельный аналитик не нужен: отчёты, сегменты и прогнозы готовит сам CRM-специалист.",
    ),
    "analyst_separate": (
        ("Keep the CRM manager and the CRM analyst as separate positions: the manager owns the system and "
         "the strategy, the analyst mines the data and presents what it shows segment by segment."),
        ("مدیر CRM و تحلیلگر CRM را دو جایگاه جدا تعریف کنید: مدیر مسئول سیستم و استراتژی است و تحلیلگر داده‌ها "
         "را کاوش می‌کند و یافته‌ها را به تفکیک بخش‌های مشتریان ارائه می‌دهد."),
        ("Разделите должности CRM-менеджера и CRM-аналитика: менеджер отвечает за систему и стратегию, "
         "аналитик исследует данные и представляет выводы в разрезе сегментов."),
    ),
    # ------------------------------------------------------------------ reasons
    "team_few_situations": (
        ("Situations that call for a dedicated CRM manager: {yes} of 6, and the business is not described "
         "as large and branched, so one specialist can carry the work."),
        ("وضعیت‌هایی که مدیر CRM اختصاصی لازم دارند: {yes} مورد از ۶ مورد، و کسب‌وکار بزرگ و گسترده معرفی "
         "نشده است؛ پس یک کارشناس از عهده کار برمی‌آید."),
        ("Совпадений с 6 ситуациями, в которых нужен отдельный CRM-менеджер: {yes}; крупным и "
         "разветвлённым бизнес не назван, так что с работой справится один специалист."),
    ),
    "time_large": (
        ("In a company of over 250 staff there are too many users to train, support and chase for data "
         "entry as a side task."),
        ("در شرکتی با بیش از ۲۵۰ کارمند، کاربران آن‌قدر زیادند که آموزش، پشتیبانی و پیگیری ثبت اطلاعاتشان را "
         "نمی‌توان کار جانبی کسی کرد."),
        ("В компании, где больше 250 сотрудников, слишком много пользователей, чтобы обучать, поддерживать "
         "их и добиваться ввода данных между делом."),
    ),
    "time_manager": (
        ("Situations that call for a dedicated CRM manager apply, so the CRM work is a full job, not a side "
         "task."),
        "وضعیت‌هایی که مدیر CRM اختصاصی لازم دارند صدق می‌کنند؛ پس کار CRM یک شغل کامل است، نه کاری جانبی.",
        ("Совпадают ситуации, в которых нужен отдельный CRM-менеджер, значит, работа с CRM — полноценная "
         "занятость, а не побочная задача."),
    ),
    "time_sellers": (
        ("{sellers} people sell or take orders; training them, answering their questions and checking the "
         "data they enter is a full-time job (rule: {limit} or more)."),
        ("{sellers} نفر فروش انجام می‌دهند یا سفارش می‌گیرند؛ آموزش آنها، پاسخ به پرسش‌هایشان و بررسی داده‌هایی "
         "که ثبت می‌کنند کاری تمام‌وقت است (قاعده: {limit} نفر یا بیشتر)."),
        ("Продают или принимают заказы {sellers} чел.; обучать их, отвечать на вопросы и проверять вносимые "
         "данные — работа на полную ставку (правило: от {limit} чел.)."),
    ),
    "time_small_scope": (
        ("The company is not large, no dedicated CRM manager is needed and fewer than {limit} people sell, "
         "so the work fits into part of one person's time."),
        ("شرکت بزرگ نیست، به مدیر CRM اختصاصی نیازی نیست و کمتر از {limit} نفر فروش انجام می‌دهند؛ پس کار در "
         "بخشی از وقت یک نفر جا می‌گیرد."),
        ("Компания не крупная, отдельный CRM-менеджер не нужен, а продают меньше {limit} чел., так что "
         "работа укладывается в часть времени одного человека."),
    ),
    "seniority_takeover": (
        ("A CRM is already running and nobody develops it: whoever takes it over must extend and integrate "
         "a live system from the first day, with no rollout to learn on."),
        ("یک CRM از قبل در حال کار است و کسی آن را توسعه نمی‌دهد: هر کس آن را تحویل بگیرد باید از روز اول "
         "سیستمی در حال کار را گسترش دهد و یکپارچه کند و پروژه استقراری نیست که در کنارش یاد بگیرد."),
        ("CRM уже работает, и её никто не развивает: тому, кто её примет, с первого дня придётся "
         "дорабатывать и интегрировать живую систему, без внедрения, на котором можно учиться."),
    ),
    "seniority_complex": (
        ("A large company whose CRM must connect to {count} other systems: the data is complex enough to "
         "need someone who has done this before."),
        ("شرکتی بزرگ که CRM آن باید به {count} سیستم دیگر متصل شود: داده‌ها آن‌قدر پیچیده‌اند که به کسی نیاز است "
         "که پیش‌تر چنین کاری کرده باشد."),
        ("Крупная компания, и CRM нужно связать с другими системами (их число — {count}): данные настолько "
         "сложны, что нужен человек, который уже делал такую работу."),
    ),
    "seniority_rollout": (
        ("The CRM is being introduced rather than taken over, and the company is not a large one with many "
         "integrations: a newcomer can learn the system step by step with the consultant and the vendor's "
         "experts."),
        ("CRM تازه مستقر می‌شود و قرار نیست سیستمی آماده تحویل گرفته شود، و شرکت هم بزرگ و دارای یکپارچه‌سازی‌های "
         "متعدد نیست: فرد تازه‌کار می‌تواند سیستم را گام‌به‌گام در کنار مشاور و کارشناسان فروشنده نرم‌افزار یاد بگیرد."),
        ("CRM внедряется с нуля, а не принимается готовой, и компания не из крупных с множеством "
         "интеграций: новичок может осваивать систему постепенно вместе с консультантом и специалистами "
         "поставщика."),
    ),
    "source_named": (
        "A named employee is to be the CRM specialist.",
        "کارمند مشخصی برای نقش کارشناس CRM تعیین شده است.",
        "На роль CRM-специалиста уже выбран конкретный сотрудник.",
    ),
    "source_named_check_experience": (
        ("Experience is advised (see the experience level): if the named employee has never run a CRM "
         "platform, have the consultant coach them through the first months, or hire experienced help "
         "beside them."),
        ("تجربه لازم است (بخش سطح تجربه را ببینید): اگر کارمند تعیین‌شده تاکنون هیچ پلتفرم CRM را راهبری نکرده، "
         "از مشاور بخواهید در ماه‌های نخست او را مربیگری کند، یا یک نیروی باتجربه در کنارش به کار بگیرید."),
        ("Рекомендован опытный специалист (см. уровень опыта): если выбранный сотрудник никогда не "
         "администрировал CRM-платформу, пусть консультант наставляет его в первые месяцы, или наймите ему в "
         "помощь опытного человека."),
    ),
    "source_none_named": (
        "Nobody has been named as the CRM specialist yet.",
        "هنوز کسی برای نقش کارشناس CRM تعیین نشده است.",
        "На роль CRM-специалиста пока никто не выбран.",
    ),
    "source_experienced_rare": (
        ("An experienced CRM specialist is needed (see the experience level), and such experience is "
         "rarely found among current staff."),
        ("به کارشناس CRM باتجربه نیاز است (بخش سطح تجربه را ببینید) و چنین تجربه‌ای به‌ندرت میان کارکنان فعلی "
         "پیدا می‌شود."),
        ("Нужен опытный CRM-специалист (см. уровень опыта), а такой опыт среди нынешних сотрудников "
         "встречается редко."),
    ),
    "place_it_industry": (
        ("In this industry customer data and systems are complex and software is often built in-house, and "
         "you have an IT unit to host the role."),
        ("در این صنعت داده‌ها و سیستم‌های مشتریان پیچیده‌اند و نرم‌افزار اغلب در داخل سازمان ساخته می‌شود، و شما "
         "واحد فناوری اطلاعات دارید که این نقش را در خود جای دهد."),
        ("В этой отрасли клиентские данные и системы сложны, ПО часто разрабатывают своими силами, а "
         "ИТ-подразделение, куда можно включить должность, у вас есть."),
    ),
    "place_it_industry_no_unit": (
        "In this industry the role usually sits in IT, but you have no IT staff to place it with.",
        ("در این صنعت این نقش معمولاً در واحد فناوری اطلاعات قرار می‌گیرد، اما شما کارشناس یا واحد فناوری "
         "اطلاعات ندارید."),
        "В этой отрасли должность обычно относят к ИТ, но собственных ИТ-специалистов у вас нет.",
    ),
    "place_large": (
        ("In a company of over 250 staff the CRM serves many departments; a unit of its own under the CEO "
         "keeps it from becoming one department's tool."),
        ("در شرکتی با بیش از ۲۵۰ کارمند، CRM در خدمت واحدهای بسیاری است؛ یک واحد مستقل زیر نظر مدیرعامل "
         "نمی‌گذارد CRM به ابزار یک واحد خاص تبدیل شود."),
        ("В компании, где больше 250 сотрудников, CRM обслуживает много подразделений; собственное "
         "подразделение под генеральным директором не даст ей стать инструментом одного отдела."),
    ),
    "place_small": (
        ("A small company seldom has a planning or IT unit to host the role, and a direct line to the CEO "
         "lets the specialist require every unit to keep its data in the CRM."),
        ("شرکت کوچک به‌ندرت واحد برنامه‌ریزی یا فناوری اطلاعاتی دارد که این نقش را در خود جای دهد، و ارتباط "
         "مستقیم با مدیرعامل به کارشناس امکان می‌دهد از همه واحدها بخواهد اطلاعاتشان را در CRM نگه دارند."),
        ("В небольшой компании редко есть плановый или ИТ-отдел, куда можно включить должность, а прямая "
         "связь с генеральным директором позволяет специалисту требовать от всех подразделений вести данные "
         "в CRM."),
    ),
    "place_shared": (
        ("Several departments will work in the same CRM; placing the role under one of them would tilt the "
         "system towards that department, so it reports to the CEO."),
        ("چند واحد با یک CRM مشترک کار خواهند کرد؛ اگر این نقش زیر نظر یکی از آنها باشد، سیستم به سمت همان "
         "واحد متمایل می‌شود، پس بهتر است زیر نظر مدیرعامل باشد."),
        ("В одной CRM будут работать несколько подразделений; если подчинить должность одному из них, "
         "система начнёт работать на этот отдел, поэтому её подчиняют генеральному директору."),
    ),
    "place_complex_data": (
        ("You have IT staff, and the CRM must exchange data with an ERP or with four or more systems; that "
         "integration work is best done in IT."),
        ("شما کارشناس فناوری اطلاعات دارید و CRM باید با سیستم برنامه‌ریزی منابع سازمان یا با چهار سیستم یا "
         "بیشتر تبادل داده کند؛ چنین یکپارچه‌سازی‌ای بهتر است در واحد فناوری اطلاعات انجام شود."),
        ("У вас есть ИТ-специалисты, а CRM должна обмениваться данными с ERP-системой или с четырьмя и "
         "более системами; такую интеграционную работу лучше вести в ИТ."),
    ),
    "place_marketing": (
        ("Marketing is in scope and you want campaigns or a loyalty programme built on the customer base; "
         "the marketing unit analyses the market and customer behaviour and will use the CRM data most."),
        ("بازاریابی در محدوده پروژه است و می‌خواهید کمپین‌ها یا باشگاه مشتریان را بر پایه اطلاعات مشتریان اجرا "
         "کنید؛ واحد بازاریابی بازار و رفتار مشتریان را تحلیل می‌کند و بیش از همه از داده‌های CRM استفاده می‌کند."),
        ("Маркетинг входит в проект, и вы хотите вести кампании или программу лояльности по клиентской "
         "базе; отдел маркетинга анализирует рынок и поведение клиентов и больше всех пользуется данными CRM."),
    ),
    "place_sales": (
        ("The CRM covers sales without marketing, and the sales process itself needs automation and "
         "analysis."),
        "CRM فروش را بدون بازاریابی پوشش می‌دهد و خود فرایند فروش به اتوماسیون و تحلیل نیاز دارد.",
        "CRM охватывает продажи без маркетинга, а сам процесс продаж нуждается в автоматизации и анализе.",
    ),
    "place_planning": (
        ("No single department dominates the use of the CRM; the planning unit fits best, because analytical "
         "CRM is about setting goals and planning."),
        ("هیچ واحدی به‌تنهایی استفاده غالب از CRM ندارد؛ واحد برنامه‌ریزی بیشترین تناسب را دارد، چون CRM تحلیلی "
         "با هدف‌گذاری و برنامه‌ریزی سروکار دارد."),
        ("Ни одно подразделение не доминирует в работе с CRM; лучше всего подходит плановый отдел, ведь "
         "аналитическая CRM — это постановка целей и планирование."),
    ),
    "analyst_small": (
        "In a company of under 50 staff there is not enough analysis work for a separate analyst.",
        "در شرکتی با کمتر از ۵۰ کارمند، کار تحلیلی برای یک تحلیلگر جداگانه کافی نیست.",
        "В компании до 50 человек аналитической работы на отдельного аналитика не хватит.",
    ),
    "analyst_large": (
        "In a company of over 250 staff, running the system and mining the data are two full jobs.",
        "در شرکتی با بیش از ۲۵۰ کارمند، اداره سیستم و کاوش داده‌ها دو شغل کامل‌اند.",
        ("В компании, где больше 250 сотрудников, управление системой и анализ данных — две полноценные "
         "работы."),
    ),
    "analyst_analytical": (
        "Analytical CRM is in scope: segmentation, churn reports and forecasts need a person of their own.",
        "CRM تحلیلی در محدوده پروژه است: بخش‌بندی، گزارش ریزش مشتری و پیش‌بینی به فردی مستقل نیاز دارند.",
        ("В проект входит аналитическая CRM: сегментация, отчёты об оттоке и прогнозы требуют отдельного "
         "человека."),
    ),
    "analyst_operational": (
        ("A medium-sized company without analytical CRM in scope: the reports are routine enough for one "
         "person to hold both roles."),
        ("شرکتی با اندازه متوسط که CRM تحلیلی در محدوده پروژه‌اش نیست: گزارش‌ها آن‌قدر روزمره‌اند که یک نفر "
         "می‌تواند هر دو نقش را بر عهده بگیرد."),
        ("Компания среднего размера, аналитическая CRM в проект не входит: отчёты достаточно типовые, чтобы "
         "один человек совмещал обе роли."),
    ),
    # ------------------------------------------------------------------ risks
    "risk_share_unknown": (
        ("The share of the specialist's time given to the CRM is not recorded; agree it in writing{when} — "
         "at least half."),
        ("سهمی از وقت کارشناس که به CRM اختصاص می‌یابد ثبت نشده است؛ آن را مکتوب کنید{when}، "
         "دست‌کم نیمی از وقت او."),
        ("Не указано, какую долю времени специалист отдаёт CRM; зафиксируйте её письменно{when} "
         "— не меньше половины."),
    ),
    "risk_share_below_half": (
        ("The specialist gives only {share}% of their time: below half, the CRM becomes a side task and the "
         "project stalls. Hand part of their current duties to colleagues and have a senior manager "
         "announce the new share formally."),
        ("کارشناس تنها {share}% از وقتش را به CRM می‌دهد: با کمتر از نیمی از وقت، CRM کاری جانبی می‌شود و پروژه "
         "متوقف می‌ماند. بخشی از وظایف فعلی او را به همکارانش بسپارید و سهم تازه را یکی از مدیران ارشد رسماً ابلاغ کند."),
        ("Специалист отдаёт CRM лишь {share} % времени: если меньше половины, CRM превращается в работу "
         "«в нагрузку», и проект встаёт. Передайте часть его текущих обязанностей коллегам, и пусть кто-то "
         "из топ-менеджеров официально закрепит новую долю."),
    ),
    "risk_share_below_full": (
        ("Full-time is advised, but the specialist gives {share}% of their time; plan to raise it before "
         "the deployment phase begins{when}."),
        ("توصیه بر تمام‌وقت بودن است، اما کارشناس {share}% از وقتش را به CRM می‌دهد؛ برنامه‌ریزی کنید که پیش از "
         "آغاز مرحله استقرار{when} این سهم افزایش یابد."),
        ("Рекомендована полная занятость, а специалист отдаёт CRM {share} % времени; запланируйте "
         "увеличение доли до начала этапа внедрения{when}."),
    ),
    "risk_no_sponsor": (
        ("No senior manager has agreed to sponsor the project, so nobody can formally assign the "
         "specialist's time; name a sponsor first."),
        ("هیچ مدیر ارشدی حمایت از پروژه را نپذیرفته است، پس کسی نیست که وقت کارشناس را رسماً به این کار "
         "اختصاص دهد؛ اول یک حامی تعیین کنید."),
        ("Никто из топ-менеджеров не взялся курировать проект, а значит, некому официально закрепить время "
         "специалиста; сначала назначьте куратора."),
    ),
    "risk_no_it_unit": (
        ("The CRM must be integrated with other systems but you have no IT staff; contract the vendor or an "
         "IT service company for integrations, backups and user accounts instead of loading this onto the "
         "CRM specialist."),
        ("CRM باید با سیستم‌های دیگر یکپارچه شود اما کارشناس فناوری اطلاعات ندارید؛ یکپارچه‌سازی، پشتیبان‌گیری "
         "و حساب‌های کاربری را با قرارداد به فروشنده یا یک شرکت خدمات فناوری اطلاعات بسپارید، نه به کارشناس CRM."),
        ("CRM нужно интегрировать с другими системами, а своих ИТ-специалистов нет; заключите договор на "
         "интеграции, резервное копирование и учётные записи с поставщиком или ИТ-аутсорсером, а не "
         "взваливайте это на CRM-специалиста."),
    ),
}
