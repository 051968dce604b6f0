// Where each KB of the widget goes. Prints numbers, asserts nothing.
//
//   node tests/bench/bytes.mjs            (after scripts/build-web; BUILD=dir for another build)
//
// The wasm is linked again from the same objects with --profiling-funcs (a name for every
// function; the code is the same) and wasm-ld's link map (every data symbol and its size).
// Each function's bytes go to the source file that defines it (llvm-nm over the build's
// objects: with -flto the linker only knows "lto.tmp"), or by its name to a library
// (nlohmann::, std::, libc); each data symbol likewise. Each file's gzipped size is the one
// scripts/build-web holds to the budget (`gzip -9`, 0.5% under Node's zlib at level 9); its
// parts' are estimates: each part gzipped on its own, then scaled to add up to the file's.
// tend.js is split by esbuild's metafile (the loader's modules, the words, Emscripten's glue).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const run = (cmd, args, opts = {}) => new Promise((resolve, reject) => {
  execFile(cmd, args, { maxBuffer: 256 << 20, ...opts }, (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(stdout)));
});
const gzFile = async (file) => (await run('gzip', ['-9', '-c', file], { encoding: 'buffer' })).length;

// ---- wasm ---------------------------------------------------------------------------------
function leb(buf, pos) {
  let result = 0, shift = 0, b;
  do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [result, pos];
}
function readName(buf, pos) { const [n, p] = leb(buf, pos); return [buf.toString('utf8', p, p + n), p + n]; }

export function parseWasm(buf) {
  const sections = [];
  let pos = 8, imports = 0, bodies = [], names = new Map(), dataBytes = 0;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, p] = leb(buf, pos + 1);
    const end = p + size;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id];
    if (id === 0) {
      const [n, q] = readName(buf, p);
      name = 'custom:' + n;
      if (n === 'name') {
        let r = q;
        while (r < end) {
          const sub = buf[r];
          const [len, s] = leb(buf, r + 1);
          if (sub === 1) {
            let [count, t] = leb(buf, s);
            for (let i = 0; i < count; i++) { let idx, nm; [idx, t] = leb(buf, t); [nm, t] = readName(buf, t); names.set(idx, nm); }
          }
          r = s + len;
        }
      }
    }
    if (id === 2) {
      let [count, q] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let m, f; [m, q] = readName(buf, q); [f, q] = readName(buf, q);
        const kind = buf[q++];
        if (kind === 0) { imports++; [, q] = leb(buf, q); } else if (kind === 1) { q += 1; const fl = buf[q++]; [, q] = leb(buf, q); if (fl & 1) [, q] = leb(buf, q); } else if (kind === 2) { const fl = buf[q++]; [, q] = leb(buf, q); if (fl & 1) [, q] = leb(buf, q); } else if (kind === 3) q += 2;
      }
    }
    if (id === 10) {
      let [count, q] = leb(buf, p);
      for (let i = 0; i < count; i++) { const [len, s] = leb(buf, q); bodies.push(buf.subarray(q, s + len)); q = s + len; }
    }
    if (id === 11) dataBytes = size;
    sections.push({ id, name, size: end - pos });
    pos = end;
  }
  return { sections, functions: bodies.map((body, i) => ({ name: names.get(imports + i) || `function ${imports + i}`, body })), dataBytes };
}

// ---- which file defines what ----------------------------------------------------------------
async function definedBy(build) {
  const objects = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(o|obj)$/.test(e.name)) objects.push(p); } };
  for (const d of ['src/web/CMakeFiles']) if (fs.existsSync(path.join(build, d))) walk(path.join(build, d));
  const map = new Map();
  const text = await run('llvm-nm', ['--defined-only', '-C', ...objects]);
  let file = '';
  for (const line of text.split('\n')) {
    if (line.endsWith(':') && line.includes('.o')) { file = line.slice(0, -1); continue; }
    const m = line.match(/^[0-9a-f-]+\s+([A-Za-z])\s+(.*)$/);
    if (!m || !/[tTwW]/.test(m[1])) continue;
    const rel = file.replace(/.*\.dir\//, '').replace(/\.(o|obj)$/, '').replace(/__\//g, '../');
    const src = /imgui/.test(rel) ? rel : path.posix.join('src/web', rel);
    if (!map.has(m[2]) || /^[tT]$/.test(m[1])) map.set(m[2], src);
  }
  return map;
}

