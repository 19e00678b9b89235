// Stylesheets are bundled by esbuild (web/monitor/build.mjs).
declare module '*.css';
