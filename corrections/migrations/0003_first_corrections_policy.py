"""Write a first corrections policy in both languages, for the editors to make their own in the admin."""

from django.db import migrations

POLICY_EN = (
    "<p>We correct our mistakes openly. When an article states something wrong, we fix it and add a "
    "<strong>correction</strong> at its end saying what was wrong and what is right, with the time of the "
    "change. When an article was accurate but could mislead, we add a <strong>clarification</strong>.</p>"
    "<p>When events move on after publication, we add an <strong>update</strong> under the headline. An "
    "<strong>editor’s note</strong> explains a change of another kind, such as a removed passage.</p>"
    "<p>A note added in one language is translated into the other; until it is, the other language’s page "
    "shows it as written. Every correction and update is listed, newest first, on our corrections page.</p>"
)
POLICY_FA = (
    "<p>ما اشتباه‌هایمان را آشکارا اصلاح می‌کنیم. اگر مقاله‌ای نکته‌ای نادرست بگوید، آن را درست می‌کنیم و در "
    "پایانش <strong>اصلاحیه</strong>‌ای با زمان تغییر می‌افزاییم که می‌گوید چه نادرست بود و درستش چیست. اگر "
    "مقاله‌ای درست بود اما می‌توانست گمراه کند، <strong>توضیح</strong>ی می‌افزاییم.</p>"
    "<p>اگر رویدادها پس از انتشار پیش بروند، زیر تیتر <strong>به‌روزرسانی</strong> می‌افزاییم. "
    "<strong>یادداشت ویراستار</strong> تغییری از نوع دیگر را توضیح می‌دهد، مانند حذف بخشی از متن.</p>"
    "<p>یادداشتی که به یک زبان افزوده شود به زبان دیگر ترجمه می‌شود؛ تا آن زمان، صفحهٔ زبان دیگر آن را همان‌گونه "
    "که نوشته شده نشان می‌دهد. همهٔ اصلاحیه‌ها و به‌روزرسانی‌ها، از تازه‌ترین، در صفحهٔ اصلاحیه‌ها فهرست شده‌اند.</p>"
)


def write_policy(apps, schema_editor):
    CorrectionsPolicy = apps.get_model("corrections", "CorrectionsPolicy")
    if not CorrectionsPolicy.objects.exists():
        CorrectionsPolicy.objects.create(body=POLICY_EN, body_en=POLICY_EN, body_fa=POLICY_FA)


def remove_policy(apps, schema_editor):
    apps.get_model("corrections", "CorrectionsPolicy").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("corrections", "0002_corrections_roles")]

    operations = [migrations.RunPython(write_policy, remove_policy)]