// The part a function belongs to, by its name first (templates and libraries), then its file.
function partOf(name, file) {
  const n = name.replace(/ \(\.\d+\)$/, '');
  if (/nlohmann/.test(n)) return 'nlohmann/json';
  if (/^(stbtt_|stbtt__|stbrp_|stbrp__|stb_|stbtt)/.test(n) || /ImFontAtlasBuildWithStbTruetype/.test(n)) return 'ImGui: stb_truetype, stb_rect_pack';
  if (file) {
    const f = file.replace(/^.*?src\//, 'src/');
    if (/imgui_draw/.test(f)) return 'ImGui: imgui_draw.cpp';
    if (/imgui_widgets/.test(f)) return 'ImGui: imgui_widgets.cpp';
    if (/imgui_tables|imgui_without/.test(f)) return 'ImGui: tables stub, sscanf';
    if (/imgui\.cpp/.test(f)) return 'ImGui: imgui.cpp';
    if (/font_data|trusted_exercises/.test(f)) return 'src/web (generated)';
    if (/words_tables|help_tables/.test(f)) return 'src/screen (generated tables)';
    const m = f.match(/src\/(core|screen|ui|web)\/([^/]+)$/);
    if (m) return `src/${m[1]}/${m[2].replace(/\.cpp$/, '')}`;
  }
  if (/^(Im[A-Z]|ImGui)/.test(n)) return 'ImGui: inline (imgui.h, imgui_internal.h)';
  // With -flto most of our code is inlined into a few big functions: by namespace.
  if (/^tend_/.test(n)) return 'src/web/exports (and all it inlined: mount)';
  const ns = n.match(/^(?:[\w:<>, *&]+ )?tend::(web|ui|screen)::/);
  if (ns) return `src/${ns[1]} (by namespace)`;
  if (/^(?:[\w:<>, *&]+ )?tend::/.test(n)) return 'src/core (by namespace)';
  if (/^std::|^operator new|^operator delete|^__cxa|^__cxx|^void std::|^bool std::|^char\* std::|^unsigned long std::|^int std::|^std::__2/.test(n)) return 'libc++ (std::)';
  if (/tend::/.test(n)) return 'our templates (std:: of our types)';
  if (/^emscripten_|^_emscripten|^stack|^__wasm|^dynCall|^legalstub|^__em_js|^em_/.test(n)) return 'Emscripten runtime';
  return 'libc, malloc, compiler-rt';
}

// Data symbols: from the link map's DATA section.
function dataParts(mapText) {
  const parts = new Map();
  const lines = mapText.split('\n');
  let inData = false;
  for (const line of lines) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 4 && /^[A-Z]/.test(cols[3])) { inData = cols[3] === 'DATA'; continue; }
    if (!inData || cols.length < 4) continue;
    const size = parseInt(cols[2], 16), sym = cols.slice(3).join(' ');
    if (!size || cols[1] === '0') continue; // .bss: not in the file
    // Each symbol is listed twice (its input section, then its name), and the output
    // sections (.rodata, .data) once: count the names, and the merged string literals.
    if (/^\.(rodata|data|bss)$/.test(sym) || (/:\(/.test(sym) && !/^<internal>:\(\.rodata\)$/.test(sym))) continue;
    let part = 'data: other (ImGui, libc tables)';
    if (/kFontData/.test(sym)) part = 'data: the embedded font (Lato subset)';
    else if (/^<internal>/.test(sym)) part = 'data: string literals, merged (words of every language, crisis help, messages)';
    else if (/tend::screen|kWord|kHelp|kCountr|kRegion/.test(sym)) part = 'data: word and help tables';
    else if (/tend::|kTrusted/.test(sym)) part = 'data: our other tables';
    parts.set(part, (parts.get(part) || 0) + size);
  }
  return parts;
}

// ---- the relink -------------------------------------------------------------------------------
async function relinkWithNames(build) {
  const dir = path.join(build, 'src/web');
  const link = fs.readFileSync(path.join(dir, 'CMakeFiles/tend_widget.dir/link.txt'), 'utf8').trim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bytes-'));
  const cmd = link.replace(' -o tend-engine.js ', ` --profiling-funcs -Wl,--print-map -o ${tmp}/tend-engine.js `);
  if (cmd === link) throw new Error('bytes: the link command has a new shape');
  const map = await run('bash', ['-c', cmd], { cwd: dir, env: { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' } });
  return { wasm: fs.readFileSync(path.join(tmp, 'tend-engine.wasm')), map, tmp };
}

export async function byteBreakdown({ build = path.join(root, process.env.BUILD || 'build-web') } = {}) {
  const site = path.join(build, 'site');
  const shipped = fs.readFileSync(path.join(site, 'tend-engine.wasm'));
  const { wasm, map, tmp } = await relinkWithNames(build);
  const files = await definedBy(build);
  const parsed = parseWasm(wasm), real = parseWasm(shipped);
  fs.rmSync(tmp, { recursive: true, force: true });

  const groups = new Map();
  const add = (part, bytes) => { const g = groups.get(part) || { raw: 0, chunks: [] }; g.raw += bytes.length; g.chunks.push(bytes); groups.set(part, g); };
  const fnTop = [];
  for (const f of parsed.functions) { add(partOf(f.name, files.get(f.name)), f.body); fnTop.push([f.name, f.body.length]); }
  // Data: the bytes themselves aren't split in the file; sizes from the map, gzip from the
  // data section in proportion (the font barely compresses: gzipped on its own below).
  const dparts = dataParts(map);
  const dataSection = real.sections.find((s) => s.name === 'data');
  const other = real.sections.filter((s) => s.name !== 'code' && s.name !== 'data').reduce((a, s) => a + s.size, 0);
  const wasmGz = await gzFile(path.join(site, 'tend-engine.wasm'));
  // Estimates: gzip each code part alone; the data's parts as raw sizes.
  const est = [];
  for (const [part, g] of groups) est.push({ part, raw: g.raw, gzAlone: gz(Buffer.concat(g.chunks)) });
  const fontBytes = readFont(build);
  for (const [part, raw] of dparts) est.push({ part, raw, gzAlone: part.includes('font') && fontBytes ? gz(fontBytes) : Math.round(raw * 0.45) });
  est.push({ part: 'wasm: types, imports, exports, tables', raw: other, gzAlone: Math.round(other * 0.5) });
  const sumAlone = est.reduce((a, e) => a + e.gzAlone, 0);
  for (const e of est) e.gz = Math.round((e.gzAlone * wasmGz) / sumAlone);
  est.sort((a, b) => b.gz - a.gz);

  // tend.js, by esbuild's metafile of a minified bundle of the same modules.
  const js = await jsBreakdown(build);
  return { wasm: { raw: shipped.length, gz: wasmGz, code: (real.sections.find((s) => s.name === 'code') || {}).size, data: dataSection && dataSection.size, parts: est, functions: parsed.functions.length,
    biggest: fnTop.sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, bytes]) => ({ name, bytes, part: partOf(name, files.get(name)) })) }, js,
  others: await Promise.all(['tend.css', 'exercises/self-compassion-impossible.json'].map(async (f) => ({ file: f, raw: fs.statSync(path.join(site, f)).size, gz: await gzFile(path.join(site, f)) }))) };
}

