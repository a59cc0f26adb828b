// Copies the front-end packages from node_modules into static/vendor/ (no hand-copied files).
//
// Production serves static files through Django's manifest storage (WhiteNoise), which follows
// every reference inside a CSS or JS file and fails when one points at a file that is not there.
// So the copy is checked here, where a package upgrade first shows up:
// - source-map comments are removed: the maps the packages ship point at sources they do not
//   ship (leaflet.js.map names ../src/*.js without their content), so a map is of no use to
//   anyone and only a reference that can break;
// - every relative url() in a CSS file must name a copied file, or the build fails.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "static", "vendor");

const files = [
  ["@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"],
  // The staff lists in Wagtail's admin use only the pagination component of the library.
  ["@utrecht/pagination-css/dist/index.css", "utrecht/pagination.css"],
  ["@gemeente-denhaag/design-tokens-components/dist/theme/index.css", "denhaag/theme.css"],
  ["@gemeente-denhaag/design-tokens-components/LICENSE.md", "denhaag/LICENSE.md"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/images", "leaflet/images"],
  ["leaflet/LICENSE", "leaflet/LICENSE"],
];

// `//# sourceMappingURL=…` (JS) and `/*# sourceMappingURL=… */` (CSS), also the old `//@` form.
const SOURCE_MAP = /^[ \t]*(?:\/\/[#@][ \t]*sourceMappingURL=[^\r\n]*|\/\*[#@][ \t]*sourceMappingURL=[^*]*\*\/)[ \t]*(?:\r?\n|$)/gm;
// url(...) in CSS, quoted or not; data:, absolute, protocol-relative and #fragment URLs are not files.
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

rmSync(vendor, { recursive: true, force: true });
for (const [from, to] of files) {
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(modules, from), target, { recursive: true });
}

const broken = [];
for (const path of walk(vendor)) {
  const ext = extname(path);
  if (![".js", ".mjs", ".css"].includes(ext)) continue;
  let text = readFileSync(path, "utf8");
  const stripped = text.replace(SOURCE_MAP, "");
  if (stripped !== text) writeFileSync(path, (text = stripped));
  if (ext !== ".css") continue;
  for (const [, , url] of text.matchAll(CSS_URL)) {
    if (NOT_A_FILE.test(url)) continue;
    const file = join(dirname(path), url.split(/[?#]/)[0]);
    if (!existsSync(file)) broken.push(`${relative(vendor, path)}: url(${url})`);
  }
}
// Only the design-system CSS that the platform uses (PurgeCSS): the component library and the
// Den Haag theme ship ~540 KB for every component and token there is; a page of ours uses about
// forty components. What counts as used: every class name written in a template, a script or the
// Python code (widgets' attrs), and the custom properties used by what stays or by our own CSS.
// Classes a template builds from a variable (`utrecht-button--{{ kind }}-action`) are kept by
// their prefix below. `make frontend` builds again whenever a template or script changes.
const CONTENT = [
  "templates/**/*.html",
  "static/js/**/*.js",
  "{site,meldingen,initiatives,participation}/**/*.py",
];
const SAFELIST = [
  /^utrecht-alert--/,
  /^utrecht-button--/,
  /^utrecht-button-link--/,
  /^utrecht-form-label--/,
  /^utrecht-(un)?ordered-list/,
];
const PURGED = ["utrecht/component-library.css", "denhaag/theme.css"];
const ours = readdirSync(join(root, "static", "css")).map((name) => join(root, "static", "css", name));
// Our own CSS and the components first, the theme last: a token is kept when anything read
// before it uses it.
const inputs = [...ours, join(vendor, PURGED[0]), join(vendor, PURGED[1])];
const purged = await new PurgeCSS().purge({
  content: CONTENT.map((glob) => join(root, glob)),
  css: inputs,
  safelist: { standard: SAFELIST, greedy: [] },
  variables: true,
  keyframes: true,
  fontFace: true,
  skippedContentGlobs: ["**/node_modules/**", "**/migrations/**", "**/.venv/**"],
});
for (const { file, css } of purged) {
  const name = relative(vendor, file);
  if (!PURGED.includes(name)) continue;
  const before = readFileSync(file).length;
  writeFileSync(file, css);
  console.log(`${name}: ${before} -> ${Buffer.byteLength(css)} bytes`);
}

if (broken.length) {
  console.error(`front end: references to files that were not copied:\n  ${broken.join("\n  ")}`);
  process.exit(1);
}
console.log(`front end built into ${vendor}`);
