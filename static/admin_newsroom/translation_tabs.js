// modeltranslation's language tabs: named by the language ("فارسی", "English") rather than its code ("fa"),
// and marked with the translation's state (missing / outdated), read from the JSON the change form carries.
"use strict";
(function () {
  // modeltranslation builds the tabs in a jQuery ready callback, which may run after the window's load event:
  // a ready callback registered after its own (this script loads after it) runs after the tabs exist.
  const jq = window.jQuery || (window.django && window.django.jQuery);
  const whenTabsExist = jq ? jq : function (callback) { window.addEventListener("load", callback); };
  whenTabsExist(labelTabs);
})();

function labelTabs() {
  const data = document.getElementById("translation-states");
  const states = data ? JSON.parse(data.textContent) : [];
  document.querySelectorAll(".ui-tabs-nav li a").forEach(function (link) {
    const language = link.dataset.language || link.textContent.trim();
    link.dataset.language = language;
    // modeltranslation writes the language's name, in the page's language, into the tab's title.
    if (link.title && link.title !== language) {
      link.textContent = link.title;
    }
    const entry = states.find(function (item) { return item.language === language; });
    if (entry && entry.state !== "up_to_date") {
      link.parentElement.classList.add("mt-state-" + entry.state);
      link.title = entry.name + ": " + entry.label;
    }
  });
}
