// model-registry report: the only script of the site. It reads data, never executes any: the comparison takes the
// versions from <script type="application/json" id="compare-data"> on the model page, and every value it shows is
// set through textContent, so stored text stays text. No inline script anywhere (see the Content-Security-Policy).
"use strict";

(function () {
  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function formatDelta(value) {
    if (value === null || !isFinite(value)) {
      return "";
    }
    const rounded = Number(value.toPrecision(6));
    return (rounded > 0 ? "+" : "") + String(rounded);
  }

  function passes(threshold, value) {
    switch (threshold.operator) {
      case ">=": return value >= threshold.bound;
      case ">": return value > threshold.bound;
      case "<=": return value <= threshold.bound;
      case "<": return value < threshold.bound;
      default: return value === threshold.bound;
    }
  }

  function verdict(data, metric, value) {
    if (value === undefined) {
      return "";
    }
    const rules = data.thresholds.filter(function (t) { return t.metric === metric; });
    if (rules.length === 0) {
      return "";
    }
    return rules.every(function (t) { return passes(t, value); }) ? "pass" : "fail";
  }

  function keys(left, right) {
    const all = Object.keys(left || {}).concat(Object.keys(right || {}));
    return all.filter(function (k, i) { return all.indexOf(k) === i; }).sort();
  }

  function setupComparison() {
    const block = document.getElementById("compare-data");
    const leftSelect = document.getElementById("compare-left");
    const rightSelect = document.getElementById("compare-right");
    const onlyDifferences = document.getElementById("differences-only");
    const table = document.getElementById("comparison");
    if (!block || !leftSelect || !rightSelect || !onlyDifferences || !table) {
      return;
    }
    const data = JSON.parse(block.textContent);
    const byNumber = {};
    data.versions.forEach(function (v) { byNumber[String(v.version)] = v; });
    const body = table.tBodies[0];
    // A link may choose the pair: index.html?left=3&right=5#compare (the version pages link to the version before).
    const params = new URLSearchParams(window.location.search);
    [["left", leftSelect], ["right", rightSelect]].forEach(function (pair) {
      const chosen = params.get(pair[0]);
      if (chosen !== null && byNumber[chosen]) {
        pair[1].value = chosen;
      }
    });

    function addRow(field, leftValue, rightValue, numeric) {
      const row = document.createElement("tr");
      row.setAttribute("data-field", field);
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = field;
      row.appendChild(th);
      const same = leftValue === rightValue;
      if (!same) {
        row.className = "differs";
      }
      const left = cell(row, leftValue === undefined || leftValue === null ? "" : String(leftValue));
      const right = cell(row, rightValue === undefined || rightValue === null ? "" : String(rightValue));
      if (numeric) {
        const metric = field.substring("metric:".length);
        const production = data.production === null ? undefined : byNumber[String(data.production)];
        const productionValue = production ? production.metrics[metric] : undefined;
        left.className = verdict(data, metric, leftValue);
        right.className = verdict(data, metric, rightValue);
        cell(row, leftValue === undefined || rightValue === undefined ? "" : formatDelta(rightValue - leftValue));
        cell(row, productionValue === undefined || rightValue === undefined ? "" : formatDelta(rightValue - productionValue));
      } else {
        cell(row, "");
        cell(row, "");
      }
      row.dataset.same = same ? "true" : "false";
      body.appendChild(row);
    }

    function render() {
      const left = byNumber[leftSelect.value];
      const right = byNumber[rightSelect.value];
      while (body.firstChild) {
        body.removeChild(body.firstChild);
      }
      if (!left || !right) {
        return;
      }
      addRow("version", left.version, right.version, false);
      addRow("label", left.label, right.label, false);
      addRow("stage", left.stage + (left.purged ? " (purged)" : ""), right.stage + (right.purged ? " (purged)" : ""), false);
      keys(left.metrics, right.metrics).forEach(function (m) { addRow("metric:" + m, left.metrics[m], right.metrics[m], true); });
      keys(left.recipe, right.recipe).forEach(function (f) { addRow("recipe:" + f, left.recipe[f], right.recipe[f], false); });
      keys(left.files, right.files).forEach(function (f) { addRow("file:" + f, left.files[f], right.files[f], false); });
      applyFilter();
    }

    function applyFilter() {
      Array.prototype.forEach.call(body.rows, function (row) {
        row.classList.toggle("hidden", onlyDifferences.checked && row.dataset.same === "true" && row.getAttribute("data-field") !== "version");
      });
    }

    leftSelect.addEventListener("change", render);
    rightSelect.addEventListener("change", render);
    onlyDifferences.addEventListener("change", applyFilter);
    render();
  }

  function setupHistoryFilter() {
    const input = document.getElementById("history-filter");
    const table = document.getElementById("history");
    if (!input || !table) {
      return;
    }
    input.addEventListener("input", function () {
      const needle = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.classList.toggle("hidden", needle.length > 0 && row.textContent.toLowerCase().indexOf(needle) < 0);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupComparison();
    setupHistoryFilter();
  });
}());
