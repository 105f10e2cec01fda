// Names and roles for the controls the admin's scripts build, which come without them (axe-core's findings):
// - select2's boxes (the autocompletes: section, series, tags, a byline's author) are named after their
//   field's <label> (or, in a table row, the select's own aria-label), as the APG's select-only combobox is:
//   labelled by the label, its text the value. The text is no read-only "textbox" of its own, and the
//   mouse-only "clear all" cross of a multiple one is no stray item in its list of chosen items.
// - jQuery UI's translation tabs (modeltranslation): a tab (role="tab") must hold nothing focusable, so each
//   tab's link loses its href (and tabindex) once jQuery UI has read its panel from it; the tab stays focusable and
//   is worked with arrow keys, as before.
// - modeltranslation's "all tabs" language switch gets a name.
// Built after load and again for each inline row added, so every change to the page is watched.
/* global django, gettext */
"use strict";
(function ($) {
  function labelFor(control) {
    const label = control.id ? document.querySelector('label[for="' + CSS.escape(control.id) + '"]') : null;
    if (label) {
      label.id = label.id || control.id + "-label";
    }
    return label;
  }

  // Name `element` as `select` is named: by its <label>, else by its aria-label. Return whether it could.
  function nameLike(element, select) {
    const label = labelFor(select);
    if (label) {
      element.setAttribute("aria-labelledby", label.id);
      return true;
    }
    if (select.getAttribute("aria-label")) {
      element.removeAttribute("aria-labelledby");
      element.setAttribute("aria-label", select.getAttribute("aria-label"));
      return true;
    }
    return false;
  }

  function nameSelect2(container) {
    const select = container.previousElementSibling;
    if (!select || select.tagName !== "SELECT") {
      return;
    }
    const box = container.querySelector(".select2-selection[role=combobox]");
    if (box) {
      nameLike(box, select);
    }
    const rendered = container.querySelector(".select2-selection--single .select2-selection__rendered");
    if (rendered) {
      rendered.removeAttribute("role");
      rendered.removeAttribute("aria-readonly");
    }
    // A multiple one is typed into in its inline search box.
    container.querySelectorAll(".select2-selection--multiple .select2-search__field").forEach(function (search) {
      nameLike(search, select);
    });
    container.querySelectorAll(".select2-selection--multiple .select2-selection__clear").forEach(function (cross) {
      cross.setAttribute("aria-hidden", "true");
    });
  }

  function nameSwitch(select) {
    if (!select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", gettext("Language of every translated field"));
    }
  }

  function fix(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    const containers = Array.from(root.querySelectorAll(".select2-container"));
    if (root.matches(".select2-container")) {
      containers.push(root);
    }
    containers.forEach(nameSelect2);
    // select2 puts its "clear all" cross back into the list each time the choice changes.
    const closest = root.closest(".select2-container");
    if (closest) {
      nameSelect2(closest);
    }
    const mainSwitch = document.getElementById("modeltranslation-main-switch");
    if (mainSwitch) {
      nameSwitch(mainSwitch);
    }
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(fix);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { fix(document.body); });

  if (!$) {
    return;
  }
  // A single select2's search box is built when its list opens.
  $(document).on("select2:open", function (event) {
    const instance = $(event.target).data("select2");
    const search = instance && instance.dropdown && instance.dropdown.$search;
    if (search && search.length) {
      nameLike(search[0], event.target);
    }
  });

  if (!$.ui || !$.ui.tabs) {
    return;
  }
  function strip(anchors) {
    anchors.each(function () {
      if (this.hasAttribute("href")) {
        this.dataset.tabHref = this.getAttribute("href");
        this.removeAttribute("href");
      }
      // jQuery UI keeps its links out of the tab order with tabindex="-1", which still makes them focusable.
      this.removeAttribute("tabindex");
    });
  }
  function restore(anchors) {
    anchors.each(function () {
      if (this.dataset.tabHref) {
        this.setAttribute("href", this.dataset.tabHref);
        delete this.dataset.tabHref;
      }
    });
  }
  $.widget("ui.tabs", $.ui.tabs, {
    _create: function () {
      this._super();
      strip(this.anchors);
    },
    refresh: function () {
      restore(this.anchors);
      this._super();
      strip(this.anchors);
    },
    _destroy: function () {
      restore(this.anchors);
      this._super();
    },
    // A stripped tab's panel is on this page (jQuery UI would otherwise fetch it from the link's address).
    _isLocal: function (anchor) {
      return "tabHref" in anchor.dataset || this._super(anchor);
    },
  });
})(window.django && django.jQuery);
