// The body editor's toolbar in the admin's language, with text where upstream shows only an icon, and no inline
// <style>. A Tiptap extension loaded by django-prose-editor's "configurable" preset (core/widgets.py adds it to
// the widget's config); it changes only the menu's words and the editor's options, never what the editor writes.
//
// django-prose-editor 0.28 writes its menu labels in English ("Heading 2", "paragraph", "bold") without gettext,
// so the items are relabelled here, through Django's JavaScript catalogue (the admin's jsi18n view, which reads
// our locale/*/LC_MESSAGES/djangojs.po). Block types get text buttons; icon buttons keep their icon and get a
// name and a tooltip that teaches the shortcut and the Markdown-style input (## at a line start).
import { Extension, wrappingInputRule } from "django-prose-editor/editor"

const gettext = window.gettext || ((text) => text)
const interpolate = window.interpolate || ((format, values) =>
  format.replace(/%\((\w+)\)s/g, (_match, key) => String(values[key])))

const MAC = /Mac|iPhone|iPad/.test(navigator.platform)
const keys = (...parts) =>
  [MAC ? "⌘" : "Ctrl", ...parts.map((part) => (MAC && part === "Alt" ? "⌥" : part))].join("+")
const withKeys = (format, shortcut) => interpolate(format, { keys: shortcut }, true)

// Menu item name (upstream's) → [short name, tooltip]. Called when an editor is built, so gettext has the catalogue.
function labels() {
  return {
    heading2: [gettext("Subheading"), withKeys(gettext("Subheading (h2), one for each section: type ## and a space at the start of a line, or press %(keys)s"), keys("Alt", "2"))],
    heading3: [gettext("Sub-subheading"), withKeys(gettext("Sub-subheading (h3), only inside a section: type ### and a space at the start of a line, or press %(keys)s"), keys("Alt", "3"))],
    paragraph: [gettext("Paragraph"), withKeys(gettext("Paragraph (%(keys)s)"), keys("Alt", "0"))],
    bulletList: [gettext("Bulleted list"), withKeys(gettext("Bulleted list: type - and a space at the start of a line, or press %(keys)s"), keys("Shift", "8"))],
    orderedList: [gettext("Numbered list"), withKeys(gettext("Numbered list: type 1. and a space at the start of a line, or press %(keys)s"), keys("Shift", "7"))],
    blockquote: [gettext("Quotation"), withKeys(gettext("Quotation: type > and a space at the start of a line, or press %(keys)s"), keys("Shift", "B"))],
    bold: [gettext("Bold"), withKeys(gettext("Bold (%(keys)s)"), keys("B"))],
    italic: [gettext("Italic"), withKeys(gettext("Italic (%(keys)s)"), keys("I"))],
    link: [gettext("Link"), withKeys(gettext("Add or edit a link on the selected text (%(keys)s)"), keys("K"))],
    unlink: [gettext("Remove link"), gettext("Remove the link")],
    "history:undo": [gettext("Undo"), withKeys(gettext("Undo (%(keys)s)"), keys("Z"))],
    "history:redo": [gettext("Redo"), withKeys(gettext("Redo (%(keys)s)"), keys("Shift", "Z"))],
  }
}

const BLOCK_TAGS = { heading2: "h2", heading3: "h3", paragraph: "p" }

function element(tag, properties) {
  return Object.assign(document.createElement(tag), properties)
}

export const NewsroomToolbar = Extension.create({
  name: "newsroomToolbar",
  // After the extensions whose menu items it relabels (the Link extension defines its own).
  priority: 10,

  onBeforeCreate() {
    // Tiptap would inject its base styles as an inline <style> without our CSP nonce (blocked, and logged on every
    // form): they are served from admin_newsroom/tiptap_base.css instead, a file like every other style.
    this.editor.options.injectCSS = false
  },

  addInputRules() {
    // django-prose-editor turns off Tiptap's "1. " rule for numbered lists; we want it back, but only for a list
    // starting at one (Latin or Persian digit): the body's allow-list keeps no start attribute.
    const type = this.editor.schema.nodes.orderedList
    return type ? [wrappingInputRule({ find: /^[1\u06F1]\.\s$/, type })] : []
  },

  addMenuItems({ menu }) {
    const names = labels()
    for (const item of menu.items("blockType nodes marks link history")) {
      const label = names[item.name]
      if (!label) continue
      const [name, title] = label
      const tag = BLOCK_TAGS[item.name]
      if (tag) {
        // The block-type menu: words, not an icon (the picker shows the option, the closed menu a copy of button).
        const button = element("button", {
          type: "button",
          className: "prose-menubar__button prose-menubar__button--text",
          textContent: name,
          title,
        })
        const option = element(tag, { textContent: name, title })
        menu.defineItem({ ...item, groups: [...item.groups], button, option })
      } else if (item.button) {
        item.button.title = title
        item.button.setAttribute("aria-label", name)
        hideIconText(item.button)
      }
    }
  },
})

// An icon button's text is its icon font's ligature ("format_bold"): words for the font, not for people. Hidden from
// assistive technology (the button is named by aria-label), so the name never disagrees with it.
function hideIconText(button) {
  for (const node of [...button.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) {
      const icon = element("span", { textContent: node.textContent })
      icon.setAttribute("aria-hidden", "true")
      button.replaceChild(icon, node)
    }
  }
}

// Upstream greys out an item that cannot apply here (undo with nothing to undo, a link without a selection) with a
// class alone; say so to assistive technology too, so the button reads as unavailable rather than as faint text.
new MutationObserver(() => {
  for (const button of document.querySelectorAll(".prose-menubar__button")) {
    const disabled = String(button.classList.contains("disabled"))
    if (button.getAttribute("aria-disabled") !== disabled) button.setAttribute("aria-disabled", disabled)
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] })

// The block-type picker is placed by upstream at the left edge of its button, so in right-to-left it spilt over
// the neighbouring column. Once it is open (upstream's click handler ran), align it with the button's
// inline-start edge and keep it inside the editor's own box.
document.addEventListener("click", (event) => {
  const selected = event.target.closest?.(".prose-menubar__selected")
  const picker = selected?.parentElement.querySelector(".prose-menubar__picker")
  const box = selected?.closest(".prose-editor")
  if (!picker || !box || !picker.matches(":popover-open")) return
  const button = selected.getBoundingClientRect()
  const column = box.getBoundingClientRect()
  const width = picker.getBoundingClientRect().width
  const rtl = getComputedStyle(selected).direction === "rtl"
  let left = rtl ? button.right - width : button.left
  left = Math.max(column.left, Math.min(left, column.right - width))
  picker.style.left = `${window.scrollX + left}px`
})
