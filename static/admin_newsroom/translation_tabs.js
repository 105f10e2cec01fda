// Mark modeltranslation's language tabs with the translation's state (missing / outdated), read from
// the JSON the change form carries, once the tabs have been built.
"use strict";
window.addEventListener("load", function () {
  const data = document.getElementById("translation-states");
  if (!data) {
    return;
  }
  const states = JSON.parse(data.textContent);
  document.querySelectorAll(".ui-tabs-nav li a").forEach(function (link) {
    const language = link.textContent.trim();
    const entry = states.find(function (item) { return item.language === language; });
    if (entry && entry.state !== "up_to_date") {
      link.parentElement.classList.add("mt-state-" + entry.state);
      link.title = entry.name + ": " + entry.label;
    }
  });
});
