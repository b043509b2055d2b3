// Renders CSL-JSON with citeproc-js: one process for many (style, items) runs.
// argv[2]: the node_modules folder. stdin: {localesDir, runs: [{style, lang, format, items, clusters}]}.
// stdout: [{bibliography: [entry, ...], ids: [id, ...], citations: [text, ...]}, ...]
// A style is compiled once and reused by later runs whose item ids it has not seen.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(process.argv[2], "citeproc"));
const job = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = {};
const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(job.localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId[id],
};
const engines = {};
const out = job.runs.map((run) => {
  const key = JSON.stringify([run.style, run.lang || null, run.format || "text"]);
  let cached = engines[key];
  if (!cached || run.items.some((item) => cached.seen.has(item.id))) {
    const engine = new CSL.Engine(sys, fs.readFileSync(run.style, "utf8"), run.lang || undefined, run.lang ? true : undefined);
    engine.setOutputFormat(run.format || "text");
    cached = engines[key] = { engine, seen: new Set() };
  }
  for (const item of run.items) {
    byId[item.id] = item;
    cached.seen.add(item.id);
  }
  const engine = cached.engine;
  engine.updateItems(run.items.map((item) => item.id));
  const bib = engine.makeBibliography();
  const citations = (run.clusters || []).map((cluster) => engine.makeCitationCluster(cluster));
  return {
    bibliography: bib ? bib[1] : [],
    ids: bib ? bib[0].entry_ids.map((ids) => ids[0]) : [],
    citations,
  };
});
process.stdout.write(JSON.stringify(out));
