// A small enhancement: workbooks dropped anywhere on the upload area go into its file input. Without script,
// or in a browser that cannot set a file input's files, the file input does it all.
"use strict";
document.querySelectorAll("[data-dropzone]").forEach(function (zone) {
  var input = zone.querySelector("input[type=file]");
  var list = zone.querySelector("[data-dropzone-list]");
  if (!input || !list || typeof DataTransfer === "undefined") {
    return;
  }
  function show() {
    list.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
  }
  zone.addEventListener("dragover", function (event) {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", function () {
    zone.classList.remove("over");
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
});
