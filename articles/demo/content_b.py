# -*- coding: utf-8 -*-
"""Demo content for Newsroom, batch B (articles 5-8).

Original text written for this project. All people quoted are invented.
"""

ARTICLES_B = [
    # ------------------------------------------------------------------
    # 5. Economy / technology: motorbike couriers and delivery platforms
    # ------------------------------------------------------------------
    dict(
        slug_en="gig-economy-on-two-wheels-motorbike-couriers",
        type="explainer",
        slug_fa="پیک-موتوری-و-اقتصاد-پلتفرمی",
        headline_en="The gig economy on two wheels: who really pays for fast delivery?",
        headline_fa="اقتصاد پلتفرمی روی دو چرخ: هزینهٔ تحویل سریع را چه کسی می‌پردازد؟",
        standfirst_en=(
            "Delivery apps promise flexibility and speed. For the riders weaving "
            "through city traffic, the costs of that promise — fuel, risk and opaque "
            "algorithms — often land on their own shoulders."
        ),
        standfirst_fa=(
            "اپلیکیشن‌های تحویل وعدهٔ انعطاف و سرعت می‌دهند. اما برای پیک‌هایی که از "
            "لابه‌لای ترافیک شهر راه باز می‌کنند، هزینهٔ این وعده — از بنزین و خطر تصادف "
            "تا الگوریتم‌های مبهم — اغلب بر دوش خودشان است."
        ),
        body_en="""<p>At almost any hour in a large city, the sound of a small engine weaving between lanes of stalled traffic has become part of the background. Riders in branded jackets, an insulated box strapped behind them, carry groceries, medicine, documents and hot meals to doors across town. For customers the experience is nearly frictionless: a tap on a phone, a map with a moving dot, a ring at the door. For the people on the motorbikes, the arrangement is far more complicated.</p>
<p>Delivery platforms describe themselves as technology companies that match supply with demand. Their couriers are usually classed not as employees but as independent partners, free to log on and off whenever they choose. That flexibility is real, and many riders value it. But it also shifts much of the risk of the business — fuel, repairs, accidents, slow days — onto the individuals who do the riding.</p>
<h2>Pay that changes by the minute</h2>
<p>Couriers rarely earn a fixed wage. Instead, the fee for each trip is calculated from distance, time of day, demand in the area and a changing menu of bonuses. A rider who completes a set number of orders in a week may unlock an extra payment; a rainy evening or a holiday rush can push rates up for a few hours.</p>
<p>This makes income hard to predict. Riders describe keeping their own notebooks or spreadsheets to work out which hours and which neighbourhoods are worth the petrol. When prices for fuel, spare parts and tyres rise faster than per-trip fees, the difference comes out of the rider's pocket. In periods of high inflation, a fee that looked reasonable at the start of the year can feel thin by its end, and adjustments from the platform do not always keep pace.</p>
<blockquote>"The app tells you what a single trip is worth. It never tells you what is left of the whole day once you have paid for petrol, a new chain and the phone bill," says Kian Rostami, who has delivered for several different platforms. "You only find that out at night, when you sit down and count."</blockquote>
<h2>Managed by an algorithm</h2>
<p>Riders do not have a manager in the usual sense. Orders are dispatched by software, which also tracks location, measures delivery times and collects ratings from customers and restaurants. Acceptance rates and ratings can affect which orders a rider is offered, and sometimes whether an account stays active at all. Couriers often say they do not fully understand how these systems weigh their performance, and that appealing against a suspension can feel like writing a letter to a wall.</p>
<p>Platforms reply that automated dispatch is what makes fast delivery possible in the first place, and that ratings protect customers. Neither argument is baseless. Yet labour researchers in many countries have pointed to a common set of concerns:</p>
<ul>
<li><strong>Opacity:</strong> riders rarely see the rules that decide their pay or their ranking.</li>
<li><strong>Pressure for speed:</strong> tight delivery estimates can reward risky riding.</li>
<li><strong>Deactivation without explanation:</strong> losing access to the app can mean losing an income overnight.</li>
</ul>
<p>Some platforms now publish simplified explanations of how fees are calculated or add human review to suspensions. Whether that is enough, regulators are only beginning to ask.</p>
<h2>Safety in the traffic</h2>
<p>The risks of the job are physical as well as financial. Couriers spend long hours in dense, fast-moving traffic, often in heat, rain or polluted air. A fall or a collision can keep a rider at home for weeks, and because most are not employees, sick pay and accident insurance depend on what riders have arranged for themselves — or on whatever limited cover the platform chooses to offer.</p>
<p>Road-safety specialists stress that the problem is not only the riders' behaviour. Countdown timers in apps, customers' expectation of near-instant delivery and streets designed with little room for two-wheelers all play a part. Helmets, reflective clothing and training help, but they do not change the basic incentive: in a pay-per-trip system, time is money, and speed is the quickest way to earn more.</p>
<p>Cities feel the effects as well. Delivery motorbikes add to congestion and noise, park on pavements outside popular restaurants and cluster around "dark stores" that serve online orders only. Some municipalities have tried designated loading bays, rest stops for riders and incentives for quieter electric bikes.</p>
<h2>What would a fairer model look like?</h2>
<p>There is no single answer, and the debate is too often reduced to a neat choice between "employee" and "freelancer". Many proposals sit somewhere in between: a guaranteed minimum income for time spent actively working, contributions by platforms to accident insurance and pensions, clearer rules on how ratings may be used, and a right for riders to have decisions about them reviewed by a human being.</p>
<p>Consumers have a role too, if a modest one. Accepting a slightly longer delivery window, tipping through the app, or choosing services that publish their policies on riders can all send a clear signal. In the end, though, the shape of the gig economy on two wheels will be decided by the rules that govern it — and by whether the people who carry the boxes have a voice in writing them.</p>""",
        body_fa="""<p>تقریباً در هر ساعتی از شبانه‌روز و در هر کلان‌شهری، صدای موتورسیکلت‌های کوچکی که از لابه‌لای خودروهای گرفتار در ترافیک راه باز می‌کنند، به بخشی از صدای زمینهٔ شهر تبدیل شده است. پیک‌هایی با کاپشن‌های رنگی و جعبه‌ای عایق بر ترک موتور، خواربار، دارو، مدارک و غذای گرم را به درِ خانه‌ها در سراسر شهر می‌رسانند. برای مشتری همه‌چیز تقریباً بی‌دردسر است: یک لمس روی گوشی، نقشه‌ای با نقطه‌ای متحرک و بعد صدای زنگ در. اما برای کسانی که سوار این موتورها هستند، ماجرا بسیار پیچیده‌تر است.</p>
<p>پلتفرم‌های تحویل، خود را شرکت‌هایی فناور معرفی می‌کنند که عرضه و تقاضا را به هم می‌رسانند. پیک‌های آن‌ها معمولاً نه کارمند، بلکه «همکار مستقل» به شمار می‌آیند و آزادند هر وقت خواستند وارد برنامه شوند یا از آن بیرون بیایند. این انعطاف واقعی است و بسیاری از پیک‌ها برایش ارزش قائل‌اند. اما همین انعطاف، بخش بزرگی از ریسک کسب‌وکار — سوخت، تعمیرات، تصادف و روزهای کم‌کار — را بر دوش خودِ پیک‌ها می‌اندازد.</p>
<h2>دستمزدی که هر دقیقه تغییر می‌کند</h2>
<p>پیک‌ها به‌ندرت حقوق ثابت می‌گیرند. کرایهٔ هر سفارش بر اساس مسافت، ساعت روز، میزان تقاضا در محله و فهرستی متغیر از پاداش‌ها محاسبه می‌شود. پیکی که در یک هفته تعداد مشخصی سفارش تحویل دهد، ممکن است پاداشی اضافه بگیرد؛ یک عصر بارانی یا شلوغی روزهای تعطیل هم می‌تواند نرخ‌ها را برای چند ساعت بالا ببرد.</p>
<p>همین موضوع پیش‌بینی درآمد را دشوار می‌کند. پیک‌ها از دفترچه‌ها یا جدول‌هایی می‌گویند که خودشان نگه می‌دارند تا بفهمند کدام ساعت‌ها و کدام محله‌ها به خرج بنزینش می‌ارزد. وقتی قیمت سوخت، لوازم یدکی و لاستیک سریع‌تر از کرایهٔ سفارش‌ها بالا می‌رود، این اختلاف از جیب پیک پرداخت می‌شود. در دوره‌های تورم بالا، کرایه‌ای که اول سال منصفانه به نظر می‌رسید تا آخر سال ناچیز جلوه می‌کند و اصلاح نرخ‌ها از سوی پلتفرم همیشه هم‌پای گرانی پیش نمی‌رود.</p>
<blockquote>کیان رستمی که برای چند پلتفرم مختلف پیک بوده است، می‌گوید: «اپلیکیشن به تو می‌گوید یک سفارش چقدر می‌ارزد، اما هیچ‌وقت نمی‌گوید وقتی پول بنزین و زنجیر نو و قبض موبایل را دادی، از کل روز چه برایت می‌ماند. این را فقط شب می‌فهمی، وقتی می‌نشینی و حساب می‌کنی.»</blockquote>
<h2>مدیری به نام الگوریتم</h2>
<p>پیک‌ها به معنای معمول کلمه مدیر ندارند. سفارش‌ها را نرم‌افزار تقسیم می‌کند؛ همان نرم‌افزاری که موقعیت مکانی را ردیابی می‌کند، زمان تحویل را می‌سنجد و امتیازهای مشتریان و رستوران‌ها را گرد می‌آورد. نرخ پذیرش سفارش و امتیاز پیک می‌تواند بر سفارش‌هایی که به او پیشنهاد می‌شود اثر بگذارد و گاهی حتی تعیین کند که حسابش فعال بماند یا نه. پیک‌ها اغلب می‌گویند درست نمی‌دانند این سامانه‌ها عملکردشان را چطور می‌سنجند و اعتراض به تعلیق حساب، به نامه نوشتن برای دیوار می‌ماند.</p>
<p>پلتفرم‌ها در مقابل می‌گویند بدون توزیع خودکار سفارش‌ها اساساً تحویل سریع ممکن نبود و امتیازدهی از مشتری محافظت می‌کند. هیچ‌کدام از این دو استدلال بی‌پایه نیست. با این حال، پژوهشگران حوزهٔ کار در کشورهای مختلف به مجموعه‌ای از نگرانی‌های مشترک اشاره کرده‌اند:</p>
<ul>
<li><strong>ابهام:</strong> پیک‌ها به‌ندرت قواعدی را می‌بینند که درآمد یا رتبه‌شان را تعیین می‌کند.</li>
<li><strong>فشار برای سرعت:</strong> زمان‌بندی‌های فشردهٔ تحویل می‌تواند رانندگی پرخطر را تشویق کند.</li>
<li><strong>غیرفعال‌شدن بی‌توضیح:</strong> از دست دادن دسترسی به اپلیکیشن می‌تواند یک‌شبه به معنای از دست دادن درآمد باشد.</li>
</ul>
<p>برخی پلتفرم‌ها اکنون توضیحی ساده از نحوهٔ محاسبهٔ کرایه منتشر می‌کنند یا تعلیق حساب‌ها را به بررسی انسانی می‌سپارند. اینکه این کافی است یا نه، پرسشی است که نهادهای ناظر تازه طرح کرده‌اند.</p>
<h2>ایمنی در دل ترافیک</h2>
<p>خطرهای این شغل فقط مالی نیست، جسمی هم هست. پیک‌ها ساعت‌های طولانی را در ترافیک سنگین و پرشتاب می‌گذرانند؛ اغلب در گرما، باران یا هوای آلوده. یک زمین خوردن یا تصادف می‌تواند پیک را هفته‌ها خانه‌نشین کند و چون بیشترشان کارمند نیستند، مرخصی استعلاجی و بیمهٔ حوادث به این بستگی دارد که خودشان چه تدبیری اندیشیده باشند — یا پلتفرم چه پوشش محدودی پیشنهاد کند.</p>
<p>کارشناسان ایمنی راه یادآوری می‌کنند که مشکل فقط رفتار پیک‌ها نیست. شمارش معکوس در اپلیکیشن‌ها، انتظار مشتری برای تحویل تقریباً آنی و خیابان‌هایی که جای چندانی برای موتورسیکلت در آن‌ها در نظر گرفته نشده، همه در این ماجرا سهم دارند. کلاه ایمنی، لباس شب‌نما و آموزش کمک می‌کند، اما انگیزهٔ اصلی را تغییر نمی‌دهد: در نظامی که دستمزد به ازای هر سفارش پرداخت می‌شود، وقت طلاست و سرعت کوتاه‌ترین راه برای درآمد بیشتر است.</p>
<p>شهرها هم پیامدهای این وضع را حس می‌کنند. موتورهای پیک به ترافیک و سروصدا دامن می‌زنند، جلوی رستوران‌های پرطرفدار روی پیاده‌رو پارک می‌کنند و اطراف «فروشگاه‌های تاریک» که فقط سفارش اینترنتی می‌پذیرند جمع می‌شوند. برخی شهرداری‌ها جای توقف ویژه برای بارگیری، ایستگاه‌های استراحت برای پیک‌ها و مشوق‌هایی برای موتورهای برقیِ کم‌صداتر را آزموده‌اند.</p>
<h2>الگویی منصفانه‌تر چه شکلی دارد؟</h2>
<p>پاسخ واحدی وجود ندارد و بحث اغلب بیش از حد ساده به دوگانهٔ «کارمند» یا «آزادکار» فروکاسته می‌شود. بسیاری از پیشنهادها جایی میان این دو قرار می‌گیرند: تضمین حداقل درآمد برای زمانی که پیک واقعاً مشغول کار است، مشارکت پلتفرم‌ها در بیمهٔ حوادث و بازنشستگی، قواعد روشن‌تر دربارهٔ نحوهٔ استفاده از امتیازها و این حق که تصمیم‌های مربوط به هر پیک را یک انسان بازبینی کند.</p>
<p>مصرف‌کنندگان هم نقشی دارند، هرچند محدود. پذیرفتن زمان تحویل کمی طولانی‌تر، پرداخت انعام از طریق اپلیکیشن یا انتخاب خدماتی که سیاست‌هایشان دربارهٔ پیک‌ها را منتشر می‌کنند، همه می‌تواند پیامی روشن بفرستد. با این همه، سرانجام این قواعد حاکم بر اقتصاد پلتفرمی است که شکل آن را روی دو چرخ تعیین می‌کند — و اینکه آیا کسانی که این جعبه‌ها را جابه‌جا می‌کنند، در نوشتن آن قواعد صدایی دارند یا نه.</p>""",
        image_alt_en="Illustration: diagonal orange and charcoal bands with two small circles suggesting wheels in motion",
        image_alt_fa="تصویرسازی: نوارهای مورب نارنجی و زغالی با دو دایرهٔ کوچک که چرخ‌هایی در حرکت را تداعی می‌کنند",
        image_caption_en="Delivery riders have become a constant presence on city streets.",
        image_caption_fa="پیک‌های موتوری به حضوری همیشگی در خیابان‌های شهر تبدیل شده‌اند.",
        image_credit_en="Illustration: Newsroom",
        image_credit_fa="تصویرسازی: نیوزروم",
        authors=["reza-tehrani"],
        section="economy",
        tags=["technology", "labour", "cities"],
        series=None,
        part=None,
        status="published",
        days_ago=1,
        colours=("#E8692C", "#2F3440"),
    ),
    # ------------------------------------------------------------------
    # 6. Culture: the return of the neighbourhood bookshop
    # ------------------------------------------------------------------
    dict(
        slug_en="return-of-the-neighbourhood-bookshop",
        slug_fa="بازگشت-کتابفروشی-محله",
        headline_en="Small shelves, big ambitions: the return of the neighbourhood bookshop",
        headline_fa="قفسه‌های کوچک، آرزوهای بزرگ: بازگشت کتاب‌فروشی‌های محله",
        standfirst_en=(
            "Against the odds, small independent bookshops are reopening in city "
            "neighbourhoods — part café, part meeting room, and a new home for "
            "translated fiction."
        ),
        standfirst_fa=(
            "برخلاف همهٔ پیش‌بینی‌ها، کتاب‌فروشی‌های کوچک و مستقل دوباره در محله‌های شهر "
            "جان می‌گیرند؛ نیمی کافه، نیمی پاتوق و خانه‌ای تازه برای ادبیات ترجمه."
        ),
        body_en="""<p>For years the story of the independent bookshop was told as a slow goodbye. Rents rose, online retailers offered discounts no corner shop could match, and readers, it was said, were drifting away to their phones. Yet walk through many city neighbourhoods today and a different picture emerges: narrow shops with a few hundred carefully chosen titles, a coffee machine beside the till, and a noticeboard crowded with announcements for reading groups and evenings with authors.</p>
<p>The revival is modest and uneven, and it does not mean that the economics of bookselling have become easy. But it suggests that a small shop can still offer something a website cannot: a place, a conversation, and the pleasure of finding a book you did not know you were looking for.</p>
<h2>More than a shop</h2>
<p>Most of the new generation of bookshops do not rely on books alone. Coffee, tea and simple food bring in steadier income and give customers a reason to stay. Some sell stationery, cloth bags or prints by local artists. Others rent out their back room for workshops, small concerts or children's story hours. Owners usually describe this mix not as a distraction from books but as the very thing that keeps the doors open, so that books can be sold at all.</p>
<p>The café model changes the atmosphere too. A shop where people linger feels less like a place of transactions and more like a living room for the neighbourhood. Students study there in the afternoons; retired people meet for a morning chat; parents leaf through new titles while their children sit on cushions in the picture-book corner.</p>
<blockquote>"The first time, people come for the coffee," says Nasrin Alavi, who runs a small bookshop and café in a quiet side street. "The second time, they ask what I am reading. The third time, they tell me what they are reading — and that is the moment this place becomes a bookshop."</blockquote>
<h2>Reading circles and the pleasure of company</h2>
<p>Reading circles have become one of the most visible signs of the revival. A typical circle meets once a month, chooses a novel, a collection of short stories or a book of essays, and spends an evening arguing about it. Some focus on contemporary fiction, others on classics, poetry or books in translation. A few are organised around a theme — cities, migration, memory — and invite a guest, perhaps a translator or a critic, to lead the discussion.</p>
<p>For the shops, these circles are valuable in several ways:</p>
<ul>
<li>They create regular customers who come back every month.</li>
<li>They give the bookseller a reason to order several copies of a less familiar title.</li>
<li>They build word of mouth, which matters more to small shops than advertising.</li>
<li>They turn a solitary hobby into a social occasion, something that appeals particularly to younger readers.</li>
</ul>
<p>Booksellers say these conversations also shape what ends up on their shelves. A lively discussion of a translated novel can send readers in search of the author's other work, or of writers from the same country, and the shop's shelves slowly begin to reflect the curiosity of the people who live around it.</p>
<h2>Publishers, translators and the books that sell slowly</h2>
<p>Small publishers have a particular interest in the return of the neighbourhood shop. Large chains and online platforms tend to push books that are already selling well, while independent booksellers are more willing to take a chance on a first novel, a slim collection of poems or a little-known foreign writer. A handwritten recommendation card, a display in the window or a few words from the owner at the till can change the fate of a book that would otherwise have vanished.</p>
<p>Translation plays a central role in this ecosystem. Many readers discover world literature in bookshops that place translated fiction next to local writing rather than in a separate corner. Translators, in turn, appear more often than before at launches and reading circles to talk about their choices — which words refused to be translated, which jokes had to be rebuilt from scratch. These evenings have helped make translators more visible, a change many in the profession welcome.</p>
<h2>The arithmetic of staying open</h2>
<p>None of this makes the business simple. Margins on books remain thin, rents in popular neighbourhoods can jump suddenly, and the cost of paper and printing has risen for publishers, pushing up cover prices. Owners often work long hours for modest returns, and some shops that opened with great enthusiasm close within a few years.</p>
<p>Those that survive tend to share a few habits: careful buying, a clear identity, close ties with local schools and cultural groups, and a readiness to experiment. Some have set up small online shops of their own, selling to loyal customers who prefer to support a local business even when they order from home. Others have formed informal networks with nearby bookshops to share events and visiting authors.</p>
<p>The neighbourhood bookshop is unlikely to regain the central place it once held. But in a city that often feels hurried and anonymous, a small room full of books and conversation offers something many residents seem to want — and are willing, at least some of the time, to pay for.</p>""",
        body_fa="""<p>سال‌ها داستان کتاب‌فروشی‌های مستقل را به شکل یک خداحافظی آرام روایت می‌کردند. اجاره‌ها بالا رفت، فروشگاه‌های اینترنتی تخفیف‌هایی دادند که هیچ مغازهٔ سرِ کوچه‌ای توان رقابت با آن را نداشت و گفته می‌شد خواننده‌ها کم‌کم به گوشی‌هایشان کوچ می‌کنند. اما امروز اگر در بسیاری از محله‌های شهر قدم بزنید، تصویر دیگری می‌بینید: مغازه‌هایی باریک با چند صد عنوان کتابِ دست‌چین‌شده، دستگاه قهوه‌ای کنار صندوق و تابلوی اعلاناتی پر از خبر جلسه‌های کتاب‌خوانی و شب‌های دیدار با نویسندگان.</p>
<p>این بازگشت فروتنانه و ناهمگون است و به این معنا نیست که اقتصاد کتاب‌فروشی آسان شده است. اما نشان می‌دهد یک مغازهٔ کوچک هنوز می‌تواند چیزی عرضه کند که از هیچ وب‌سایتی برنمی‌آید: یک مکان، یک گفت‌وگو و لذت پیدا کردن کتابی که نمی‌دانستید دنبالش هستید.</p>
<h2>چیزی بیش از یک مغازه</h2>
<p>بیشتر کتاب‌فروشی‌های نسل تازه فقط به کتاب تکیه نمی‌کنند. قهوه، چای و خوراکی‌های ساده درآمدی پایدارتر می‌آورند و به مشتری بهانه‌ای برای ماندن می‌دهند. برخی لوازم‌التحریر، کیسه‌های پارچه‌ای یا آثار چاپی هنرمندان محلی می‌فروشند. برخی دیگر اتاق پشتی را برای کارگاه، کنسرت‌های کوچک یا ساعت قصه‌گویی کودکان اجاره می‌دهند. صاحبان این مغازه‌ها معمولاً این ترکیب را نه مایهٔ دور شدن از کتاب، بلکه همان چیزی می‌دانند که در مغازه را باز نگه می‌دارد تا اصلاً بشود کتابی فروخت.</p>
<p>الگوی کافه حال‌وهوای مغازه را هم تغییر می‌دهد. مغازه‌ای که آدم‌ها در آن می‌مانند، کمتر به محل داد و ستد و بیشتر به اتاق نشیمن محله شبیه است. دانشجوها بعدازظهرها آنجا درس می‌خوانند، بازنشسته‌ها صبح‌ها برای گپ‌وگفت دور هم جمع می‌شوند و پدر و مادرها کتاب‌های تازه را ورق می‌زنند، در حالی که بچه‌هایشان در گوشهٔ کتاب‌های تصویری روی کوسن‌ها نشسته‌اند.</p>
<blockquote>نسرین علوی که کتاب‌فروشی و کافه‌ای کوچک را در کوچه‌ای آرام اداره می‌کند، می‌گوید: «بار اول، مردم برای قهوه می‌آیند. بار دوم می‌پرسند من چه می‌خوانم. بار سوم خودشان تعریف می‌کنند چه می‌خوانند — و درست از همان لحظه است که اینجا کتاب‌فروشی می‌شود.»</blockquote>
<h2>حلقه‌های کتاب‌خوانی و لذت همنشینی</h2>
<p>حلقه‌های کتاب‌خوانی به یکی از آشکارترین نشانه‌های این بازگشت تبدیل شده‌اند. یک حلقهٔ معمولی ماهی یک بار دور هم جمع می‌شود، رمان، مجموعه‌داستان یا کتابی از جستارها را انتخاب می‌کند و شبی را به بحث دربارهٔ آن می‌گذراند. برخی حلقه‌ها بر ادبیات معاصر تمرکز دارند و برخی دیگر بر آثار کلاسیک، شعر یا کتاب‌های ترجمه. چندتایی هم حول یک موضوع شکل گرفته‌اند — شهر، مهاجرت، حافظه — و مهمانی را، شاید مترجم یا منتقدی، برای هدایت بحث دعوت می‌کنند.</p>
<p>این حلقه‌ها از چند جهت برای کتاب‌فروشی‌ها ارزشمندند:</p>
<ul>
<li>مشتریان ثابتی می‌سازند که هر ماه برمی‌گردند.</li>
<li>به کتاب‌فروش دلیلی می‌دهند که از عنوانی کمتر شناخته‌شده چند نسخه سفارش دهد.</li>
<li>تبلیغ دهان‌به‌دهان را تقویت می‌کنند که برای مغازه‌های کوچک از آگهی مهم‌تر است.</li>
<li>سرگرمی‌ای تنها را به رویدادی جمعی بدل می‌کنند؛ چیزی که به‌ویژه برای خوانندگان جوان‌تر جذاب است.</li>
</ul>
<p>کتاب‌فروش‌ها می‌گویند این گفت‌وگوها بر آنچه در قفسه‌ها می‌چینند هم اثر می‌گذارد. بحثی پرشور دربارهٔ یک رمان ترجمه‌شده می‌تواند خوانندگان را به سراغ دیگر آثار همان نویسنده یا نویسندگانی از همان کشور بفرستد و قفسه‌های مغازه کم‌کم کنجکاوی اهالی محله را بازتاب دهند.</p>
<h2>ناشران، مترجمان و کتاب‌هایی که آهسته فروش می‌روند</h2>
<p>ناشران کوچک به بازگشت کتاب‌فروشی‌های محله علاقهٔ ویژه‌ای دارند. فروشگاه‌های زنجیره‌ای بزرگ و پلتفرم‌های اینترنتی معمولاً کتاب‌هایی را جلو می‌اندازند که از پیش خوب فروخته‌اند، در حالی که کتاب‌فروشان مستقل بیشتر حاضرند روی نخستین رمان یک نویسنده، دفتر شعری کم‌حجم یا نویسنده‌ای خارجی و کمتر شناخته‌شده ریسک کنند. کارت معرفی دست‌نویس، ویترینی کنار پنجره یا چند کلمه توصیه از زبان صاحب مغازه پای صندوق می‌تواند سرنوشت کتابی را که در غیر این صورت گم می‌شد، عوض کند.</p>
<p>ترجمه در این زیست‌بوم نقشی محوری دارد. بسیاری از خوانندگان ادبیات جهان را در کتاب‌فروشی‌هایی کشف می‌کنند که داستان‌های ترجمه‌شده را کنار آثار نویسندگان وطنی می‌گذارند، نه در گوشه‌ای جدا. مترجمان نیز بیش از گذشته در جلسه‌های رونمایی و حلقه‌های کتاب‌خوانی حاضر می‌شوند تا از انتخاب‌هایشان بگویند — اینکه کدام واژه‌ها تن به ترجمه ندادند و کدام شوخی‌ها را باید از نو ساخت. این شب‌ها به دیده‌شدن مترجمان کمک کرده است؛ تغییری که بسیاری از اهل این حرفه از آن استقبال می‌کنند.</p>
<h2>حساب‌وکتابِ باز ماندن</h2>
<p>هیچ‌یک از این‌ها کسب‌وکار را ساده نمی‌کند. حاشیهٔ سود کتاب همچنان اندک است، اجاره در محله‌های پرطرفدار ممکن است ناگهان جهش کند و هزینهٔ کاغذ و چاپ برای ناشران بالا رفته و قیمت پشت جلد را افزایش داده است. صاحبان این مغازه‌ها اغلب ساعت‌های طولانی کار می‌کنند و درآمد چندانی ندارند و برخی کتاب‌فروشی‌هایی که با شور و شوق افتتاح شدند، در عرض چند سال تعطیل می‌شوند.</p>
<p>آن‌هایی که دوام می‌آورند معمولاً چند عادت مشترک دارند: خرید سنجیده، هویتی روشن، پیوند نزدیک با مدرسه‌ها و گروه‌های فرهنگی محله و آمادگی برای تجربه‌های تازه. برخی فروشگاه اینترنتی کوچک خودشان را راه انداخته‌اند و به مشتریان وفاداری می‌فروشند که حتی وقتی از خانه سفارش می‌دهند، ترجیح می‌دهند از کسب‌وکاری محلی حمایت کنند. برخی دیگر با کتاب‌فروشی‌های نزدیک شبکه‌هایی غیررسمی ساخته‌اند تا برنامه‌ها و نویسندگان مهمان را با هم شریک شوند.</p>
<p>بعید است کتاب‌فروشی محله به جایگاه محوری گذشته‌اش بازگردد. اما در شهری که اغلب شتاب‌زده و بی‌نام‌ونشان به نظر می‌رسد، اتاقی کوچک پر از کتاب و گفت‌وگو چیزی عرضه می‌کند که ظاهراً بسیاری از ساکنان خواهانش هستند — و دست‌کم گاهی حاضرند بهایش را بپردازند.</p>""",
        image_alt_en="Illustration: warm burgundy and cream gradient with stacked rectangles suggesting books on a shelf",
        image_alt_fa="تصویرسازی: طیف گرم زرشکی و کرم با مستطیل‌هایی روی هم که قفسه‌ای از کتاب را تداعی می‌کند",
        image_caption_en="Neighbourhood bookshops are reinventing themselves as places to stay, not just to shop.",
        image_caption_fa="کتاب‌فروشی‌های محله خود را از نو تعریف می‌کنند: جایی برای ماندن، نه فقط خریدن.",
        image_credit_en="Illustration: Newsroom",
        image_credit_fa="تصویرسازی: نیوزروم",
        authors=["sara-ahmadi"],
        section="culture",
        tags=["literature", "cities"],
        series=None,
        part=None,
        status="published",
        days_ago=8,
        colours=("#7A1F3D", "#F2E6D0"),
    ),
    # ------------------------------------------------------------------
    # 7. Culture (English only): translating Hafez and Saadi
    # ------------------------------------------------------------------
    dict(
        slug_en="translating-hafez-and-saadi-for-a-screen-generation",
        type="opinion",
        slug_fa="",
        headline_en="Hafez on a phone screen: what translators gain and lose",
        headline_fa="",
        standfirst_en=(
            "A new generation meets classical Persian poetry in captions, clips and "
            "quotation cards. Translators are rethinking how much of Hafez and Saadi "
            "can survive the journey."
        ),
        standfirst_fa="",
        body_en="""<p>Scroll through social media for long enough and you will almost certainly meet a line of classical Persian poetry. It may arrive as a quotation card laid over a photograph of a sunset, a caption beneath a wedding video, or a few words of subtitle in a short film. Hafez and Saadi, who wrote in the fourteenth and thirteenth centuries, have found an unexpected afterlife on screens — often in English, and often in translations whose origins are hard to trace.</p>
<p>For translators, this is both an opportunity and a puzzle. Never have so many people been curious about these poets; never has the space in which they are read been so small. How do you carry a ghazal, a form built on echo, ambiguity and music, into a format designed to be glanced at for a few seconds?</p>
<h2>The problem of the single line</h2>
<p>The ghazal is made of couplets that are, in a sense, complete in themselves. That makes it tempting to lift one out and share it alone. But in <a href="https://en.wikipedia.org/wiki/Hafez">Hafez</a>, meaning often lives in the relationship between couplets, and in words that point in several directions at once. The wine may be wine, or it may be divine love; the beloved may be a person, a patron or God. A Persian reader holds these possibilities together. A translator usually has to choose.</p>
<p>Consider the famous opening of Hafez's collection, which a plain rendering might give as:</p>
<p><em>Come, cupbearer, pass the cup around and hand it on — for love seemed easy at first, but then the troubles came.</em></p>
<p>The first half of the line is in Arabic and the second in Persian, a shift a native reader feels at once and an English reader cannot. In the space of a breath it moves from ceremony to confession. Almost any translation keeps the sense; very few keep the surprise.</p>
<h2>What the screen generation brings</h2>
<p>It would be easy to dismiss the new audience as shallow readers, but many translators and teachers see it differently. Younger readers, including children of Persian-speaking families who grew up abroad and read the language haltingly, often come to the poems with real hunger. They want to know what their grandparents recited at dinner, or what is written on the tiles above a doorway. Short formats can be a door rather than a wall.</p>
<p>Screens also make new kinds of translation possible. Some projects place the original, a transliteration and several English versions side by side, letting readers see that there is no single "correct" Hafez. Audio recordings let readers hear the rhythm of the Persian even if they cannot follow the words. Annotated editions online can explain a rose, a nightingale or a tavern in a way that a printed page, short of footnotes, rarely does.</p>
<blockquote>"My students first meet Hafez as a caption," says Leila Farahani, a translator and teacher. "I used to find that depressing. Now I think of the caption as an invitation. My job is to make sure that when they accept it, there is a whole house behind the door, not just a painted front."</blockquote>
<h2>What is lost — and what is gained</h2>
<p>Translators tend to agree on the main casualties. Among them:</p>
<ul>
<li><strong>Music:</strong> Persian metre and the repeated closing word of the ghazal, the <em>radif</em>, are almost impossible to reproduce in English without sounding forced.</li>
<li><strong>Ambiguity:</strong> words that carry sacred and worldly meanings at the same time are flattened into one.</li>
<li><strong>Allusion:</strong> references to scripture, to earlier poets and to Persian legend need explanations that a short format has no room for.</li>
<li><strong>Wit:</strong> puns and wordplay, central to both Hafez and Saadi, rarely survive the crossing.</li>
</ul>
<p>Yet something is gained as well. A good translation can make the poems feel contemporary in a way that reverent, archaic versions sometimes did not. Saadi's lines on shared humanity, quoted endlessly in Persian and in translation, show how a clear thought can travel well:</p>
<p><em>The children of Adam are limbs of a single body, for in their making they came from one essence.</em></p>
<p>Here the difficulty is not ambiguity but familiarity. The couplet is repeated so often that it risks becoming a slogan, and translators have to work to keep its moral force alive rather than letting it shrink into a greeting-card sentiment.</p>
<h2>Between fidelity and freedom</h2>
<p>The oldest argument in translation — stay close to the words, or stay close to the feeling — takes on new urgency when the reader's attention is brief. Some translators now produce two versions: a close, annotated translation for study and a freer English poem that tries to recreate the effect of the original. Others warn that the loosest "versions", especially the adaptations that circulate online under Hafez's name, have drifted so far from any Persian text that they misrepresent him.</p>
<p>Perhaps the most hopeful sign is that the debate itself has become public. Readers compare translations in comment threads, ask what a particular word means, and now and then go looking for the Persian. The screen may be small, but for a poet who could place the tavern and the infinite in the same line, it may yet be large enough to begin.</p>""",
        body_fa="",
        image_alt_en="Illustration: deep indigo fading to gold with a scattering of small crescent and circle shapes",
        image_alt_fa="",
        image_caption_en="Classical Persian poetry now often reaches new readers first as a line on a screen.",
        image_caption_fa="",
        image_credit_en="Illustration: Newsroom",
        image_credit_fa="",
        authors=["sara-ahmadi"],
        section="culture",
        tags=["literature"],
        series=None,
        part=None,
        status="published",
        days_ago=20,
        colours=("#2B2D6E", "#D9A441"),
    ),
    # ------------------------------------------------------------------
    # 8. DRAFT. Environment: rooftop solar and the politics of the grid
    # ------------------------------------------------------------------
    dict(
        slug_en="rooftop-solar-and-the-politics-of-the-grid",
        slug_fa="برق-خورشیدی-پشت-بام-و-سیاست-شبکه",
        headline_en="Power from the rooftop: solar panels, summer blackouts and the politics of the grid",
        headline_fa="برق از پشت‌بام: پنل‌های خورشیدی، خاموشی‌های تابستان و سیاستِ شبکهٔ برق",
        standfirst_en=(
            "As summer blackouts strain the grid, some households are installing solar "
            "panels on their roofs. Their choices raise hard questions about subsidies, "
            "fairness and who keeps the lights on."
        ),
        standfirst_fa=(
            "با فشار خاموشی‌های تابستانی بر شبکهٔ برق، برخی خانواده‌ها روی پشت‌بام خانه‌شان "
            "پنل خورشیدی نصب می‌کنند. این انتخاب پرسش‌های دشواری دربارهٔ یارانه، عدالت و "
            "اینکه چراغ‌ها را چه کسی روشن نگه می‌دارد پیش می‌کشد."
        ),
        body_en="""<p>When the summer heat peaks and air conditioners across a city switch on at once, electricity grids in many hot countries are pushed to their limits. Scheduled power cuts, rolling blackouts and sudden outages have become a familiar seasonal routine for many households and small businesses. A growing number of them are responding in the most direct way available: by putting solar panels on their own roofs.</p>
<p>The trend is still small compared with the size of national grids, but it raises big questions. Who benefits when households start producing their own power? What happens to the economics of a grid built on cheap, subsidised electricity? And can rooftop solar ease summer shortages, or does it simply allow those who can afford it to go their own way?</p>
<h2>Why summer is the pressure point</h2>
<p>In hot climates, electricity demand tends to peak on summer afternoons, when the need for cooling is at its highest. At the same time, power stations run less efficiently in extreme heat, and in dry years hydropower produces less. The result is a squeeze at precisely the moment when people most need electricity to stay cool, keep food fresh and run water pumps.</p>
<p>Solar power has an obvious appeal here. The sun is strongest at roughly the same hours that demand climbs, so panels generate the most power when the grid is under the greatest strain. Engineers caution that the match is not perfect — demand often stays high into the evening, after sunset — but rooftop systems can still take some of the load off local networks during the hottest part of the day.</p>
<h2>The subsidy puzzle</h2>
<p>In countries where household electricity is heavily subsidised, the economics of rooftop panels look unusual. When power from the grid is cheap, the savings from generating your own are small, and the upfront cost of panels, inverters and batteries can take many years to pay back. This is one reason adoption has often been slower than abundant sunshine alone would suggest.</p>
<p>Blackouts change the calculation. For a family whose refrigerator and fans stop for hours at a time, or a shopkeeper who loses customers during every outage, the value of reliable power is far higher than the figure on the electricity bill. Many early adopters are therefore buying not cheaper electricity but a kind of <em>insurance</em> against interruptions, often pairing their panels with batteries.</p>
<p>For governments and utilities, subsidies create a further dilemma. Every kilowatt-hour sold below cost adds to the burden on public budgets. Encouraging households to generate their own power could lighten that burden — but if better-off households drift away from the grid while poorer ones stay, the remaining customers may end up carrying a larger share of the system's fixed costs.</p>
<blockquote>"In our first summer with panels, we didn't even notice the blackouts until the neighbours knocked to charge their phones," says Farhad Sadeghi, an engineer who installed a small system on his family's apartment building. "That's when I realised this isn't only about my bill. It's about who on this street has power and who doesn't."</blockquote>
<h2>The rules of the grid</h2>
<p>How rooftop solar develops depends heavily on regulation. The key questions include:</p>
<ol>
<li><strong>Connection:</strong> can households connect their panels to the grid easily, or does the process involve long waits and complicated paperwork?</li>
<li><strong>Payment:</strong> are households paid for the surplus electricity they feed back, and at what rate?</li>
<li><strong>Standards:</strong> are there clear technical rules for inverters and wiring, so that large numbers of small systems do not destabilise local networks?</li>
<li><strong>Finance:</strong> can households and small businesses borrow to cover the upfront cost, or is solar power only within reach of those with savings?</li>
</ol>
<p>Utilities, for their part, worry about managing thousands of small generators they do not control. Local transformers and lines were designed for power flowing in one direction, and a sudden surge of rooftop generation on a sunny afternoon can cause voltage problems if the network has not been upgraded. Smart meters and closer monitoring help, but they require investment.</p>
<h2>Beyond the single rooftop</h2>
<p>Some of the most interesting ideas go beyond individual homes. In apartment blocks, residents can share a single system on a common roof. Schools, mosques, hospitals and public buildings have large and often unused roof areas that could host panels and become cool, powered refuges during outages. Community solar schemes allow tenants, or people living in shaded buildings, to buy a share of a larger installation elsewhere.</p>
<p>Rooftop solar will not solve any country's electricity problems on its own. Large power plants, transmission lines, energy efficiency and fair pricing matter more in aggregate. But panels on roofs make the energy debate visible in a way that distant power stations never do. They turn consumers into producers, and street by street they raise the question at the heart of every grid: who has power, when, and who pays for it?</p>""",
        body_fa="""<p>وقتی گرمای تابستان به اوج می‌رسد و کولرها و دستگاه‌های تهویه در سراسر شهر هم‌زمان روشن می‌شوند، شبکهٔ برق در بسیاری از کشورهای گرم تا مرز توان خود زیر فشار قرار می‌گیرد. خاموشی‌های برنامه‌ریزی‌شده، قطعی‌های نوبتی و قطعی‌های ناگهانی برای بسیاری از خانواده‌ها و کسب‌وکارهای کوچک به روال آشنای هر تابستان بدل شده است. شمار روزافزونی از آن‌ها به مستقیم‌ترین شکل ممکن واکنش نشان می‌دهند: نصب پنل خورشیدی روی پشت‌بام خانهٔ خودشان.</p>
<p>این روند در مقایسه با ابعاد شبکهٔ سراسری هنوز کوچک است، اما پرسش‌های بزرگی پیش می‌کشد. وقتی خانواده‌ها خودشان برق تولید می‌کنند، چه کسی سود می‌برد؟ بر سر اقتصاد شبکه‌ای که بر برق ارزان و یارانه‌ای بنا شده، چه می‌آید؟ و آیا برق خورشیدی پشت‌بامی می‌تواند کمبودهای تابستان را تسکین دهد، یا فقط به کسانی که توانش را دارند اجازه می‌دهد راه خود را جدا کنند؟</p>
<h2>چرا تابستان نقطهٔ فشار است</h2>
<p>در اقلیم‌های گرم، مصرف برق معمولاً در بعدازظهرهای تابستان به اوج می‌رسد؛ یعنی وقتی نیاز به سرمایش از همیشه بیشتر است. هم‌زمان، نیروگاه‌ها در گرمای شدید با بازدهی کمتری کار می‌کنند و در سال‌های کم‌بارش، نیروگاه‌های برق‌آبی هم تولید کمتری دارند. نتیجه، تنگنایی است درست در لحظه‌ای که مردم بیش از هر زمان دیگری به برق نیاز دارند تا خنک بمانند، غذا را سالم نگه دارند و پمپ‌های آب را روشن کنند.</p>
<p>جذابیت انرژی خورشیدی در اینجا روشن است. خورشید تقریباً در همان ساعت‌هایی که مصرف بالا می‌رود در قوی‌ترین حالت خود است، بنابراین پنل‌ها بیشترین برق را وقتی تولید می‌کنند که شبکه زیر بیشترین فشار است. مهندسان هشدار می‌دهند که این هم‌خوانی کامل نیست — مصرف اغلب تا شب و پس از غروب آفتاب بالا می‌ماند — اما سامانه‌های پشت‌بامی همچنان می‌توانند در گرم‌ترین ساعت‌های روز بخشی از بار شبکه‌های محلی را سبک کنند.</p>
<h2>معمای یارانه</h2>
<p>در کشورهایی که برق خانگی یارانهٔ سنگینی دارد، اقتصاد پنل‌های پشت‌بامی عجیب به نظر می‌رسد. وقتی برق شبکه ارزان است، صرفه‌جویی حاصل از تولید برق شخصی ناچیز است و ممکن است سال‌ها طول بکشد تا هزینهٔ اولیهٔ پنل، اینورتر و باتری برگردد. این یکی از دلایلی است که گسترش این فناوری اغلب کندتر از آن بوده که فراوانی آفتاب به‌تنهایی نوید می‌داد.</p>
<p>خاموشی‌ها این حساب‌وکتاب را عوض می‌کنند. برای خانواده‌ای که یخچال و پنکه‌اش ساعت‌ها از کار می‌افتد، یا مغازه‌داری که با هر قطعی مشتری از دست می‌دهد، ارزش برق مطمئن بسیار بیشتر از رقم قبض برق است. از همین رو بسیاری از پیشگامان در واقع نه برق ارزان‌تر، بلکه نوعی <em>بیمه</em> در برابر قطعی می‌خرند و اغلب پنل را با باتری همراه می‌کنند.</p>
<p>برای دولت‌ها و شرکت‌های برق، یارانه معضل دیگری هم می‌آفریند. هر کیلووات‌ساعتی که زیر قیمت تمام‌شده فروخته شود، بار تازه‌ای بر بودجهٔ عمومی می‌گذارد. تشویق خانواده‌ها به تولید برق می‌تواند این بار را سبک کند — اما اگر خانوارهای مرفه‌تر از شبکه فاصله بگیرند و خانوارهای کم‌درآمد باقی بمانند، ممکن است سهم بیشتری از هزینه‌های ثابت سامانه بر دوش مشترکان باقی‌مانده بیفتد.</p>
<blockquote>فرهاد صادقی، مهندسی که سامانه‌ای کوچک روی ساختمان آپارتمانی خانواده‌اش نصب کرده، می‌گوید: «تابستان اولی که پنل داشتیم، اصلاً متوجه خاموشی‌ها نشدیم تا اینکه همسایه‌ها در زدند که گوشی‌شان را شارژ کنند. همان‌جا فهمیدم موضوع فقط قبض برق من نیست؛ موضوع این است که در این کوچه چه کسی برق دارد و چه کسی ندارد.»</blockquote>
<h2>قواعد شبکه</h2>
<p>آیندهٔ برق خورشیدی پشت‌بامی تا حد زیادی به مقررات بستگی دارد. پرسش‌های کلیدی از این قرارند:</p>
<ol>
<li><strong>اتصال:</strong> آیا خانواده‌ها به‌آسانی می‌توانند پنل‌هایشان را به شبکه وصل کنند، یا این کار با انتظار طولانی و کاغذبازی پیچیده همراه است؟</li>
<li><strong>پرداخت:</strong> آیا بابت برق مازادی که به شبکه تزریق می‌کنند پولی دریافت می‌کنند و با چه نرخی؟</li>
<li><strong>استانداردها:</strong> آیا قواعد فنی روشنی برای اینورترها و سیم‌کشی وجود دارد تا انبوه سامانه‌های کوچک، شبکه‌های محلی را بی‌ثبات نکنند؟</li>
<li><strong>تأمین مالی:</strong> آیا خانوارها و کسب‌وکارهای کوچک می‌توانند برای هزینهٔ اولیه وام بگیرند، یا برق خورشیدی فقط از عهدهٔ کسانی برمی‌آید که پس‌انداز دارند؟</li>
</ol>
<p>شرکت‌های برق هم به سهم خود نگران مدیریت هزاران مولد کوچکی هستند که کنترلی بر آن‌ها ندارند. ترانسفورماتورها و خطوط محلی برای جریان یک‌طرفهٔ برق طراحی شده‌اند و جهش ناگهانی تولید پشت‌بامی در یک بعدازظهر آفتابی، اگر شبکه نوسازی نشده باشد، می‌تواند به مشکلات ولتاژ بینجامد. کنتورهای هوشمند و پایش دقیق‌تر کمک می‌کند، اما سرمایه‌گذاری می‌طلبد.</p>
<h2>فراتر از یک پشت‌بام</h2>
<p>برخی از جالب‌ترین ایده‌ها از خانه‌های تک‌واحدی فراتر می‌روند. در مجتمع‌های آپارتمانی، ساکنان می‌توانند از یک سامانهٔ مشترک روی بام ساختمان به‌طور جمعی استفاده کنند. مدرسه‌ها، مسجدها، بیمارستان‌ها و ساختمان‌های عمومی بام‌های بزرگ و اغلب بی‌استفاده‌ای دارند که می‌تواند میزبان پنل‌ها باشد و هنگام خاموشی به پناهگاهی خنک و برق‌دار تبدیل شود. طرح‌های خورشیدی اشتراکی هم به مستأجران یا ساکنان ساختمان‌های سایه‌گیر امکان می‌دهد سهمی از یک نیروگاه بزرگ‌تر در جای دیگری بخرند.</p>
<p>برق خورشیدی پشت‌بامی به‌تنهایی مشکلات برق هیچ کشوری را حل نمی‌کند. نیروگاه‌های بزرگ، خطوط انتقال، بهینه‌سازی مصرف و قیمت‌گذاری منصفانه در مجموع اهمیت بیشتری دارند. اما پنل‌های روی بام، بحث انرژی را به شکلی پیش چشم می‌آورند که نیروگاه‌های دوردست هرگز نمی‌آورند. آن‌ها مصرف‌کننده را به تولیدکننده تبدیل می‌کنند و کوچه به کوچه همان پرسشی را پیش می‌کشند که در قلب هر شبکهٔ برقی نهفته است: چه کسی، چه وقت برق دارد و هزینه‌اش را چه کسی می‌پردازد؟</p>""",
        image_alt_en="Illustration: bright yellow and sky-blue gradient with angled rectangles suggesting solar panels on rooftops",
        image_alt_fa="تصویرسازی: طیف زرد روشن و آبی آسمانی با مستطیل‌های مایل که پنل‌های خورشیدی روی بام‌ها را تداعی می‌کند",
        image_caption_en="Rooftop panels are turning some electricity consumers into producers.",
        image_caption_fa="پنل‌های پشت‌بامی برخی مصرف‌کنندگان برق را به تولیدکننده تبدیل کرده‌اند.",
        image_credit_en="Illustration: Newsroom",
        image_credit_fa="تصویرسازی: نیوزروم",
        authors=["reza-tehrani", "daniel-hart"],
        section="environment",
        tags=["energy", "technology", "cities"],
        series=None,
        part=None,
        status="draft",
        days_ago=0,
        colours=("#F5C431", "#3C8DD1"),
    ),
]
