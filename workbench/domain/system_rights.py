"""System rights: org-wide privileges that no object permission carries, in one CRM-neutral vocabulary.

A role's `system_rights` say which of these it holds by design; each CRM adapter maps them onto its own
privileges through `crm_mappings.<target>.system_rights` (Salesforce user permissions, Dynamics 365
miscellaneous privileges, Odoo groups, EspoCRM role fields, SuiteCRM admin actions). They are the rights
an attacker or a careless admin wants most, which is why a live grant beyond the design is an error.

In permission matrices (designed, projected, live) a system right is the cell (role, SYSTEM, right) with
scope `all`: the object id SYSTEM is not a valid playbook id, so it can never collide with an object.
"""

from __future__ import annotations

from typing import Literal

SystemRight = Literal["modify_all_data", "view_all_data", "export_data", "import_data", "bulk_delete",
                      "manage_users", "customize_system", "author_code", "assign_records"]
SYSTEM_RIGHTS: tuple[str, ...] = ("modify_all_data", "view_all_data", "export_data", "import_data",
                                  "bulk_delete", "manage_users", "customize_system", "author_code",
                                  "assign_records")
SYSTEM = "(system)"
"""The object id system rights use in (role, object, action) cells."""
HELD = "all"
"""A system right is org-wide: held means scope all."""

LABELS: dict[str, dict[str, str]] = {
    "modify_all_data": {"en": "Modify all data (edit and delete every record, past any sharing)",
                        "fa": "ویرایش همه داده‌ها (ویرایش و حذف هر رکورد، فراتر از هر اشتراک‌گذاری)",
                        "ru": "Изменение всех данных (правка и удаление любых записей в обход доступа)"},
    "view_all_data": {"en": "View all data (read every record, past any sharing)",
                      "fa": "مشاهده همه داده‌ها (خواندن هر رکورد، فراتر از هر اشتراک‌گذاری)",
                      "ru": "Просмотр всех данных (чтение любых записей в обход доступа)"},
    "export_data": {"en": "Export data (reports and lists to files)",
                    "fa": "خروجی گرفتن از داده‌ها (گزارش‌ها و فهرست‌ها به فایل)",
                    "ru": "Выгрузка данных (отчёты и списки в файлы)"},
    "import_data": {"en": "Import data (bulk load records from files)",
                    "fa": "ورود داده (بارگذاری گروهی رکوردها از فایل)",
                    "ru": "Импорт данных (массовая загрузка записей из файлов)"},
    "bulk_delete": {"en": "Bulk delete (remove many records at once, past the recycle bin)",
                    "fa": "حذف گروهی (حذف هم‌زمان رکوردهای بسیار، بدون سطل بازیافت)",
                    "ru": "Массовое удаление (удаление множества записей сразу, минуя корзину)"},
    "manage_users": {"en": "Manage users (create, deactivate, reset passwords, grant roles)",
                     "fa": "مدیریت کاربران (ایجاد، غیرفعال‌سازی، بازنشانی گذرواژه، اعطای نقش)",
                     "ru": "Управление пользователями (создание, отключение, сброс паролей, выдача ролей)"},
    "customize_system": {"en": "Customize the system (fields, layouts, settings)",
                         "fa": "سفارشی‌سازی سیستم (فیلدها، چیدمان‌ها، تنظیمات)",
                         "ru": "Настройка системы (поля, макеты, параметры)"},
    "author_code": {"en": "Author code (server-side code, plug-ins, code actions)",
                    "fa": "نوشتن کد (کد سمت سرور، افزونه‌ها، اقدام‌های کدی)",
                    "ru": "Написание кода (серверный код, плагины, программные действия)"},
    "assign_records": {"en": "Assign records to anyone (transfer ownership org-wide)",
                       "fa": "واگذاری رکورد به هر کس (انتقال مالکیت در کل سازمان)",
                       "ru": "Передача записей любому (смена владельца в масштабах организации)"},
}


def label(right: str, lang: str = "en") -> str:
    """The right's label in `lang` (English when missing), or the id for a name outside the vocabulary."""
    labels = LABELS.get(right, {})
    return labels.get(lang) or labels.get("en") or right


VOCABULARY = "; ".join(f"{right}: {LABELS[right]['en']}" for right in SYSTEM_RIGHTS)
"""The vocabulary in one line, for the JSON Schema's descriptions (editors show it on hover)."""
