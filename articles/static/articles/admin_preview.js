// The article form's preview buttons (admin/articles/article/submit_line.html): a language's button is shown
// only while the form's headline in that language is filled, and the row only while one button is. A form
// without that headline field (a translator's) keeps its button: the stored headline is previewed. Without
// this script every button shows, and a preview in a language with no headline simply shows none.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const row = document.querySelector(".preview-row");
  if (!row) {
    return;
  }
  const buttons = row.querySelectorAll("input[data-preview-language]");
  const update = () => {
    for (const button of buttons) {
      const headline = document.getElementById(`id_headline_${button.dataset.previewLanguage}`);
      if (headline) {
        button.hidden = !headline.value.trim();
      }
    }
    row.hidden = Array.from(buttons).every((button) => button.hidden);
  };
  document.addEventListener("input", update);
  update();
});
