// Give each rich-text editor the name of its field: django-prose-editor hides the <textarea> that the
// field's <label for> names and edits in a contenteditable role="textbox", which has no name of its own
// (axe: aria-input-field-name). The editor is built after load, so watch for it.
"use strict";
(function () {
  function nameEditors(root) {
    root.querySelectorAll(".prose-editor").forEach(function (wrapper) {
      const textarea = wrapper.querySelector("textarea[id]");
      const editor = wrapper.querySelector("[contenteditable][role=textbox]");
      if (!textarea || !editor || editor.hasAttribute("aria-labelledby")) {
        return;
      }
      const label = document.querySelector('label[for="' + textarea.id + '"]');
      if (!label) {
        return;
      }
      label.id = label.id || textarea.id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
      if (textarea.lang) {
        editor.lang = textarea.lang;
      }
    });
  }
  new MutationObserver(function () { nameEditors(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { nameEditors(document); });
})();
