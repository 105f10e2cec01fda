// Django's URLify drops the zero-width non-joiner, gluing Persian words ("ریاست‌جمهوری" becomes
// "ریاستجمهوری"); make it a word break first, as the server's slug_for does. Patched once every
// script has loaded, since urlify.js may come after this file; prepopulate.js looks URLify up on each key.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const original = window.URLify;
  if (typeof original !== "function") {
    return;
  }
  window.URLify = function (text, numChars, allowUnicode) {
    return original(String(text).replace(/\u200c/g, " "), numChars, allowUnicode);
  };
});