function readFont(build) {
  const cpp = path.join(build, 'src/web/font_data.cpp');
  if (!fs.existsSync(cpp)) return null;
  const m = fs.readFileSync(cpp, 'utf8').match(/kFontData\[\d+\] = \{([\s\S]*?)\};/);
  return m ? Buffer.from(m[1].split(',').filter((x) => x.trim()).map(Number)) : null;
}

async function jsBreakdown(build) {
  const meta = path.join(os.tmpdir(), `tend-meta-${process.pid}.json`);
  const outFile = path.join(os.tmpdir(), `tend-meta-${process.pid}.js`);
  await run(path.join(root, 'node_modules/.bin/esbuild'), [path.join(root, 'web/src/loader.js'), '--bundle', '--format=iife', '--target=es2017', '--minify', '--log-level=error',
    `--alias:tend-engine-glue=${path.join(build, 'js/engine_glue.js')}`, `--alias:tend-words=${path.join(build, 'js/words.js')}`, `--alias:tend-build=${path.join(build, 'js/build.js')}`, `--metafile=${meta}`, `--outfile=${outFile}`]);
  const m = JSON.parse(fs.readFileSync(meta, 'utf8'));
  const shipped = fs.readFileSync(path.join(build, 'site/tend.js'));
  const inputs = Object.values(m.outputs)[0].inputs;
  const total = Object.values(inputs).reduce((a, i) => a + i.bytesInOutput, 0);
  const shippedGz = await gzFile(path.join(build, 'site/tend.js'));
  const parts = Object.entries(inputs).map(([file, i]) => ({ file: file.replace(/^.*?(web\/src\/|js\/)/, (s, p) => p), raw: Math.round((i.bytesInOutput * shipped.length) / total), gz: Math.round((i.bytesInOutput * shippedGz) / total) }))
    .sort((a, b) => b.raw - a.raw);
  for (const f of [meta, outFile]) fs.rmSync(f, { force: true });
  return { raw: shipped.length, gz: shippedGz, parts };
}

export function printBreakdown(b) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  const total = b.wasm.gz + b.js.gz + b.others.reduce((a, o) => a + o.gz, 0);
  console.log(`\nWhere each KB goes (KB = 1024 B; gzip -9). Everything one widget loads: ${total} B = ${(total / 1024).toFixed(1)} KB gzipped`);
  console.log(`  tend-engine.wasm ${kb(b.wasm.raw)} raw ${kb(b.wasm.gz)} gz   (code ${(b.wasm.code / 1024).toFixed(1)} KB in ${b.wasm.functions} functions, data ${(b.wasm.data / 1024).toFixed(1)} KB)`);
  for (const p of b.wasm.parts) console.log(`    ${p.part.padEnd(46)}${kb(p.raw)} raw ${kb(p.gz)} gz (est.)`);
  console.log(`  tend.js          ${kb(b.js.raw)} raw ${kb(b.js.gz)} gz`);
  for (const p of b.js.parts) console.log(`    ${p.file.padEnd(46)}${kb(p.raw)} raw ${kb(p.gz)} gz (est.)`);
  for (const o of b.others) console.log(`  ${o.file.padEnd(48)}${kb(o.raw)} raw ${kb(o.gz)} gz`);
  console.log('  the biggest functions:');
  for (const f of b.wasm.biggest) console.log(`    ${String(f.bytes).padStart(6)} B  ${f.name.slice(0, 90)}  [${f.part}]`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printBreakdown(await byteBreakdown());
}
