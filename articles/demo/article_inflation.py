ARTICLE = dict(
    slug_en="living-with-inflation",
    slug_fa="زندگی-با-تورم",
    headline_en="Living with inflation: how households rewrite the monthly budget",
    headline_fa="زندگی با تورم؛ خانوارها چگونه بودجهٔ ماهانه را از نو می‌نویسند",
    standfirst_en="Years of high inflation have taught families to spend fast, save in anything but cash and cut what they once thought essential. The middle class is where the squeeze shows most.",
    standfirst_fa="سال‌ها تورم بالا به خانواده‌ها آموخته است که سریع خرج کنند، به هر چیزی جز پول نقد پس‌انداز کنند و از آنچه روزی ضروری می‌دانستند بگذرند. فشار بیش از همه بر طبقهٔ متوسط دیده می‌شود.",
    body_en="""<p>Ask a family that has lived through several years of high inflation how they manage, and the answer rarely begins with economics. It begins with habits. They shop on the day the salary arrives. They buy a second bag of rice when there is room in the cupboard. They ask for the price before they ask about the quality, and they no longer trust that anything will cost the same next month.</p>
<p>Inflation is usually reported as a single number. For households it is something else: a steady pressure that changes how people plan, save and even think about the future. This piece looks at how that pressure is rewriting the monthly budget, and why it falls unevenly.</p>
<h2>Spend it before it shrinks</h2>
<p>The first rule of an inflationary household is that cash is a melting ice cube. Money kept in a drawer or a current account loses value every week, so families convert it into goods as soon as they can. Durable items, from tyres to washing machines, are bought early rather than when needed. Food is stocked when it can be afforded, not when it runs out.</p>
<p>This behaviour is rational for each family and self-defeating for all of them together. When everyone buys ahead, demand rises at once, shops raise prices, and the expectation of inflation becomes part of what produces it. Economists call this the unanchoring of expectations, and once it happens it is stubborn to reverse.</p>
<blockquote>"We used to plan a year ahead," says Nasrin Azimi, an invented schoolteacher and mother of two whose story resembles many we heard. "Now I plan a month, sometimes a week. The salary is gone in ten days, and the rest of the month is arithmetic."</blockquote>
<h2>Saving in everything but money</h2>
<p>Families that can still save rarely save in the national currency. Gold coins, foreign currency, a second car, building materials, even a few extra sacks of cement in the yard: all of them have served as stores of value when the bank deposit could not keep up. The wealthier buy property, which has long been the safest hedge available.</p>
<p>Each of these choices has costs. Gold and currency must be bought at a spread and kept safely. Property ties up savings in a form that cannot be spent in an emergency. And the scramble for hedges itself pushes up the prices of gold, dollars and flats, which widens the gap between those who already own them and those who do not.</p>
<ul>
<li>Buying durable goods early, before prices rise again.</li>
<li>Keeping savings in gold or foreign currency rather than deposits.</li>
<li>Cutting spending on education, culture and travel first.</li>
<li>Taking a second job, or renting out a room, to keep up.</li>
</ul>
<h2>The squeezed middle</h2>
<p>The poorest households are hurt most in absolute terms, because food and rent take almost all of their income. But the middle class feels the change most sharply as a loss of status. Teachers, clerks and nurses whose salaries are fixed in money terms watch their purchasing power shrink between pay rises. Private lessons for the children, a holiday, books and a meal out are the first things to go, and they are exactly the things that once made these families feel middle class.</p>
<p>Many respond by working more. A second job in the evenings, driving for a ride-hailing app at weekends, tutoring or small online trade has become common among salaried workers. The extra income keeps the budget afloat, but it comes out of time with family, rest and the training that might have led to a better job.</p>
<h2>What would help</h2>
<p>Economists we consulted, including a fictional former central bank adviser who asked not to be named, agreed on one point: households cannot escape inflation by themselves. Their hedges protect one family at the expense of pushing prices up for everyone. What restores normal planning is credible policy: a central bank that can resist financing deficits, a budget that is honest about its gaps, and wage indexation that does not simply chase last year's prices.</p>
<p>Until then, the monthly budget will keep being written and rewritten at the kitchen table, one price at a time.</p>""",
    body_fa="""<p>از خانواده‌ای که چند سال تورم بالا را از سر گذرانده بپرسید چطور از پس زندگی برمی‌آید، پاسخ به‌ندرت با اقتصاد شروع می‌شود. با عادت‌ها شروع می‌شود. روزی که حقوق واریز می‌شود خرید می‌کنند. وقتی در کابینت جا هست، کیسهٔ دوم برنج را هم می‌خرند. پیش از کیفیت، قیمت را می‌پرسند و دیگر باور ندارند که چیزی ماه بعد همین قیمت را داشته باشد.</p>
<p>تورم معمولاً با یک عدد گزارش می‌شود. برای خانوارها اما چیز دیگری است: فشاری پیوسته که شیوهٔ برنامه‌ریزی، پس‌انداز و حتی نگاه مردم به آینده را تغییر می‌دهد. این نوشته به این می‌پردازد که این فشار چگونه بودجهٔ ماهانه را از نو می‌نویسد و چرا به‌طور نابرابر تقسیم می‌شود.</p>
<h2>خرجش کن پیش از آنکه آب برود</h2>
<p>نخستین قاعدهٔ خانوار در دوران تورم این است که پول نقد مثل قالب یخی است که آب می‌شود. پولی که در کشو یا حساب جاری بماند هر هفته از ارزشش کم می‌شود، پس خانواده‌ها هر وقت بتوانند آن را به کالا تبدیل می‌کنند. کالاهای بادوام، از لاستیک ماشین تا ماشین لباسشویی، زودتر از زمان نیاز خریده می‌شوند. خوراکی هر وقت پولش باشد انبار می‌شود، نه وقتی تمام شده.</p>
<p>این رفتار برای هر خانواده منطقی است و برای همه با هم خودویرانگر. وقتی همه پیش‌خرید می‌کنند، تقاضا یک‌باره بالا می‌رود، فروشگاه‌ها قیمت را افزایش می‌دهند و انتظار تورم خودش به بخشی از عامل تورم تبدیل می‌شود. اقتصاددانان این را لنگر گسستن انتظارات می‌نامند و وقتی رخ دهد، برگرداندنش سخت است.</p>
<blockquote>نسرین عظیمی، معلمی خیالی و مادر دو فرزند که داستانش به بسیاری از روایت‌هایی که شنیدیم شبیه است، می‌گوید: «قبلاً برای یک سال برنامه می‌ریختیم. حالا برای یک ماه، گاهی یک هفته. حقوق در ده روز تمام می‌شود و بقیهٔ ماه حساب‌وکتاب است.»</blockquote>
<h2>پس‌انداز به هر چیزی جز پول</h2>
<p>خانواده‌هایی که هنوز می‌توانند پس‌انداز کنند، به‌ندرت آن را به پول ملی نگه می‌دارند. سکهٔ طلا، ارز خارجی، خودروی دوم، مصالح ساختمانی و حتی چند کیسه سیمان اضافه در حیاط، همه وقتی سپردهٔ بانکی از تورم عقب می‌ماند نقش ذخیرهٔ ارزش را بازی کرده‌اند. ثروتمندترها ملک می‌خرند که مدت‌هاست مطمئن‌ترین پناهگاه بوده است.</p>
<p>هر یک از این انتخاب‌ها هزینه‌ای دارد. طلا و ارز را باید با اختلاف قیمت خرید و فروش خرید و جای امنی نگه داشت. ملک پس‌انداز را در شکلی حبس می‌کند که در روز مبادا نمی‌شود خرجش کرد. و خود هجوم به این پناهگاه‌ها قیمت طلا، دلار و آپارتمان را بالا می‌برد و فاصلهٔ دارندگان و ندارندگان را بیشتر می‌کند.</p>
<ul>
<li>خرید زودهنگام کالاهای بادوام، پیش از گران شدن دوباره.</li>
<li>نگه داشتن پس‌انداز به طلا یا ارز به جای سپردهٔ بانکی.</li>
<li>کم کردن هزینهٔ آموزش، فرهنگ و سفر پیش از هر چیز دیگر.</li>
<li>شغل دوم یا اجاره دادن یک اتاق برای عقب نماندن.</li>
</ul>
<h2>طبقهٔ متوسطی که فشرده می‌شود</h2>
<p>فقیرترین خانوارها به معنای مطلق بیشترین آسیب را می‌بینند، چون خوراک و اجاره تقریباً همهٔ درآمدشان را می‌بلعد. اما طبقهٔ متوسط این تغییر را تندتر از همه به شکل از دست دادن جایگاه حس می‌کند. معلمان، کارمندان و پرستارانی که حقوقشان به پول رایج ثابت است، می‌بینند قدرت خریدشان میان دو افزایش حقوق آب می‌رود. کلاس خصوصی بچه‌ها، سفر، کتاب و شامی بیرون از خانه نخستین چیزهایی‌اند که حذف می‌شوند؛ همان چیزهایی که روزی این خانواده‌ها را طبقهٔ متوسط نشان می‌داد.</p>
<p>بسیاری با بیشتر کار کردن پاسخ می‌دهند. شغل دوم شبانه، رانندگی در تاکسی اینترنتی در آخر هفته، تدریس خصوصی یا تجارت کوچک آنلاین میان حقوق‌بگیران رایج شده است. درآمد اضافه بودجه را سرپا نگه می‌دارد، اما از وقت خانواده، استراحت و آموزشی کم می‌شود که شاید به شغلی بهتر می‌رسید.</p>
<h2>چه چیزی کمک می‌کند</h2>
<p>اقتصاددانانی که با آن‌ها مشورت کردیم، از جمله مشاور پیشین خیالی یک بانک مرکزی که خواست نامش نیاید، بر یک نکته هم‌نظر بودند: خانوارها به‌تنهایی نمی‌توانند از تورم بگریزند. پناهگاه‌هایشان از یک خانواده محافظت می‌کند به بهای بالا بردن قیمت‌ها برای همه. آنچه برنامه‌ریزی عادی را بازمی‌گرداند، سیاست باورپذیر است: بانک مرکزی‌ای که بتواند در برابر تأمین مالی کسری بودجه بایستد، بودجه‌ای که دربارهٔ شکاف‌هایش صادق باشد، و افزایش دستمزدی که فقط دنبال قیمت‌های سال گذشته ندود.</p>
<p>تا آن روز، بودجهٔ ماهانه همچنان سر میز آشپزخانه نوشته و بازنویسی خواهد شد؛ یک قیمت در هر بار.</p>""",
    image_alt_en="Illustration: warm amber and deep red gradient with overlapping circles, suggesting coins",
    image_alt_fa="تصویرسازی: طیف کهربایی گرم و سرخ تیره با دایره‌های روی هم، یادآور سکه‌ها",
    image_caption_en="The monthly budget, imagined in colour.",
    image_caption_fa="بودجهٔ ماهانه، در خیالی رنگی.",
    image_credit_en="Illustration: Newsroom",
    image_credit_fa="تصویرسازی: نیوزروم",
    authors=["maryam-karimi"],
    section="economy",
    tags=["inflation", "labour"],
    series=None,
    part=None,
    status="published",
    days_ago=2,
    colours=("#d89a3a", "#8c2f2f"),
)
