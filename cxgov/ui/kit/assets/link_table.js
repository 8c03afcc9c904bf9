// An accessible HTML table whose first-class cells are real links to pages of the app.
//
// Every text comes from `data` and is inserted with textContent or setAttribute, never as HTML: the cells
// hold what people typed. A plain click (or Enter) on a link is sent to Python, which navigates inside the
// same Streamlit session; a click with a modifier key, a middle click or "open in new tab" stays the
// browser's own and opens the link's URL.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function linkCell(cell) {
  const link = element("a", "cx-link", cell.text);
  link.setAttribute("href", cell.href);
  link.setAttribute("title", cell.text);
  return link;
}

function progressCell(cell) {
  const wrap = element("div", "cx-progress");
  const bar = element("div", "cx-bar");
  bar.setAttribute("aria-hidden", "true");
  const fill = element("div", "cx-fill");
  fill.style.width = `${Math.max(0, Math.min(100, Number(cell.pct) || 0))}%`;
  bar.appendChild(fill);
  wrap.appendChild(bar);
  wrap.appendChild(element("span", "cx-pct", cell.text));
  return wrap;
}

function fillCell(td, kind, cell) {
  if (cell.href) {
    td.appendChild(linkCell(cell));
  } else if (kind === "progress") {
    td.appendChild(progressCell(cell));
  } else if (kind === "long") {
    const text = element("div", "cx-clamp", cell.text);
    text.setAttribute("title", cell.text);
    td.appendChild(text);
  } else {
    td.textContent = cell.text;
  }
  if (cell.tint) {
    td.style.backgroundColor = cell.tint;
    td.classList.add("cx-tinted");
  }
}

function buildTable(data) {
  const table = element("table", "cx-table");
  const caption = element("caption", "cx-hidden", data.caption);
  table.appendChild(caption);
  const head = element("thead");
  const headRow = element("tr");
  data.columns.forEach((column) => {
    const th = element("th", `cx-kind-${column.kind}`, column.label);
    th.setAttribute("scope", "col");
    headRow.appendChild(th);
  });
  head.appendChild(headRow);
  table.appendChild(head);
  const body = element("tbody");
  data.rows.forEach((row) => {
    const tr = element("tr");
    row.forEach((cell, index) => {
      const column = data.columns[index];
      const td = element(column.header ? "th" : "td", `cx-kind-${column.kind}`);
      if (column.header) td.setAttribute("scope", "row");
      fillCell(td, column.kind, cell);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  return table;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = element("div", "cx-root");
  root.appendChild(buildTable(data));
  parentElement.querySelectorAll(".cx-root").forEach((old) => old.remove());
  parentElement.appendChild(root);
  const open = (event) => {
    const link = event.target.closest ? event.target.closest("a.cx-link") : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // the browser's new tab/window
    event.preventDefault();
    setTriggerValue("open", link.getAttribute("href"));
  };
  root.addEventListener("click", open);
  return () => root.removeEventListener("click", open);
}
