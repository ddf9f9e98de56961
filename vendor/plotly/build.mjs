// Builds plotly-dashboard.min.js the way plotly.js builds its own dist bundles (esbuild-config.js in its
// package): an IIFE that sets window.Plotly; and plotly-dashboard-maps.min.js, maplibre-gl (CSS inlined) for its
// map traces.
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

// What plotly.js's map code takes from maplibre-gl (the library, its web worker's source, its stylesheet: more than
// half of the whole) is left out of the main bundle and read from window.PlotlyDashboardMaps, which
// plotly-dashboard-maps.min.js (maps-entry.js) sets; entry.js loads that file when a figure first draws a map.
const mapsOutside = {
    name: 'maps-outside',
    setup(build) {
        build.onResolve({ filter: /^maplibre-gl\/dist\/maplibre-gl\.(mjs|css)$|\/build\/maplibre_worker$/ }, (args) => ({
            path: args.path.endsWith('.css') ? 'stylesheet' : args.path.endsWith('.mjs') ? 'maplibregl' : 'workerSource',
            namespace: 'maps-outside',
        }));
        build.onLoad({ filter: /.*/, namespace: 'maps-outside' }, (args) => ({
            // the stylesheet comes with the maps bundle
            contents: args.path === 'stylesheet' ? '' : `module.exports = window.PlotlyDashboardMaps.${args.path};`,
            loader: 'js',
        }));
    },
};

const common = {
    format: 'iife',
    bundle: true,
    minify: true,
    target: 'es2016',
    define: { global: 'window', 'define.amd': 'false' },
    legalComments: 'linked', // the bundled packages' licence notices: <bundle>.LEGAL.txt
    logLevel: 'warning',
};

await esbuild.build({
    ...common,
    entryPoints: ['entry.js'],
    outfile: 'plotly-dashboard.min.js',
    globalName: 'Plotly',
    plugins: [mapsOutside, environmentPlugin({ NODE_DEBUG: false })],
    banner: {
        js: `/* plotly.js v${version} (MIT, Plotly, Inc.), partial bundle: scatter,${traces.join(',')}. ` +
            'Built by vendor/plotly/build.mjs (scripts/build-plotly). */',
    },
});

await esbuild.build({
    ...common,
    entryPoints: ['maps-entry.js'],
    outfile: 'plotly-dashboard-maps.min.js',
    plugins: [inlineCSS, environmentPlugin({ NODE_DEBUG: false })],
    banner: {
        js: `/* maplibre-gl for plotly.js v${version}'s map traces (plotly-dashboard.min.js loads it). ` +
            'Built by vendor/plotly/build.mjs (scripts/build-plotly). */',
    },
});
