// Reads bibliography files with citation-js: one process for many inputs.
// argv[2]: the node_modules folder. stdin: {inputs: [{type, text}]}, `type` a citation-js input type
// such as "@ris/file", "@biblatex/text" or "@csl/list+object" (null: let citation-js detect it).
// stdout: [[CSL-JSON item, ...], ...], one list per input.
"use strict";
const fs = require("fs");
const path = require("path");
const modules = process.argv[2];
const { Cite } = require(path.join(modules, "@citation-js/core"));
for (const plugin of ["plugin-bibtex", "plugin-ris", "plugin-csl"]) require(path.join(modules, "@citation-js", plugin));
const job = JSON.parse(fs.readFileSync(0, "utf8"));
const out = job.inputs.map((input) => {
  const data = input.type === "@csl/list+object" ? JSON.parse(input.text) : input.text;
  const options = input.type && input.type !== "@csl/list+object" ? { forceType: input.type } : {};
  return new Cite(data, options).data;
});
process.stdout.write(JSON.stringify(out));
