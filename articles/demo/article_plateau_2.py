ARTICLE = dict(
    slug_en="the-price-of-a-glass-of-water",
    slug_fa="بهای-یک-لیوان-آب",
    headline_en="The price of a glass of water: how scarcity reshapes city budgets",
    headline_fa="بهای یک لیوان آب؛ کم‌آبی چگونه بودجهٔ شهرها را دگرگون می‌کند",
    standfirst_en="Cities on the plateau sell water for less than it costs to deliver, and lose a large share of it to leaking pipes before it reaches a tap. Someone is paying the difference.",
    standfirst_fa="شهرهای فلات آب را ارزان‌تر از هزینهٔ رساندنش می‌فروشند و بخش بزرگی از آن را پیش از رسیدن به شیر آب در لوله‌های فرسوده از دست می‌دهند. کسی دارد این فاصله را می‌پردازد.",
    body_en="""<p>In the first part of this series we followed the plateau's groundwater down the wells of its farms. This time we follow it into the cities, where scarcity rarely looks like a dry field. It looks like a water bill that has barely changed in years, a utility that cannot pay for repairs, and a summer evening when the pressure in the taps drops to a trickle on the upper floors.</p>
<p>Urban water is a small share of the plateau's total use; farms take far more. But cities are where water becomes a price, a budget line and a political promise, and that makes them the place where the economics of scarcity is easiest to see.</p>
<h2>Selling below cost</h2>
<p>Water utilities in many cities of the plateau charge households less than it costs to pump, treat and deliver a cubic metre. The gap is covered in several ways: transfers from the national budget, borrowing, and, most often, by postponing maintenance. Deferred maintenance is the quietest subsidy of all. Nobody votes against it, and its bill arrives years later, when a main bursts under a busy street.</p>
<p>Cheap water is defended as a protection for poorer households, and the instinct is understandable. Yet flat, low tariffs mostly reward the largest users: the villa with a garden and a pool pays little more per litre than the small flat. A fictional municipal economist we interviewed put it bluntly.</p>
<blockquote>"We are subsidising swimming pools with money that should be fixing pipes," says Leila Nouri, an invented adviser to a city council. "A fair tariff is not the same thing as a low tariff. The first litres a family needs can be nearly free; the hundredth cubic metre should not be."</blockquote>
<h2>The water that never arrives</h2>
<p>Every city loses some water between the treatment plant and the tap, through leaks, theft and faulty meters. Engineers call it non-revenue water. On the plateau, officials have estimated these losses at a quarter or more of the supply in older networks. In a region where new sources mean pipelines hundreds of kilometres long, every leaking joint is a well that somebody had to dig.</p>
<p>Fixing networks is slow, disruptive and unglamorous. A new dam or a transfer pipeline has an opening ceremony; replacing a few kilometres of corroded pipe does not. Utilities starved of revenue tend to choose the projects that attract money from elsewhere, even when the cheapest new water is the water they are already losing.</p>
<ul>
<li>Tiered tariffs: a low price for essential use, higher prices for heavy use.</li>
<li>Metering every connection, and reading the meters.</li>
<li>Ring-fencing water revenue for the network that earns it.</li>
<li>Publishing losses district by district, so that progress can be seen.</li>
</ul>
<h2>Who pays in the end</h2>
<p>When a city runs short, the cost is paid one way or another. Sometimes it is paid in tanker trucks that serve the neighbourhoods the network cannot reach, at prices far above the official tariff. Sometimes it is paid in pressure cuts at night, which fall hardest on homes without storage tanks or pumps. And sometimes it is paid by the farms upstream, when water is transferred to the city and the villages that depended on it are left to adjust.</p>
<p>Inflation sharpens every one of these choices. As the cost of energy, chemicals and pipes rises, a tariff frozen in money terms becomes cheaper every year in real terms. Raising it is politically painful at exactly the moment when household budgets are already stretched, which is why many councils keep postponing the decision.</p>
<h2>A price that tells the truth</h2>
<p>None of the people we spoke to argued that water should be priced like a luxury. Their case was narrower: that a price which hides the cost of scarcity makes scarcity worse. A tariff that rises with use, a network that keeps what it carries and a budget that shows where the money goes would not make the plateau wetter. They would make its cities honest about how much water they have.</p>
<p>In the final part of this series we turn from spending water to saving it: the attempts to put water back into the ground, and which of them can work.</p>""",
    body_fa="""<p>در بخش نخست این مجموعه، آب زیرزمینی فلات را تا ته چاه‌های کشاورزی دنبال کردیم. این بار آن را تا شهرها دنبال می‌کنیم؛ جایی که کم‌آبی به‌ندرت شکل مزرعه‌ای خشک دارد. شکلش قبض آبی است که سال‌هاست تقریباً تغییر نکرده، شرکتی آب‌وفاضلاب که پول تعمیرات ندارد، و غروب تابستانی که فشار آب در طبقه‌های بالا به یک باریکه می‌رسد.</p>
<p>سهم شهرها از کل مصرف آب فلات کوچک است و کشاورزی بسیار بیشتر برمی‌دارد. اما شهر جایی است که آب به قیمت، ردیف بودجه و وعدهٔ سیاسی تبدیل می‌شود، و همین آن را به روشن‌ترین جا برای دیدن اقتصاد کم‌آبی بدل می‌کند.</p>
<h2>فروش زیر قیمت تمام‌شده</h2>
<p>شرکت‌های آب در بسیاری از شهرهای فلات از خانوارها کمتر از هزینهٔ پمپاژ، تصفیه و رساندن هر مترمکعب آب می‌گیرند. این شکاف به چند راه پر می‌شود: کمک از بودجهٔ ملی، وام، و بیش از همه، به تعویق انداختن نگهداری. نگهداری معوق بی‌صداترین یارانه است. کسی به آن رأی منفی نمی‌دهد و صورت‌حسابش سال‌ها بعد می‌رسد؛ وقتی لولهٔ اصلی زیر خیابانی شلوغ می‌ترکد.</p>
<p>از آب ارزان به نام حمایت از خانوارهای کم‌درآمد دفاع می‌شود و این انگیزه قابل درک است. اما تعرفه‌های یکسان و پایین بیش از همه به پرمصرف‌ترین‌ها پاداش می‌دهد: ویلای باغ‌دار و استخردار برای هر لیتر آب کمی بیشتر از آپارتمان کوچک می‌پردازد. اقتصاددانی خیالی در یک شهرداری که با او گفت‌وگو کردیم، بی‌پرده گفت:</p>
<blockquote>لیلا نوری، مشاوری خیالی در یک شورای شهر، می‌گوید: «ما با پولی که باید صرف تعمیر لوله‌ها شود، به استخرها یارانه می‌دهیم. تعرفهٔ منصفانه با تعرفهٔ پایین یکی نیست. لیترهای نخستی که هر خانواده لازم دارد می‌تواند تقریباً رایگان باشد؛ صدمین مترمکعب نباید.»</blockquote>
<h2>آبی که هرگز نمی‌رسد</h2>
<p>هر شهری مقداری آب را میان تصفیه‌خانه و شیر خانه از دست می‌دهد؛ از راه نشت، برداشت غیرمجاز و کنتورهای معیوب. مهندسان به آن «آب بدون درآمد» می‌گویند. در فلات، مسئولان این هدررفت را در شبکه‌های قدیمی‌تر یک‌چهارم عرضه یا بیشتر برآورد کرده‌اند. در منطقه‌ای که منبع تازه یعنی خط لولهٔ چندصد کیلومتری، هر اتصال نشتی چاهی است که کسی ناچار بوده حفرش کند.</p>
<p>بازسازی شبکه کند، پرزحمت و بی‌زرق‌وبرق است. سد یا خط انتقال تازه مراسم افتتاح دارد؛ تعویض چند کیلومتر لولهٔ پوسیده ندارد. شرکت‌هایی که درآمد کافی ندارند، معمولاً طرح‌هایی را برمی‌گزینند که پول را از جای دیگری جذب می‌کند، حتی وقتی ارزان‌ترین آب تازه همان آبی است که هم‌اکنون هدر می‌دهند.</p>
<ul>
<li>تعرفهٔ پلکانی: قیمت پایین برای مصرف ضروری و قیمت بالاتر برای پرمصرف‌ها.</li>
<li>کنتور برای هر انشعاب، و خواندن منظم کنتورها.</li>
<li>اختصاص درآمد آب به همان شبکه‌ای که آن را به دست می‌آورد.</li>
<li>انتشار هدررفت محله به محله، تا پیشرفت دیده شود.</li>
</ul>
<h2>در نهایت چه کسی می‌پردازد</h2>
<p>وقتی شهری کم می‌آورد، هزینه به هر حال پرداخت می‌شود. گاهی با تانکرهایی که به محله‌های دور از دسترس شبکه آب می‌رسانند، با قیمتی بسیار بالاتر از تعرفهٔ رسمی. گاهی با افت فشار شبانه که بیشترین فشارش بر خانه‌های بی‌مخزن و بی‌پمپ است. و گاهی کشاورزان بالادست آن را می‌پردازند؛ وقتی آب به شهر منتقل می‌شود و روستاهایی که به آن وابسته بودند، ناچار به سازگاری می‌شوند.</p>
<p>تورم همهٔ این انتخاب‌ها را دشوارتر می‌کند. با بالا رفتن هزینهٔ انرژی، مواد شیمیایی و لوله، تعرفه‌ای که به پول رایج ثابت مانده، هر سال در عمل ارزان‌تر می‌شود. افزایش آن درست وقتی دردناک است که بودجهٔ خانوارها از پیش تحت فشار است، و به همین دلیل بسیاری از شوراها تصمیم را مدام عقب می‌اندازند.</p>
<h2>قیمتی که راست بگوید</h2>
<p>هیچ‌یک از کسانی که با آن‌ها صحبت کردیم نمی‌گفت آب باید مثل کالای تجملی قیمت‌گذاری شود. حرفشان محدودتر بود: قیمتی که هزینهٔ کم‌آبی را پنهان کند، کم‌آبی را بدتر می‌کند. تعرفه‌ای که با مصرف بالا برود، شبکه‌ای که آنچه را می‌برد نگه دارد و بودجه‌ای که نشان دهد پول کجا می‌رود، فلات را پرآب‌تر نمی‌کند؛ اما شهرهایش را دربارهٔ مقدار آبی که دارند صادق می‌کند.</p>
<p>در بخش پایانی این مجموعه از خرج کردن آب به ذخیره کردن آن می‌رسیم: تلاش‌ها برای بازگرداندن آب به دل زمین، و اینکه کدام‌یک از آن‌ها می‌تواند جواب بدهد.</p>""",
    image_alt_en="Illustration: teal and slate gradient with pale circles, suggesting water seen through a pipe",
    image_alt_fa="تصویرسازی: طیف سبزآبی و خاکستری با دایره‌های روشن، یادآور آبی که از درون لوله دیده می‌شود",
    image_caption_en="City water, between the treatment plant and the tap.",
    image_caption_fa="آب شهر، میان تصفیه‌خانه و شیر آب.",
    image_credit_en="Illustration: Newsroom",
    image_credit_fa="تصویرسازی: نیوزروم",
    authors=["daniel-hart"],
    section="environment",
    tags=["water", "cities", "inflation"],
    series="the-thirsty-plateau",
    part=2,
    status="published",
    days_ago=5,
    colours=("#2f7f86", "#5a6472"),
)
