/* Copy-link button: progressive enhancement. Without JS the link stays in a readonly field. */
(function () {
  var buttons = document.querySelectorAll("[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.parentNode.querySelector("[data-copy-status]");
    if (!field) return;
    try { field.value = new URL(field.value, location.href).href; } catch (e) {}
    function say(text) { if (status) status.textContent = text; }
    function fallback() {
      field.focus();
      field.select();
      try { say(document.execCommand("copy") ? "Tautan disalin." : "Salin tautan dari kotak di atas."); }
      catch (e) { say("Salin tautan dari kotak di atas."); }
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say("Tautan disalin."); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
