// Builds plotly-dashboard.min.js the way plotly.js builds its own dist bundles (esbuild-config.js in its
// package): an IIFE that sets window.Plotly, with maplibre-gl's CSS inlined.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { environmentPlugin } from 'esbuild-plugin-environment';
import InlineCSSPlugin from 'esbuild-plugin-inline-css';

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
    plugins: [InlineCSSPlugin(), environmentPlugin({ NODE_DEBUG: false })],
    define: { global: 'window', 'define.amd': 'false' },
    banner: {
        js: `/* plotly.js v${version} (MIT, Plotly, Inc.), partial bundle: scatter,${traces.join(',')}. ` +
            'Built by vendor/plotly/build.mjs (scripts/build-plotly). */',
    },
    legalComments: 'linked', // the bundled packages' licence notices: plotly-dashboard.min.js.LEGAL.txt,
    logLevel: 'warning',
});
