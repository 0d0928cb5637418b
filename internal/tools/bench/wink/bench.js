// bench.js times wink-nlp over the "text" fields of JSONL files on one
// thread: readDoc with the model's full pipeline (sentence boundaries,
// negation, sentiment, POS, NER, custom entities), then every token,
// sentence, entity and the document's sentiment are read out so that no
// work is skipped lazily. It prints one JSON line: documents, wink's own
// token count and the best warm pass's seconds (of -passes passes; the
// first pass warms the JIT and is not counted when there are more).
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const args = process.argv.slice(2);
let passes = 3;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-passes') { passes = parseInt(args[++i], 10); continue; }
  files.push(args[i]);
}
const texts = [];
for (const f of files) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line);
    if (typeof rec.text === 'string') texts.push(rec.text);
  }
}
const nlp = winkNLP(model);
const its = nlp.its;
let best = Infinity;
let tokens = 0;
for (let p = 0; p < passes; p++) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  let sink = 0;
  for (const t of texts) {
    const doc = nlp.readDoc(t);
    n += doc.tokens().length();
    sink += doc.tokens().out(its.pos).length;
    sink += doc.sentences().length();
    sink += doc.entities().out(its.detail).length;
    sink += doc.out(its.sentiment);
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  tokens = n;
  if (sink === -1) console.error('unreachable');
  if (passes === 1 || p > 0) best = Math.min(best, s);
}
console.log(JSON.stringify({ docs: texts.length, tokens, seconds: best }));
