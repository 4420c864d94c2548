// Renderer entry: mounts the Svelte app. No Node here: the engine is reached through getApi().
// The saved theme goes on the page first, so the app's first frame is not a white flash on a
// dark or high-contrast theme (a projector shows it); app.css covers the frames before this.
import { mount } from 'svelte';
import App from './App.svelte';
import { applyPageTheme, storedTheme } from './lib/page-theme';
import './app.css';

applyPageTheme(document.documentElement, storedTheme());

const target = document.getElementById('app');
if (target === null) throw new Error('CoreScope: #app element missing from index.html');

export default mount(App, { target });
