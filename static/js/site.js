// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Copy-link button: shown only when the Clipboard API is there to make it work.
  function setUpCopyButtons() {
    if (!navigator.clipboard || !window.isSecureContext) return;
    document.querySelectorAll("[data-copy-url]").forEach(function (button) {
      var original = button.textContent;
      var status = document.createElement("span");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      button.after(status);
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copyUrl).then(function () {
          button.textContent = button.dataset.copiedText;
          status.textContent = button.dataset.copiedText;
          window.setTimeout(function () {
            button.textContent = original;
            status.textContent = "";
          }, 2500);
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpCopyButtons);
  } else {
    setUpCopyButtons();
  }
})();
