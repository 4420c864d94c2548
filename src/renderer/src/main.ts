// Renderer entry: mounts the Svelte app. No Node here: the engine is reached through getApi().
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('CoreScope: #app element missing from index.html');

export default mount(App, { target });
