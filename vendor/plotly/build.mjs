// Builds plotly-dashboard.min.js the way plotly.js builds its own dist bundles (esbuild-config.js in its
// package): an IIFE that sets window.Plotly, with maplibre-gl's CSS inlined.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { environmentPlugin } from 'esbuild-plugin-environment';

// maplibre-gl's stylesheet as a <style> the script adds once, named by the file's path inside this folder (not by
// its absolute path, so the build is the same in every checkout)
const inlineCSS = {
    name: 'inline-css',
    setup(build) {
        build.onLoad({ filter: /\.css$/ }, (args) => {
            const id = createHash('sha256').update(path.relative(process.cwd(), args.path)).digest('hex');
            const css = JSON.stringify(readFileSync(args.path, 'utf8'));
            const contents = `if (!document.getElementById('${id}')) {
                var e = document.createElement('style');
                e.id = '${id}';
                e.textContent = ${css};
                document.head.appendChild(e);
            }`;
            return { contents, loader: 'js' };
        });
    },
};

const version = JSON.parse(readFileSync('node_modules/plotly.js/package.json', 'utf8')).version;
const traces = [...readFileSync('entry.js', 'utf8').matchAll(/plotly\.js\/lib\/(\w+)'/g)]
    .map((m) => m[1])
    .filter((name) => name !== 'core');

await esbuild.build({
    entryPoints: ['entry.js'],
    outfile: 'plotly-dashboard.min.js',
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    target: 'es2016',
    plugins: [inlineCSS, environmentPlugin({ NODE_DEBUG: false })],
    define: { global: 'window', 'define.amd': 'false' },
    banner: {
        js: `/* plotly.js v${version} (MIT, Plotly, Inc.), partial bundle: scatter,${traces.join(',')}. ` +
            'Built by vendor/plotly/build.mjs (scripts/build-plotly). */',
    },
    legalComments: 'linked', // the bundled packages' licence notices: plotly-dashboard.min.js.LEGAL.txt,
    logLevel: 'warning',
});
