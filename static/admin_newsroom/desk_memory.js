// The translation memory on the desk (desk/templates/desk/includes/_memory.html): "Insert" puts a match's
// translation into the translator's form. A plain field (headline, standfirst…) takes it as its value; the body's
// rich-text editor takes a block's translation at the caret when the caret is in an empty block, else as a new block
// at the end (a subheading when the source piece is one), and a sentence's at the caret, in the paragraph being
// written. The text goes in as a text node, never parsed as HTML.
(function () {
  "use strict";
  const gettext = window.gettext || ((text) => text);
  const editors = new Map(); // textarea id → Tiptap editor, from django-prose-editor's "ready" event

  document.addEventListener("prose-editor:ready", function (event) {
    const { editor, textarea } = event.detail || {};
    if (editor && textarea && textarea.id) {
      editors.set(textarea.id, editor);
    }
  });

  function announce(button, message) {
    let status = document.getElementById("desk-memory-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "desk-memory-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = message;
    button.classList.add("desk-memory-inserted");
  }

  function block(kind, text) {
    const content = [{ type: "text", text: text }];
    const level = { h2: 2, h3: 3 }[kind];
    return level ? { type: "heading", attrs: { level: level }, content: content } : { type: "paragraph", content: content };
  }

  function insertIntoEditor(editor, kind, text) {
    const { $from, empty } = editor.state.selection;
    if (kind === "sentence" && $from.parent.isTextblock && $from.parent.content.size) {
      // A sentence goes where the translator left the caret, in the paragraph they are writing.
      const before = $from.parent.textBetween(0, $from.parentOffset);
      const spaced = before && !/\s$/.test(before) ? " " + text : text;
      editor.chain().focus().insertContent({ type: "text", text: spaced }).run();
    } else if (empty && $from.parent.isTextblock && $from.parent.content.size === 0) {
      editor.chain().focus().insertContent({ type: "text", text: text }).run();
    } else {
      editor.chain().insertContentAt(editor.state.doc.content.size, block(kind, text)).focus("end").run();
    }
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button.desk-memory-insert");
    if (!button) {
      return;
    }
    const field = document.getElementById(button.dataset.memoryField);
    const text = button.dataset.memoryText || "";
    if (!field || !text) {
      return;
    }
    const editor = editors.get(field.id);
    if (editor) {
      insertIntoEditor(editor, button.dataset.memoryKind, text);
    } else if (button.dataset.memoryKind === "sentence" && field.value) {
      const at = field.selectionStart ?? field.value.length;
      const spaced = at && !/\s$/.test(field.value.slice(0, at)) ? " " + text : text;
      field.setRangeText(spaced, at, field.selectionEnd ?? at, "end");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
    } else {
      field.value = text;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
    }
    announce(button, gettext("Memory match inserted: review it, then save and confirm."));
  });
})();
