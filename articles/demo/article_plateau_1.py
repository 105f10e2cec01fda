ARTICLE = dict(
    slug_en="where-the-water-went",
    slug_fa="آب-کجا-رفت",
    headline_en="Where the water went: the slow drying of the central plateau",
    headline_fa="آب کجا رفت؛ خشک شدن آرام فلات مرکزی",
    standfirst_en="For half a century the plateau has pumped more water than the rain gives back. The bill is arriving as sinking ground, dry qanats and hard choices for farmers.",
    standfirst_fa="نیم قرن است که فلات مرکزی بیش از آنچه باران برمی‌گرداند آب کشیده است. صورت‌حساب حالا با زمین‌های نشست‌کرده، قنات‌های خشک و انتخاب‌های دشوار کشاورزان از راه می‌رسد.",
    body_en="""<p>Drive east from any of the old oasis towns of the central plateau and the story of the last fifty years is written on the land. Lines of qanat shafts, the mounds that once marked underground channels carrying water from the foothills, run across the fields like stitches. Most of them are dry now. A few hundred metres away, a diesel pump hums beside a concrete pool, drawing water from a well that goes down further every decade.</p>
<p>The plateau was never rich in water, but for centuries it lived within its means. The qanat was a patient technology: it took only what flowed by gravity from the aquifer, and when the water table fell, the flow fell with it. The deep well changed that bargain. A pump does not wait for the aquifer to refill; it simply follows the water down.</p>
<h2>A bank account with no statements</h2>
<p>Hydrologists like to describe an aquifer as a savings account. Rain and snowmelt make the deposits; wells make the withdrawals. For most of the twentieth century nobody on the plateau could see the balance. Farmers knew only that the water still came when they switched on the pump, and that the pump needed to be lowered every few years.</p>
<p>Researchers at a fictional regional water institute we spoke to estimate that in many basins withdrawals have exceeded recharge for more than three decades. They are careful with numbers, because measurement itself is patchy: many wells were dug without permits, and meters, where they exist, are often broken or bypassed. What is not in doubt is the direction of travel.</p>
<blockquote>"My grandfather's qanat fed the whole village and never went dry in summer," says Hossein Bagheri, an invented farmer whose account echoes many we heard. "My father dug the first well. I have deepened it three times. My son asks me what will be left for him, and I do not have an answer."</blockquote>
<h2>When the ground gives way</h2>
<p>The most visible sign of an overdrawn aquifer is not the water but the earth. When water is pumped out of fine-grained sediment, the layers compact, and the surface above them sinks. Satellite measurements have shown land subsidence across several plains of the plateau, in places measured in centimetres per year. The damage is permanent: compacted clay does not expand again when the rain returns, so part of the aquifer's capacity is simply lost.</p>
<p>Subsidence cracks roads, tilts the walls of old houses and threatens railway lines and pipelines. It also opens fissures in farmland that can swallow an irrigation channel overnight. For people who live on these plains, the crisis is no longer an abstraction in a report; it is a crack running across the courtyard.</p>
<h2>Why farmers keep pumping</h2>
<p>It would be easy to blame farmers, who use the large majority of the plateau's water. But the choices they face are shaped by forces far beyond the field. Crops such as wheat and melons have guaranteed buyers and familiar prices; changing to less thirsty crops means new equipment, new markets and new risks. Cheap electricity and fuel make pumping inexpensive. And when a neighbour's well is deeper than yours, restraint feels like handing your share of water to someone else.</p>
<ul>
<li>Cheap energy keeps the cost of pumping low.</li>
<li>Guaranteed purchase prices reward familiar, water-hungry crops.</li>
<li>Unlicensed wells make every limit easy to ignore.</li>
<li>Each farmer fears that saving water only leaves more for the next well.</li>
</ul>
<p>Economists call this a tragedy of the commons, and the plateau is a textbook case. No single farmer can save the aquifer, and no single farmer has a reason to try.</p>
<h2>What the first part of this series asks</h2>
<p>The question this series sets out to answer is not whether the plateau is drying; that is settled. It is who will bear the cost of the adjustment, and whether the adjustment will be planned or forced. In the next part we follow the water into the cities, where scarcity shows up not as a cracked field but as a tariff, a leaking pipe and a municipal budget under strain. In the third, we look at what could refill the aquifers, and at the ideas that promise more than they can deliver.</p>
<p>For the villages along the old qanat lines, the answer matters more than anywhere. They were built around water that flowed by itself. Whether they have a future depends on whether the plateau can learn, once again, to live within its means.</p>""",
    body_fa="""<p>از هر یک از شهرهای واحه‌ای کهن فلات مرکزی که به سمت شرق راه بیفتید، داستان پنجاه سال گذشته را روی زمین می‌بینید. رشته‌های میله‌چاه‌های قنات، همان تپه‌های کوچکی که روزگاری مسیر کانال‌های زیرزمینی آب را از دامنهٔ کوه‌ها نشان می‌دادند، مثل بخیه‌هایی از میان کشتزارها می‌گذرند. بیشترشان حالا خشک‌اند. چند صد متر آن‌طرف‌تر، پمپی گازوئیلی کنار استخری بتنی کار می‌کند و آب را از چاهی بالا می‌کشد که هر دهه عمیق‌تر می‌شود.</p>
<p>فلات هرگز پرآب نبود، اما قرن‌ها به اندازهٔ توانش زندگی کرد. قنات فناوری صبوری بود: فقط همان آبی را برمی‌داشت که با شیب طبیعی از آبخوان جاری می‌شد، و وقتی سطح آب پایین می‌رفت، جریان قنات هم کم می‌شد. چاه عمیق این قرار را به هم زد. پمپ منتظر پر شدن دوبارهٔ آبخوان نمی‌ماند؛ فقط آب را تا پایین دنبال می‌کند.</p>
<h2>حساب بانکی بی‌صورت‌حساب</h2>
<p>آب‌شناسان دوست دارند آبخوان را به حساب پس‌انداز تشبیه کنند. باران و آب برف‌ها واریز می‌کنند و چاه‌ها برداشت. در بیشتر قرن بیستم هیچ‌کس در فلات مانده‌حساب را نمی‌دید. کشاورزان فقط می‌دانستند که با روشن کردن پمپ هنوز آب می‌آید و هر چند سال یک بار باید پمپ را پایین‌تر برد.</p>
<p>پژوهشگران یک مؤسسهٔ خیالی منطقه‌ای آب که با آن‌ها گفت‌وگو کردیم، برآورد می‌کنند که در بسیاری از دشت‌ها بیش از سه دهه است برداشت از تغذیه پیشی گرفته است. آن‌ها با اعداد محتاط‌اند، چون خود اندازه‌گیری هم ناقص است: بسیاری از چاه‌ها بدون مجوز حفر شده‌اند و کنتورها، هر جا که باشند، اغلب خراب‌اند یا دور زده می‌شوند. آنچه جای تردید ندارد، جهت حرکت است.</p>
<blockquote>حسین باقری، کشاورزی خیالی که روایتش با بسیاری از روایت‌هایی که شنیدیم هم‌صداست، می‌گوید: «قنات پدربزرگم آب همهٔ ده را می‌داد و تابستان هم خشک نمی‌شد. پدرم اولین چاه را زد. من سه بار عمیق‌ترش کرده‌ام. پسرم می‌پرسد برای او چه می‌ماند و من جوابی ندارم.»</blockquote>
<h2>وقتی زمین وا می‌دهد</h2>
<p>آشکارترین نشانهٔ آبخوانی که بیش از توانش برداشت شده، نه خود آب که خاک است. وقتی آب از رسوبات ریزدانه بیرون کشیده می‌شود، لایه‌ها فشرده می‌شوند و سطح زمین بالای آن‌ها فرو می‌نشیند. اندازه‌گیری‌های ماهواره‌ای در چند دشت فلات فرونشست زمین را نشان داده‌اند که در برخی نقاط به چند سانتی‌متر در سال می‌رسد. این آسیب جبران‌ناپذیر است: رس فشرده با بازگشت باران دوباره باز نمی‌شود و بخشی از ظرفیت آبخوان برای همیشه از دست می‌رود.</p>
<p>فرونشست جاده‌ها را ترک می‌دهد، دیوار خانه‌های قدیمی را کج می‌کند و خطوط راه‌آهن و لوله‌ها را تهدید می‌کند. در کشتزارها هم شکاف‌هایی باز می‌کند که ممکن است یک‌شبه جوی آبیاری را ببلعد. برای مردمی که در این دشت‌ها زندگی می‌کنند، بحران دیگر مفهومی انتزاعی در یک گزارش نیست؛ ترکی است که از وسط حیاط خانه می‌گذرد.</p>
<h2>چرا کشاورزان همچنان آب می‌کشند</h2>
<p>سرزنش کشاورزان که بخش بزرگی از آب فلات را مصرف می‌کنند، آسان است. اما انتخاب‌های آن‌ها را نیروهایی شکل می‌دهند که بسیار فراتر از مزرعه‌اند. محصولاتی مثل گندم و خربزه خریدار تضمینی و قیمت آشنا دارند؛ رفتن به سراغ محصولات کم‌آب‌بر یعنی تجهیزات تازه، بازار تازه و خطر تازه. برق و سوخت ارزان، پمپاژ را کم‌هزینه می‌کند. و وقتی چاه همسایه از چاه شما عمیق‌تر است، خویشتن‌داری به معنای واگذاری سهم آب خودتان به دیگری است.</p>
<ul>
<li>انرژی ارزان هزینهٔ پمپاژ را پایین نگه می‌دارد.</li>
<li>قیمت‌های خرید تضمینی به محصولات آشنا و پرآب‌بر پاداش می‌دهد.</li>
<li>چاه‌های غیرمجاز رعایت هر محدودیتی را بی‌معنا می‌کنند.</li>
<li>هر کشاورز می‌ترسد صرفه‌جویی او فقط سهم چاه بعدی را بیشتر کند.</li>
</ul>
<p>اقتصاددانان این وضع را تراژدی منابع مشترک می‌نامند و فلات نمونهٔ درسی آن است. هیچ کشاورزی به‌تنهایی نمی‌تواند آبخوان را نجات دهد و هیچ کشاورزی هم دلیلی برای تلاش ندارد.</p>
<h2>پرسش بخش نخست این مجموعه</h2>
<p>پرسشی که این مجموعه می‌خواهد به آن پاسخ دهد این نیست که آیا فلات در حال خشک شدن است؛ این موضوع روشن است. پرسش این است که هزینهٔ سازگاری را چه کسی خواهد پرداخت و آیا این سازگاری برنامه‌ریزی‌شده خواهد بود یا تحمیلی. در بخش بعد، آب را تا شهرها دنبال می‌کنیم؛ جایی که کم‌آبی نه به شکل مزرعه‌ای ترک‌خورده، که به شکل تعرفه، لولهٔ نشتی و بودجهٔ شهری زیر فشار خود را نشان می‌دهد. در بخش سوم به این می‌پردازیم که چه چیزی می‌تواند آبخوان‌ها را دوباره پر کند و کدام ایده‌ها بیش از توانشان وعده می‌دهند.</p>
<p>برای روستاهای کنار رشته‌قنات‌های کهن، این پاسخ بیش از هر جای دیگری اهمیت دارد. این روستاها بر پایهٔ آبی ساخته شدند که خودبه‌خود جاری بود. آینده‌شان به این بستگی دارد که آیا فلات می‌تواند بار دیگر یاد بگیرد به اندازهٔ توانش زندگی کند.</p>""",
    image_alt_en="Illustration: ochre and pale blue bands with soft circles, suggesting a dry plain under a hazy sky",
    image_alt_fa="تصویرسازی: نوارهای اُخرایی و آبی کم‌رنگ با دایره‌هایی محو، یادآور دشتی خشک زیر آسمانی مه‌آلود",
    image_caption_en="The qanat lines of the plateau, imagined in colour.",
    image_caption_fa="رشته‌قنات‌های فلات، در خیالی رنگی.",
    image_credit_en="Illustration: Newsroom",
    image_credit_fa="تصویرسازی: نیوزروم",
    authors=["daniel-hart", "maryam-karimi"],
    section="environment",
    tags=["water", "agriculture"],
    series="the-thirsty-plateau",
    part=1,
    status="published",
    days_ago=12,
    colours=("#c08a4a", "#7fa6c4"),
)
