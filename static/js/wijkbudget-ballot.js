// The ballot's running total, updated as the voter ticks plans. Only an enhancement: without
// JavaScript the "Totaal uitrekenen" button asks the server, which also checks everything again.
(function () {
  "use strict";
  var form = document.querySelector("[data-pb-ballot]");
  if (!form) return;
  var used = form.querySelector("[data-pb-used]");
  if (!used) return;
  var cumulative = form.dataset.cumulative === "1";
  var euros = new Intl.NumberFormat(document.documentElement.lang || "nl", { style: "currency", currency: "EUR" });
  function update() {
    if (cumulative) {
      var points = 0;
      form.querySelectorAll("input.pb-points").forEach(function (input) {
        var value = parseInt(input.value, 10);
        if (value > 0) points += value;
      });
      used.textContent = String(points);
      return;
    }
    var cents = 0;
    form.querySelectorAll("input[name=kies]").forEach(function (box) {
      box.closest(".pb-card").classList.toggle("pb-card--chosen", box.checked);
      if (box.checked) cents += parseInt(box.dataset.cost, 10) || 0;
    });
    used.textContent = euros.format(cents / 100);
    // "Nog over" / "Te veel" against the budget, so the two lines never disagree.
    var left = form.querySelector("[data-pb-left]");
    var budget = parseInt(form.dataset.budget, 10);
    if (left && !isNaN(budget)) {
      var rest = budget - cents;
      var label = rest < 0 ? left.dataset.textOver : left.dataset.textLeft;
      var amount = euros.format(Math.abs(rest) / 100);
      left.textContent = "";
      if (rest < 0) {
        var strong = document.createElement("strong");
        strong.textContent = label + " " + amount;
        left.appendChild(strong);
      } else {
        left.textContent = label + " " + amount;
      }
    }
  }
  form.addEventListener("change", update);
  form.addEventListener("input", update);
})();
