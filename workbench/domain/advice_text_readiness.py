"""Readiness advice texts (en, fa, ru): what each sign and situation means, and the first steps."""

from __future__ import annotations

READINESS_TEXTS: dict[str, tuple[str, str, str]] = {
    # ------------------------------------------------------------------ the seven signs
    "sign_leads_lost": (
        ("Enquiries get lost between your channels, and each lost one is a sale that never started. A CRM "
         "puts every enquiry into one queue with an owner and a deadline."),
        ("درخواست‌ها میان کانال‌های ارتباطی شما گم می‌شوند و هر درخواست گم‌شده فروشی است که هیچ‌وقت شروع نشد. "
         "CRM همه درخواست‌ها را در یک صف، با مسئول و مهلت مشخص، جمع می‌کند."),
        ("Обращения теряются между каналами, и каждое потерянное — это продажа, которая так и не началась. "
         "CRM собирает все обращения в одну очередь, у каждого есть ответственный и срок."),
    ),
    "sign_leads_lost_n": (
        ("Enquiries reach you through {channels} channels and some get lost on the way; each lost one is a "
         "sale that never started. A CRM puts every enquiry into one queue with an owner and a deadline."),
        ("درخواست‌ها از {channels} کانال به دست شما می‌رسند و بعضی در این میان گم می‌شوند؛ هر درخواست گم‌شده "
         "فروشی است که هیچ‌وقت شروع نشد. CRM همه درخواست‌ها را در یک صف، با مسئول و مهلت مشخص، جمع می‌کند."),
        ("Каналов, по которым приходят обращения, у вас {channels}, и часть обращений по дороге теряется; "
         "каждое потерянное — это продажа, которая так и не началась. CRM собирает все обращения в одну "
         "очередь, у каждого есть ответственный и срок."),
    ),
    "sign_no_sales_oversight": (
        ("Managers cannot see what salespeople do with their leads, and customers leave together with the "
         "people who leave. In a CRM every contact and deal belongs to the company and is visible to the "
         "sales manager."),
        ("مدیران نمی‌بینند فروشندگان با سرنخ‌هایشان چه می‌کنند و با رفتن هر فروشنده، مشتریانش هم می‌روند. "
         "در CRM هر مخاطب و هر معامله متعلق به شرکت است و مدیر فروش آن را می‌بیند."),
        ("Руководители не видят, что продавцы делают со своими лидами, и клиенты уходят вместе с "
         "уходящими сотрудниками. В CRM каждый контакт и каждая сделка принадлежат компании и видны "
         "руководителю продаж."),
    ),
    "sign_no_sales_oversight_n": (
        ("{sellers} people sell, and managers cannot see what each of them does with their leads; customers "
         "leave together with the people who leave. In a CRM every contact and deal belongs to the company "
         "and is visible to the sales manager."),
        ("{sellers} نفر در کار فروش‌اند و مدیران نمی‌بینند هر کدام با سرنخ‌هایش چه می‌کند؛ با رفتن هر فروشنده، "
         "مشتریانش هم می‌روند. در CRM هر مخاطب و هر معامله متعلق به شرکت است و مدیر فروش آن را می‌بیند."),
        ("Продажами у вас занято {sellers} чел., и руководители не видят, что каждый делает со своими "
         "лидами; клиенты уходят вместе с уходящими сотрудниками. В CRM каждый контакт и каждая сделка "
         "принадлежат компании и видны руководителю продаж."),
    ),
    "sign_slow_reports": (
        ("Hours go into assembling reports by hand, and nobody fully trusts the figures. In a CRM the regular "
         "reports come from one set of data and update themselves."),
        ("ساعت‌ها وقت صرف تهیه دستی گزارش‌ها می‌شود و کسی به ارقام آنها اطمینان کامل ندارد. در CRM گزارش‌های "
         "دوره‌ای از یک مجموعه داده ساخته می‌شوند و خودبه‌خود به‌روز می‌شوند."),
        ("На ручную сборку отчётов уходят часы, и цифрам в них до конца никто не доверяет. В CRM регулярные "
         "отчёты строятся по единым данным и обновляются сами."),
    ),
    "sign_unknown_conversion": (
        ("Money goes into channels and campaigns without knowing which of them bring paying customers. A CRM "
         "records where every lead came from and follows it through to the sale."),
        ("برای کانال‌ها و کمپین‌ها هزینه می‌کنید بی‌آنکه بدانید کدام‌یک مشتری خریدار می‌آورد. CRM منبع هر سرنخ "
         "را ثبت می‌کند و آن را تا فروش دنبال می‌کند."),
        ("Деньги тратятся на каналы и кампании без понимания, какие из них приводят покупателей. CRM "
         "фиксирует, откуда пришёл каждый лид, и прослеживает его путь до продажи."),
    ),
    "sign_scattered_data": (
        ("Nobody sees the whole customer: the facts are spread over spreadsheets, mailboxes, phones and "
         "notes. A CRM keeps one customer card with the full history from the first contact."),
        ("هیچ‌کس تصویر کامل مشتری را نمی‌بیند، چون اطلاعات او میان فایل‌های اکسل، ایمیل‌ها، گوشی‌ها و یادداشت‌ها "
         "پخش شده است. CRM برای هر مشتری یک پرونده واحد با سابقه کامل از نخستین تماس نگه می‌دارد."),
        ("Целиком клиента не видит никто: сведения о нём разбросаны по таблицам, почте, телефонам и "
         "заметкам. В CRM у клиента одна карточка со всей историей с первого контакта."),
    ),
    "sign_slow_sales_unhappy": (
        ("Customers wait and repeat themselves because the steps of a sale and what was agreed are not "
         "written down. A CRM makes the sales process explicit, with tasks, deadlines and history."),
        ("مشتریان منتظر می‌مانند و حرفشان را تکرار می‌کنند، چون مراحل فروش و توافق‌ها جایی ثبت نمی‌شود. CRM "
         "فرایند فروش را با وظایف، مهلت‌ها و سابقه کامل، روشن و قابل پیگیری می‌کند."),
        ("Клиенты ждут и по нескольку раз объясняют одно и то же, потому что этапы сделки и договорённости "
         "нигде не записаны. CRM делает процесс продажи явным: с задачами, сроками и историей."),
    ),
    "sign_losing_old_customers": (
        ("Valuable long-standing customers drift away without anyone noticing. A CRM flags customers who "
         "have stopped buying and reminds staff of dates that matter to them, such as birthdays and renewals."),
        ("مشتریان قدیمی و ارزشمند بی‌آنکه کسی متوجه شود از دست می‌روند. CRM مشتریانی را که دیگر خرید نمی‌کنند "
         "نشان می‌دهد و تاریخ‌های مهم آنها، مانند تولد یا زمان تمدید قرارداد، را به کارکنان یادآوری می‌کند."),
        ("Ценные давние клиенты незаметно уходят. CRM показывает тех, кто перестал покупать, и напоминает "
         "сотрудникам о важных для клиента датах — днях рождения, сроках продления договоров."),
    ),
    # ------------------------------------------------------------------ the six situations
    "need_messy_base": (
        ("The customer base is cluttered with duplicates and dead numbers. Keeping it clean — regular "
         "clean-ups and rules for entering data — is continuous work that needs an owner."),
        ("پایگاه مشتریان پر از رکوردهای تکراری و شماره‌های از کار افتاده است. پاکیزه نگه داشتن آن، یعنی "
         "پاک‌سازی‌های دوره‌ای و قواعد ثبت اطلاعات، کاری مستمر است که مسئول می‌خواهد."),
        ("Клиентская база засорена дублями и нерабочими номерами. Поддерживать её в порядке — регулярные "
         "чистки и правила ввода данных — это постоянная работа, у которой должен быть хозяин."),
    ),
    "need_marketing_activation": (
        ("You want to step up marketing from the customer base. Someone has to segment the base, plan the "
         "campaign budget and measure what each campaign brought, or the budget is spent blind."),
        ("می‌خواهید بازاریابی را بر پایه اطلاعات مشتریان فعال‌تر کنید. کسی باید مشتریان را بخش‌بندی کند، بودجه "
         "کمپین‌ها را برنامه‌ریزی کند و بسنجد هر کمپین چه نتیجه‌ای داشته است؛ وگرنه بودجه کورکورانه خرج می‌شود."),
        ("Вы хотите активнее вести маркетинг по клиентской базе. Кто-то должен сегментировать базу, "
         "планировать бюджет кампаний и измерять, что принесла каждая, иначе деньги уходят вслепую."),
    ),
    "need_no_sales_plan": (
        ("There is no written sales plan. Someone has to set targets per team or salesperson in the CRM and "
         "report plan against actual."),
        ("برنامه فروش مکتوبی وجود ندارد. کسی باید اهداف هر تیم یا فروشنده را در CRM تعریف کند و عملکرد "
         "واقعی را با برنامه مقایسه و گزارش کند."),
        ("Письменного плана продаж нет. Кто-то должен завести в CRM цели по командам или продавцам и "
         "отчитываться по плану и факту."),
    ),
    "need_crm_not_developed": (
        ("Your CRM has not grown with the business. It needs an owner who collects change requests, adds "
         "integrations and keeps the system in step with how the company works."),
        ("CRM شما همپای کسب‌وکار رشد نکرده است. این سیستم به مسئولی نیاز دارد که درخواست‌های تغییر را جمع کند، "
         "یکپارچه‌سازی‌های تازه را اضافه کند و سیستم را با شیوه کار شرکت هماهنگ نگه دارد."),
        ("Ваша CRM не росла вместе с бизнесом. Ей нужен хозяин, который собирает запросы на доработку, "
         "подключает интеграции и держит систему в соответствии с тем, как работает компания."),
    ),
    "need_negative_reviews": (
        ("Negative reviews and complaints are piling up. Someone has to run satisfaction surveys, see that "
         "every complaint gets an answer and take recurring causes to the units that must fix them."),
        ("نظرات منفی و شکایت‌ها رو به افزایش است. کسی باید نظرسنجی رضایت را اجرا کند، مطمئن شود به هر شکایت "
         "پاسخ داده می‌شود و علت‌های تکراری را به واحدهایی که باید رفعشان کنند برساند."),
        ("Негативных отзывов и жалоб становится всё больше. Кто-то должен проводить опросы "
         "удовлетворённости, следить, чтобы на каждую жалобу ответили, и передавать повторяющиеся причины "
         "тем подразделениям, которые должны их устранить."),
    ),
    "need_large_business": (
        ("The business is large and branched, and the owners expect regular analytical reports. At this "
         "scale, running the CRM, keeping the data clean and producing reports is a job of its own."),
        ("کسب‌وکار بزرگ و گسترده است و مالکان گزارش‌های تحلیلی منظم می‌خواهند. در این مقیاس، راهبری CRM، "
         "پاکیزه نگه داشتن داده‌ها و تهیه گزارش‌ها خودش یک شغل مستقل است."),
        ("Бизнес крупный и разветвлённый, а собственники ждут регулярной аналитики. В таком масштабе вести "
         "CRM, следить за чистотой данных и готовить отчёты — отдельная работа."),
    ),
    # ------------------------------------------------------------------ first steps: people and money
    "step_sponsor": (
        ("Name a sponsor: a senior manager who backs the project, takes the decision on the software and "
         "formally announces who does the CRM work."),
        ("یک حامی برای پروژه تعیین کنید: مدیری ارشد که پشت پروژه می‌ایستد، درباره نرم‌افزار تصمیم می‌گیرد و "
         "رسماً ابلاغ می‌کند چه کسی کار CRM را انجام می‌دهد."),
        ("Назначьте куратора проекта из топ-менеджмента: он поддерживает проект, принимает решение о выборе "
         "системы и официально объявляет, кто занимается CRM."),
    ),
    "step_name_specialist": (
        ("Choose the in-house CRM specialist who will work alongside the consultant and later run the "
         "system; the staffing advice says what kind of person and where the role sits."),
        ("کارشناس CRM داخلی را انتخاب کنید؛ کسی که همراه مشاور کار می‌کند و بعدها راهبری سیستم را بر عهده "
         "می‌گیرد. توصیه‌های تأمین نیرو مشخص می‌کند چه کسی و در کدام واحد."),
        ("Выберите штатного CRM-специалиста, который будет работать в паре с консультантом, а потом "
         "возьмёт систему на себя; кого искать и куда поставить должность, подскажут рекомендации по "
         "кадровому обеспечению."),
    ),
    "step_free_specialist": (
        ("Free the specialist's time: they now give {share}% of it to the CRM and the method needs at least "
         "half. Hand part of their current work to colleagues and have a senior manager announce the new "
         "share formally."),
        ("وقت کارشناس را آزاد کنید: او اکنون {share}% از وقتش را به CRM می‌دهد و این روش دست‌کم نیمی از آن را "
         "لازم دارد. بخشی از کارهای فعلی او را به همکارانش بسپارید و سهم تازه را یکی از مدیران ارشد رسماً "
         "ابلاغ کند."),
        ("Освободите время специалиста: сейчас он отдаёт CRM {share} % времени, а методика требует не "
         "меньше половины. Передайте часть его текущих задач коллегам, и пусть кто-то из топ-менеджеров "
         "официально закрепит новую долю."),
    ),
    "step_budget": (
        ("Get the budget approved — software, the consultant and the specialist's time — before talking "
         "to vendors{when}."),
        ("پیش از گفت‌وگو با فروشندگان نرم‌افزار{when}، بودجه را به تصویب برسانید: هزینه نرم‌افزار، مشاور و وقت "
         "کارشناس."),
        "До переговоров с поставщиками{when} утвердите бюджет: система, консультант и время специалиста.",
    ),
    # ------------------------------------------------------------------ first steps for the signs
    "step_sign_scattered_data": (
        ("List every place customer data lives — spreadsheets, mailboxes, phones, paper — with an owner and "
         "a rough record count for each, agree the key fields of the customer card, and clean the data "
         "before anything is migrated{when}."),
        ("همه جاهایی را که اطلاعات مشتریان در آنها نگهداری می‌شود فهرست کنید (فایل‌های اکسل، ایمیل‌ها، گوشی‌ها، "
         "کاغذ)، برای هر کدام مسئول و تعداد تقریبی رکوردها را بنویسید، روی فیلدهای اصلی پرونده مشتری توافق کنید "
         "و پیش از هر انتقالی{when} داده‌ها را پاک‌سازی کنید."),
        ("Составьте перечень всех мест, где хранятся данные о клиентах, — таблицы, почта, телефоны, бумага, — "
         "с ответственным и примерным числом записей по каждому; договоритесь об основных полях карточки "
         "клиента и почистите данные до любого переноса{when}."),
    ),
    "step_sign_scattered_data_dup": (
        ("List every place customer data lives — spreadsheets, mailboxes, phones, paper — with an owner and "
         "a rough record count for each, agree the key fields of the customer card, and merge the duplicates "
         "you already know of{when} so they are not carried into the new system."),
        ("همه جاهایی را که اطلاعات مشتریان در آنها نگهداری می‌شود فهرست کنید (فایل‌های اکسل، ایمیل‌ها، گوشی‌ها، "
         "کاغذ)، برای هر کدام مسئول و تعداد تقریبی رکوردها را بنویسید، روی فیلدهای اصلی پرونده مشتری توافق کنید "
         "و رکوردهای تکراری را که از وجودشان خبر دارید ادغام کنید{when} تا به سیستم جدید منتقل نشوند."),
        ("Составьте перечень всех мест, где хранятся данные о клиентах, — таблицы, почта, телефоны, бумага, — "
         "с ответственным и примерным числом записей по каждому; договоритесь об основных полях карточки "
         "клиента и объедините уже известные дубли{when}, чтобы не перенести их в новую систему."),
    ),
    "step_sign_leads_lost": (
        ("Bring every channel into one shared inbox now — phone, e-mail, website, social media — with a named "
         "person on duty and a response deadline, and count the enquiries per channel for two weeks as a "
         "baseline."),
        ("از همین حالا همه کانال‌ها (تلفن، ایمیل، وب‌سایت، شبکه‌های اجتماعی) را به یک صندوق ورودی مشترک "
         "وصل کنید، برای آن مسئول مشخص و مهلت پاسخ تعیین کنید و دو هفته تعداد درخواست‌های هر کانال را "
         "بشمارید تا مبنای مقایسه داشته باشید."),
        ("Уже сейчас сведите все каналы — телефон, почту, сайт, соцсети — в один общий ящик с дежурным "
         "ответственным и сроком ответа и две недели считайте обращения по каждому каналу, чтобы было с чем "
         "сравнивать."),
    ),
    "step_sign_no_sales_oversight": (
        ("Make customer data company property: move contacts and open deals out of personal phones and "
         "mailboxes into one shared list, and review every salesperson's open deals once a week."),
        ("اطلاعات مشتریان را دارایی شرکت اعلام کنید: مخاطبان و معاملات باز را از گوشی‌ها و ایمیل‌های شخصی به "
         "یک فهرست مشترک منتقل کنید و هر هفته معاملات باز هر فروشنده را مرور کنید."),
        ("Объявите данные о клиентах собственностью компании: перенесите контакты и открытые сделки из "
         "личных телефонов и почтовых ящиков в общий список и раз в неделю разбирайте открытые сделки "
         "каждого продавца."),
    ),
    "step_sign_unknown_conversion": (
        ("From today, record the source of every new lead, chosen from a fixed list of channels and "
         "campaigns, so the CRM starts with figures to compare against."),
        ("از امروز منبع هر سرنخ تازه را از یک فهرست ثابت از کانال‌ها و کمپین‌ها ثبت کنید تا CRM با ارقامی برای "
         "مقایسه شروع به کار کند."),
        ("С сегодняшнего дня записывайте источник каждого нового лида, выбирая его из закрытого списка "
         "каналов и кампаний, чтобы CRM стартовала с данными для сравнения."),
    ),
    "step_sign_slow_sales_unhappy": (
        ("Map the current sales process step by step with the time each step takes, and mark where "
         "customers wait or have to repeat themselves; this map is where process design starts."),
        ("فرایند فعلی فروش را گام‌به‌گام، همراه با زمانی که هر گام می‌برد، ترسیم کنید و جاهایی را که مشتری "
         "منتظر می‌ماند یا باید حرفش را تکرار کند علامت بزنید؛ طراحی فرایندها از همین نقشه شروع می‌شود."),
        ("Опишите текущий процесс продажи по шагам, с длительностью каждого, и отметьте, где клиент ждёт "
         "или повторяет одно и то же; с этой схемы начнётся проектирование процессов."),
    ),
    "step_sign_slow_reports": (
        ("List the reports management actually reads, with one agreed definition for every figure in them; "
         "this list becomes the initial report design in the requirements."),
        ("گزارش‌هایی را که مدیران واقعاً می‌خوانند فهرست کنید و برای هر عدد در آنها یک تعریف توافق‌شده "
         "بنویسید؛ این فهرست طراحی اولیه گزارش‌ها در فهرست نیازمندی‌ها می‌شود."),
        ("Составьте список отчётов, которые руководство действительно читает, с одним согласованным "
         "определением для каждого показателя; этот список станет исходным макетом отчётов в требованиях."),
    ),
    "step_sign_losing_old_customers": (
        ("List your most valuable customers of the last two years with the date of their last purchase, "
         "and agree when a customer counts as at risk; this list is your first retention campaign."),
        ("ارزشمندترین مشتریان دو سال اخیر را با تاریخ آخرین خریدشان فهرست کنید و توافق کنید از چه زمانی یک "
         "مشتری در معرض ریزش به حساب می‌آید؛ این فهرست نخستین کمپین حفظ مشتری شما خواهد بود."),
        ("Составьте список самых ценных клиентов за последние два года с датой последней покупки и "
         "договоритесь, с какого момента клиент считается уходящим; этот список — ваша первая кампания по "
         "удержанию."),
    ),
    # ------------------------------------------------------------------ first steps: the CRM manager
    "step_manager_position": (
        ("Create the CRM manager position{when}: have HR write the job description, and decide between an "
         "inside and an outside hire."),
        ("جایگاه مدیر CRM را ایجاد کنید{when}: از واحد منابع انسانی بخواهید شرح شغل را بنویسد و تصمیم بگیرید "
         "این فرد از داخل شرکت انتخاب شود یا از بیرون."),
        ("Введите должность CRM-менеджера{when}: поручите отделу кадров написать должностную инструкцию и "
         "решите, искать человека внутри компании или на рынке."),
    ),
    "step_duty_need_messy_base": (
        ("Write database upkeep into the specialist's duties: a monthly clean-up of duplicates and dead "
         "numbers, and the data-entry rules every unit follows."),
        ("نگهداری پایگاه داده را جزو وظایف کارشناس بنویسید: پاک‌سازی ماهانه رکوردهای تکراری و شماره‌های از کار "
         "افتاده، و قواعد ثبت اطلاعات که همه واحدها رعایت می‌کنند."),
        ("Впишите в обязанности специалиста уход за базой: ежемесячную чистку дублей и нерабочих номеров и "
         "правила ввода данных для всех подразделений."),
    ),
    "step_duty_need_marketing_activation": (
        ("Write campaign support into the specialist's duties: a segment of the base for each campaign and "
         "a report of what each campaign brought."),
        "پشتیبانی کمپین‌ها را جزو وظایف کارشناس بنویسید: بخش‌بندی مشتریان برای هر کمپین و گزارش نتیجه هر کمپین.",
        ("Впишите в обязанности специалиста поддержку кампаний: выборку из базы под каждую кампанию и отчёт "
         "о том, что она принесла."),
    ),
    "step_duty_need_no_sales_plan": (
        ("Write the sales plan into the specialist's duties: targets per team or salesperson entered in the "
         "CRM and a monthly plan-against-actual report."),
        ("برنامه فروش را جزو وظایف کارشناس بنویسید: ثبت اهداف هر تیم یا فروشنده در CRM و گزارش ماهانه مقایسه "
         "عملکرد با برنامه."),
        ("Впишите в обязанности специалиста план продаж: цели по командам или продавцам в CRM и ежемесячный "
         "отчёт «план — факт»."),
    ),
    "step_duty_need_crm_not_developed": (
        ("Write system development into the specialist's duties: one list of change requests, reviewed with "
         "the unit heads every quarter."),
        ("توسعه سیستم را جزو وظایف کارشناس بنویسید: یک فهرست واحد از درخواست‌های تغییر که هر سه ماه یک‌بار با "
         "مدیران واحدها مرور می‌شود."),
        ("Впишите в обязанности специалиста развитие системы: единый список запросов на доработку, который "
         "раз в квартал разбирается с руководителями подразделений."),
    ),
    "step_duty_need_negative_reviews": (
        ("Write complaint follow-up into the specialist's duties: every complaint and review logged, its "
         "answer tracked, and recurring causes reported."),
        ("پیگیری شکایت‌ها را جزو وظایف کارشناس بنویسید: ثبت هر شکایت و نظر، پیگیری پاسخ آن و گزارش علت‌های "
         "تکراری."),
        ("Впишите в обязанности специалиста работу с жалобами: каждая жалоба и отзыв регистрируются, ответ "
         "на них отслеживается, повторяющиеся причины попадают в отчёт."),
    ),
    "step_duty_need_large_business": (
        "Write regular analytical reporting for the owners into the specialist's duties.",
        "تهیه منظم گزارش‌های تحلیلی برای مالکان را جزو وظایف کارشناس بنویسید.",
        "Впишите в обязанности специалиста регулярную аналитическую отчётность для собственников.",
    ),
    # ------------------------------------------------------------------ what comes next
    "step_next_needed_now": (
        ("With {yes} of the {total} signs present, start the pre-deployment work with the consultant — "
         "requirements list, customer profile, process design — and choose the software only after it{when}."),
        ("با وجود {yes} نشانه از {total} نشانه، کارهای پیش از استقرار را همراه مشاور شروع کنید (فهرست "
         "نیازمندی‌ها، پروفایل مشتری، طراحی فرایندها) و نرم‌افزار را فقط پس از آن انتخاب کنید{when}."),
        ("Признаков совпало {yes} из {total}, поэтому вместе с консультантом начинайте подготовительный "
         "этап — перечень требований, профиль клиента, проектирование процессов — и выбирайте систему "
         "только после него{when}."),
    ),
    "step_next_prepare_first": (
        ("With {yes} of the {total} signs present, do the groundwork above first; then go through the signs "
         "again and choose software only if they persist, so that the licences pay off."),
        ("با وجود {yes} نشانه از {total} نشانه، اول مقدمات بالا را فراهم کنید؛ سپس نشانه‌ها را دوباره بررسی "
         "کنید و فقط اگر همچنان پابرجا بودند نرم‌افزار را انتخاب کنید تا هزینه آن به ثمر برسد."),
        ("Признаков совпало {yes} из {total}: сначала выполните подготовку, описанную выше, затем ещё раз "
         "пройдитесь по признакам и выбирайте систему, только если они никуда не делись, — тогда лицензии "
         "окупятся."),
    ),
    "step_next_not_yet": (
        ("With {yes} of the {total} signs present, a CRM would not pay off yet: keep one shared customer "
         "list with a named owner, and go through the seven signs again in six months or when the sales "
         "team grows."),
        ("با {yes} نشانه از {total} نشانه، CRM هنوز هزینه‌اش را جبران نمی‌کند: فعلاً یک فهرست مشترک از "
         "مشتریان با مسئول مشخص نگه دارید و شش ماه دیگر، یا هر وقت تیم فروش بزرگ‌تر شد، هفت نشانه را دوباره "
         "بررسی کنید."),
        ("Признаков совпало {yes} из {total} — CRM пока не окупится: ведите единый общий список клиентов с "
         "назначенным ответственным и вернитесь к семи признакам через полгода или когда вырастет отдел "
         "продаж."),
    ),
}
