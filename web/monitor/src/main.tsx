import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../styles.css';
import { App } from './app';
import { Session } from './session';

const root = document.getElementById('app');
if (root) render(<App session={new Session()} />, root);
