export { default as Canvas } from './Canvas.svelte';
export { summaryOf } from './summary';
