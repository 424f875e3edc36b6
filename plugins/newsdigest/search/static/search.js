// The search page of newsdigest.search: asks the site's Pagefind index and lists what
// it finds (headline, section, date, excerpt), filtered by section and entity. Every
// text shown is set as text; the excerpt keeps Pagefind's <mark> and nothing else.
const form = document.getElementById("search");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterRow = form.querySelector(".search-form__filters");
const { q: query, section, entity, sort } = form.elements;
const PAGE = 20;
let pagefind;
let latest = 0;
let pending = [];

function fill(select, counts = {}) {
  const names = Object.keys(counts).sort((a, b) => a.localeCompare(b));
  for (const name of names) select.add(new Option(`${name} (${counts[name]})`, name));
}

function excerpt(html) {
  const inert = document.createElement("template");
  inert.innerHTML = html; // a template's content is inert: nothing in it runs or loads
  const paragraph = document.createElement("p");
  paragraph.className = "search-result__excerpt";
  for (const node of inert.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(document.createTextNode(node.textContent));
    }
  }
  return paragraph;
}

function result(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result__meta";
  meta.textContent = [data.meta.type, data.meta.section, data.meta.published]
    .filter(Boolean)
    .join(" · ");
  item.append(heading, meta, excerpt(data.excerpt || ""));
  return item;
}

async function showMore(token) {
  const batch = pending.splice(0, PAGE);
  const found = await Promise.all(batch.map((hit) => hit.data()));
  if (token !== latest) return;
  list.append(...found.map(result));
  more.hidden = pending.length === 0;
}

function remember() {
  const params = new URLSearchParams();
  for (const field of [query, section, entity, sort]) {
    if (field.value.trim()) params.set(field.name, field.value.trim());
  }
  const address = params.toString() ? `?${params}` : location.pathname;
  history.replaceState(null, "", address);
}

function settled() {
  list.setAttribute("aria-busy", "false");
}

async function run() {
  const token = ++latest;
  list.setAttribute("aria-busy", "true");
  const words = query.value.trim();
  const filters = {};
  if (section.value) filters.section = section.value;
  if (entity.value) filters.entity = entity.value;
  remember();
  if (!words && !Object.keys(filters).length) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    settled();
    return;
  }
  const options = { filters };
  if (sort.value === "date") options.sort = { date: "desc" };
  const search = await pagefind.search(words || null, options);
  if (token !== latest) return; // a newer search replaced this one
  if (search === null) return settled();
  list.replaceChildren();
  pending = [...search.results];
  const count = pending.length;
  const what = words ? ` for “${words}”` : "";
  status.textContent = count
    ? `${count} ${count === 1 ? "result" : "results"}${what}.`
    : `Nothing found${what}. Try fewer or other words, or another section.`;
  await showMore(token);
  if (token === latest) settled();
}

async function start() {
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  try {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ baseUrl: new URL(form.dataset.site, document.baseURI).pathname });
    const available = await pagefind.filters();
    fill(section, available.section);
    fill(entity, available.entity);
  } catch (error) {
    status.textContent = "Search is not available here yet: the site has no search index.";
    return;
  }
  filterRow.hidden = false;
  const params = new URLSearchParams(location.search);
  for (const field of [query, section, entity, sort]) {
    if (params.has(field.name)) field.value = params.get(field.name);
  }
  let timer;
  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  for (const select of [section, entity, sort]) select.addEventListener("change", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer); // Enter after typing: one search, not a second one 200 ms later
    run();
  });
  more.addEventListener("click", () => showMore(latest));
  if (params.toString()) run();
}

start();
