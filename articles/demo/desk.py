"""The demo newsroom's people, sections, tags and series (original text written for this project)."""

AUTHORS = [
    {
        "slug": "maryam-karimi",
        "name_en": "Maryam Karimi",
        "name_fa": "مریم کریمی",
        "job_title_en": "Economics editor",
        "job_title_fa": "دبیر بخش اقتصاد",
        "bio_en": (
            "Maryam Karimi edits the economics desk. She has spent fifteen years reporting on prices, "
            "wages and household budgets, and on how policy decisions land at the kitchen table."
        ),
        "bio_fa": (
            "مریم کریمی دبیر بخش اقتصاد است. او پانزده سال دربارهٔ قیمت‌ها، دستمزدها و بودجهٔ خانوار "
            "گزارش نوشته و بیش از هر چیز به این پرداخته که تصمیم‌های اقتصادی سرانجام چگونه به سفرهٔ مردم می‌رسد."
        ),
        "email": "maryam.karimi@example.org",
        "website": "https://maryamkarimi.example.org",
        "x": "maryamkarimi_demo",
        "telegram": "maryamkarimi_demo",
        "linkedin": "https://www.linkedin.com/in/maryam-karimi-demo",
        "instagram": "",
        "colour": "#8a4b2f",
    },
    {
        "slug": "daniel-hart",
        "name_en": "Daniel Hart",
        "name_fa": "دنیل هارت",
        "job_title_en": "Environment correspondent",
        "job_title_fa": "خبرنگار محیط زیست",
        "bio_en": (
            "Daniel Hart covers water, climate and land use. He has reported from river basins on three "
            "continents and writes about the slow crises that rarely make the front page."
        ),
        "bio_fa": (
            "دنیل هارت دربارهٔ آب، اقلیم و کاربری زمین می‌نویسد. او از حوضه‌های آبریز سه قاره گزارش تهیه کرده "
            "و به بحران‌های آرامی می‌پردازد که کمتر به صفحهٔ نخست روزنامه‌ها راه پیدا می‌کنند."
        ),
        "email": "daniel.hart@example.org",
        "website": "",
        "x": "danielhart_demo",
        "telegram": "",
        "linkedin": "https://www.linkedin.com/in/daniel-hart-demo",
        "instagram": "danielhart_demo",
        "colour": "#2f6f8a",
    },
    {
        "slug": "sara-ahmadi",
        "name_en": "Sara Ahmadi",
        "name_fa": "سارا احمدی",
        "job_title_en": "Culture writer",
        "job_title_fa": "نویسندهٔ فرهنگی",
        "bio_en": (
            "Sara Ahmadi writes about books, translation and the cultural life of cities. Before joining "
            "the desk she worked as an editor at a small literary publisher."
        ),
        "bio_fa": (
            "سارا احمدی دربارهٔ کتاب، ترجمه و زندگی فرهنگی شهرها می‌نویسد. او پیش از پیوستن به تحریریه "
            "ویراستار یک نشر کوچک ادبی بود."
        ),
        "email": "sara.ahmadi@example.org",
        "website": "https://saraahmadi.example.org",
        "x": "",
        "telegram": "saraahmadi_demo",
        "linkedin": "",
        "instagram": "saraahmadi_demo",
        "colour": "#6b3f7a",
    },
    {
        "slug": "reza-tehrani",
        "name_en": "Reza Tehrani",
        "name_fa": "رضا تهرانی",
        "job_title_en": "Technology analyst",
        "job_title_fa": "تحلیلگر فناوری",
        "bio_en": (
            "Reza Tehrani analyses how platforms, networks and energy systems change everyday work. "
            "He trained as an electrical engineer and still reads grid reports for pleasure."
        ),
        "bio_fa": (
            "رضا تهرانی بررسی می‌کند که سکوهای دیجیتال، شبکه‌ها و سامانه‌های انرژی چگونه کار روزمره را "
            "دگرگون می‌کنند. او مهندسی برق خوانده و هنوز گزارش‌های شبکهٔ برق را با لذت می‌خواند."
        ),
        "email": "reza.tehrani@example.org",
        "website": "",
        "x": "rezatehrani_demo",
        "telegram": "rezatehrani_demo",
        "linkedin": "https://www.linkedin.com/in/reza-tehrani-demo",
        "instagram": "",
        "colour": "#3f7a4f",
    },
]

SECTIONS = [
    {"slug_en": "economy", "slug_fa": "اقتصاد", "name_en": "Economy", "name_fa": "اقتصاد"},
    {"slug_en": "environment", "slug_fa": "محیط-زیست", "name_en": "Environment", "name_fa": "محیط زیست"},
    {"slug_en": "culture", "slug_fa": "فرهنگ", "name_en": "Culture", "name_fa": "فرهنگ"},
]

TAGS = [
    {"slug_en": "water", "slug_fa": "آب", "name_en": "Water", "name_fa": "آب"},
    {"slug_en": "agriculture", "slug_fa": "کشاورزی", "name_en": "Agriculture", "name_fa": "کشاورزی"},
    {"slug_en": "inflation", "slug_fa": "تورم", "name_en": "Inflation", "name_fa": "تورم"},
    {"slug_en": "labour", "slug_fa": "کار", "name_en": "Labour", "name_fa": "کار"},
    {"slug_en": "cities", "slug_fa": "شهرها", "name_en": "Cities", "name_fa": "شهرها"},
    {"slug_en": "technology", "slug_fa": "فناوری", "name_en": "Technology", "name_fa": "فناوری"},
    {"slug_en": "literature", "slug_fa": "ادبیات", "name_en": "Literature", "name_fa": "ادبیات"},
    {"slug_en": "energy", "slug_fa": "انرژی", "name_en": "Energy", "name_fa": "انرژی"},
]

SERIES = [
    {
        "slug_en": "the-thirsty-plateau",
        "slug_fa": "فلات-تشنه",
        "title_en": "The Thirsty Plateau",
        "title_fa": "فلات تشنه",
        "description_en": (
            "A series on water scarcity on Iran's central plateau: where the groundwater went, what "
            "scarcity costs the cities, and what could refill the aquifers."
        ),
        "description_fa": (
            "مجموعه‌ای دربارهٔ کم‌آبی در فلات مرکزی ایران: آب‌های زیرزمینی کجا رفتند، کم‌آبی چه هزینه‌ای "
            "بر دوش شهرها می‌گذارد و چه چیزی می‌تواند آبخوان‌ها را دوباره پر کند."
        ),
    },
]
