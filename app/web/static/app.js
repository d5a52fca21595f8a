"use strict";

// The start form: a file over the limit is refused before it is uploaded, with the reason in
// words; while the act is parsed the button says so.
for (const form of document.querySelectorAll("form[data-max-bytes]")) {
  const input = form.querySelector("input[type=file]");
  const message = form.querySelector("[data-file-error]");
  const button = form.querySelector("button.primary");
  const label = button ? button.textContent : "";
  const limit = Number(form.dataset.maxBytes);

  const fileFits = () => {
    const tooLarge = input !== null && input.files.length > 0 && input.files[0].size > limit;
    message.hidden = !tooLarge;
    message.textContent = tooLarge ? form.dataset.tooLarge : "";
    return !tooLarge;
  };

  if (input !== null) input.addEventListener("change", fileFits);
  form.addEventListener("submit", (event) => {
    if (!fileFits()) {
      event.preventDefault();
      return;
    }
    if (button) {
      button.disabled = true;
      button.textContent = form.dataset.busy;
    }
  });
  // Coming back with the browser's Back button shows the form as it was left: usable again.
  window.addEventListener("pageshow", () => {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  });
}
