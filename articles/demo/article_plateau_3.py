ARTICLE = dict(
    slug_en="rain-that-never-reached-the-aquifer",
    slug_fa="بارانی-که-به-آبخوان-نرسید",
    headline_en="Rain that never reached the aquifer: can the plateau refill its wells?",
    headline_fa="بارانی که به آبخوان نرسید؛ آیا فلات می‌تواند چاه‌هایش را دوباره پر کند؟",
    standfirst_en="Floodwater spreading, rainwater harvesting and recharge wells all promise to put water back underground. Some work well; none can replace pumping less.",
    standfirst_fa="پخش سیلاب، جمع‌آوری آب باران و چاه‌های تغذیه همه وعدهٔ بازگرداندن آب به زیر زمین را می‌دهند. برخی خوب جواب می‌دهند؛ هیچ‌کدام جای برداشت کمتر را نمی‌گیرند.",
    body_en="""<p>On the plateau, the rain that matters most often arrives in the worst possible way: a few violent storms a year, falling on hard, bare ground and racing down dry riverbeds towards salt flats where it evaporates. Much of that water could have soaked into the aquifers the plateau has spent half a century draining. The final part of this series asks whether it can be caught.</p>
<p>Managed aquifer recharge, the engineers' term for deliberately putting water back underground, is not new. The qanat builders understood it, and the plateau has decades of experience with floodwater spreading schemes. The question is how much difference they can make, and what else has to change for them to matter.</p>
<h2>Spreading the flood</h2>
<p>The simplest schemes are also the oldest. Low earth banks and shallow basins slow floodwater on alluvial fans, where coarse gravel lets it sink quickly towards the water table. Where such schemes have been maintained, nearby wells have often recovered noticeably, and vegetation returns to the slopes. Their weakness is maintenance: silt clogs the basins within a few seasons, and a scheme that is not cleaned becomes a shallow pond that loses its water to the sun.</p>
<blockquote>"A recharge basin is like a garden," says Parisa Ghaffari, an invented hydrogeologist who has worked on such projects. "Build it and walk away, and in five years you have a field of dried mud. Clean it every year, and it keeps paying you back."</blockquote>
<h2>The rain on the roofs</h2>
<p>Cities offer another source. Every roof, car park and road sheds rain that now flows into storm drains and out of town. Collecting it in tanks, or directing it into infiltration trenches and soakaways in parks, can return a meaningful share to shallow aquifers beneath the city. It also reduces urban flooding, which has become more frequent as paved surfaces spread.</p>
<p>The obstacles are ordinary rather than technical. Building codes rarely require it, maintenance responsibilities are unclear, and urban runoff carries oil and rubbish that must be filtered before it goes underground. None of these problems is hard to solve; all of them require someone to own the solution.</p>
<ul>
<li>Floodwater spreading on gravel fans: cheap, proven, needs yearly cleaning.</li>
<li>Infiltration in parks and along roads: reduces flooding as well as recharging.</li>
<li>Recharge wells: fast, but need clean water to avoid clogging the aquifer.</li>
<li>Treated wastewater: a steady source, if public trust and quality controls exist.</li>
</ul>
<h2>The arithmetic of refilling</h2>
<p>Here the honest answer becomes uncomfortable. In the most heavily drawn basins, the yearly deficit is far larger than anything recharge schemes could add in an average year. Recharge can slow the decline, protect a town's wells and buy time. It cannot, on its own, balance an account in which withdrawals have exceeded deposits for decades. And where the ground has already subsided, part of the storage is gone for good.</p>
<p>This is why the experts we spoke to insisted that recharge and demand belong in the same plan. A basin that captures more floodwater but keeps drilling new wells will simply pump the extra water out again. A basin that caps its wells, meters its use and invests in recharge can begin, slowly, to rebuild what it lost.</p>
<h2>What the series found</h2>
<p>Across three parts, the same lesson has appeared in different forms. In the fields, water is cheap to pump and expensive to save. In the cities, it is priced below its cost and lost in leaking pipes. Underground, it can be put back, but only as fast as the basins are maintained and only if less is taken out. The plateau's water crisis is not a shortage of ideas; it is a shortage of institutions that can make a thousand separate users act as one.</p>
<p>The rain will keep coming in its violent, uneven way. Whether it reaches the aquifer or the salt flat is, to a surprising degree, a choice.</p>""",
    body_fa="""<p>در فلات، بارانی که بیش از همه اهمیت دارد، اغلب به بدترین شکل ممکن می‌بارد: چند توفان تند در سال که روی زمین سخت و برهنه فرود می‌آید و از بستر رودهای خشک به سوی کویرها می‌تازد و همان‌جا بخار می‌شود. بخش بزرگی از این آب می‌توانست در آبخوان‌هایی فرو برود که فلات نیم قرن است تخلیه‌شان می‌کند. بخش پایانی این مجموعه می‌پرسد آیا می‌شود این آب را نگه داشت.</p>
<p>تغذیهٔ مصنوعی آبخوان، اصطلاحی که مهندسان برای بازگرداندن عمدی آب به زیر زمین به کار می‌برند، تازه نیست. سازندگان قنات آن را می‌فهمیدند و فلات چند دهه تجربهٔ طرح‌های پخش سیلاب دارد. پرسش این است که این طرح‌ها چقدر می‌توانند اثر بگذارند و چه چیز دیگری باید تغییر کند تا اثرشان به چشم بیاید.</p>
<h2>پخش سیلاب</h2>
<p>ساده‌ترین طرح‌ها قدیمی‌ترین‌ها هم هستند. خاکریزهای کوتاه و حوضچه‌های کم‌عمق، سیلاب را روی مخروط‌افکنه‌ها کند می‌کنند؛ جایی که شن درشت اجازه می‌دهد آب به‌سرعت به سوی سطح ایستابی فرو رود. هر جا این طرح‌ها نگهداری شده‌اند، چاه‌های اطراف اغلب به‌وضوح بهبود یافته‌اند و پوشش گیاهی به دامنه‌ها برگشته است. نقطهٔ ضعفشان نگهداری است: لای و رس در چند فصل حوضچه‌ها را می‌بندد و طرحی که لایروبی نشود، به برکه‌ای کم‌عمق بدل می‌شود که آبش را به آفتاب می‌بازد.</p>
<blockquote>پریسا غفاری، آب‌شناسی خیالی که در چنین طرح‌هایی کار کرده، می‌گوید: «حوضچهٔ تغذیه مثل باغ است. بسازی و رهایش کنی، پنج سال بعد مزرعه‌ای از گل خشک داری. هر سال تمیزش کنی، همچنان جبران می‌کند.»</blockquote>
<h2>بارانی که روی بام‌ها می‌بارد</h2>
<p>شهرها منبع دیگری پیش رو می‌گذارند. هر بام، پارکینگ و خیابان بارانی را روانه می‌کند که اکنون به آبروها می‌ریزد و از شهر بیرون می‌رود. جمع کردن آن در مخزن یا هدایتش به ترانشه‌ها و چاهک‌های نفوذ در پارک‌ها می‌تواند سهم قابل توجهی را به آبخوان‌های کم‌عمق زیر شهر برگرداند. این کار سیل‌های شهری را هم کم می‌کند؛ سیل‌هایی که با گسترش سطوح آسفالته پرتکرارتر شده‌اند.</p>
<p>موانع بیشتر روزمره‌اند تا فنی. ضوابط ساختمانی به‌ندرت آن را الزامی می‌کنند، مسئولیت نگهداری روشن نیست و روان‌آب شهری روغن و زباله با خود دارد که باید پیش از رفتن به زیر زمین پالایش شود. هیچ‌یک از این مشکلات حل‌نشدنی نیست؛ همه‌شان نیاز دارند کسی مسئولیت راه‌حل را بر عهده بگیرد.</p>
<ul>
<li>پخش سیلاب روی مخروط‌افکنه‌ها: ارزان و آزموده، نیازمند لایروبی سالانه.</li>
<li>نفوذ در پارک‌ها و کنار خیابان‌ها: هم سیل را کم می‌کند و هم آبخوان را تغذیه.</li>
<li>چاه‌های تغذیه: سریع، اما برای نبستن آبخوان به آب پاکیزه نیاز دارند.</li>
<li>پساب تصفیه‌شده: منبعی پایدار، اگر اعتماد عمومی و کنترل کیفیت در کار باشد.</li>
</ul>
<h2>حساب پر کردن دوباره</h2>
<p>اینجا پاسخ صادقانه ناخوشایند می‌شود. در دشت‌هایی که بیشترین برداشت را داشته‌اند، کسری سالانه بسیار بزرگ‌تر از چیزی است که طرح‌های تغذیه در یک سال معمولی می‌توانند اضافه کنند. تغذیه می‌تواند افت را کند کند، از چاه‌های یک شهر محافظت کند و زمان بخرد. اما به‌تنهایی نمی‌تواند حسابی را تراز کند که دهه‌ها برداشتش از واریزش بیشتر بوده است. و جایی که زمین فرونشسته، بخشی از ظرفیت ذخیره برای همیشه رفته است.</p>
<p>به همین دلیل کارشناسانی که با آن‌ها گفت‌وگو کردیم تأکید داشتند که تغذیه و مدیریت مصرف باید در یک برنامه باشند. دشتی که سیلاب بیشتری نگه دارد اما همچنان چاه تازه حفر کند، آب اضافه را دوباره بیرون می‌کشد. دشتی که چاه‌هایش را محدود کند، مصرف را اندازه بگیرد و روی تغذیه سرمایه‌گذاری کند، می‌تواند آرام‌آرام آنچه را از دست داده بازسازی کند.</p>
<h2>آنچه این مجموعه یافت</h2>
<p>در سه بخش، یک درس به شکل‌های گوناگون تکرار شد. در مزرعه، پمپاژ آب ارزان است و صرفه‌جویی گران. در شهر، آب زیر قیمت تمام‌شده فروخته می‌شود و در لوله‌های نشتی هدر می‌رود. در زیر زمین، می‌توان آب را برگرداند، اما فقط به اندازه‌ای که حوضچه‌ها نگهداری شوند و فقط اگر برداشت کمتر شود. بحران آب فلات کمبود ایده نیست؛ کمبود نهادهایی است که بتوانند هزاران مصرف‌کنندهٔ جدا از هم را به رفتاری یکپارچه وادارند.</p>
<p>باران همچنان به همان شیوهٔ تند و ناهموارش خواهد بارید. اینکه به آبخوان برسد یا به کویر، به شکلی شگفت‌انگیز، یک انتخاب است.</p>""",
    image_alt_en="Illustration: deep blue fading into sand colour, with soft circles like raindrops on dry ground",
    image_alt_fa="تصویرسازی: آبی تیره که به رنگ شن محو می‌شود، با دایره‌هایی نرم مانند قطره‌های باران روی زمین خشک",
    image_caption_en="Storm water on the plateau, imagined in colour.",
    image_caption_fa="سیلاب در فلات، در خیالی رنگی.",
    image_credit_en="Illustration: Newsroom",
    image_credit_fa="تصویرسازی: نیوزروم",
    authors=["daniel-hart"],
    section="environment",
    tags=["water", "agriculture"],
    series="the-thirsty-plateau",
    part=3,
    status="published",
    days_ago=-3,
    colours=("#1f4e8c", "#d9b77a"),
)
